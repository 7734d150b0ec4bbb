// Every diagram opens in Camunda Modeler: each one is imported into the modeler libraries Camunda
// Modeler is built on (bpmn-js, dmn-js) with the Camunda moddle extensions, in a blank page of
// Debian's chromium (playwright-core; no downloaded browser, no network, no server). Does not need
// a running Yishi, so YISHI_URL is ignored here.
//   node --test e2e/diagrams.test.mjs
// For each processes/*.bpmn it asserts: the import throws no error and reports no warning, every
// flow element (and artifact) of every process has a rendered shape or connection, and no two
// flow-node shapes on the same plane overlap (a boundary event on its host and a shape inside an
// expanded subprocess are not overlaps).
// For each decisions/*.dmn: the import and every view (DRD, each decision table or literal
// expression) open without error or warning, every DRG element has a shape in the DRD, no two DRD
// shapes overlap, and each decision table shows one row per rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// DIAGRAMS_DIR (*.bpmn and *.dmn in one folder) is only there to try this test on broken diagrams.
const PROCESSES = process.env.DIAGRAMS_DIR ?? join(ROOT, 'processes');
const require = createRequire(import.meta.url);
const BPMN_JS = dirname(require.resolve('bpmn-js/package.json'));
const CAMUNDA = JSON.parse(readFileSync(require.resolve('camunda-bpmn-moddle/resources/camunda.json'), 'utf8'));
const DECISIONS = process.env.DIAGRAMS_DIR ?? join(ROOT, 'decisions');
const DMN_JS = dirname(require.resolve('dmn-js/package.json'));
const CAMUNDA_DMN = JSON.parse(readFileSync(require.resolve('camunda-dmn-moddle/resources/camunda.json'), 'utf8'));

const LABEL = process.env.DIAGRAMS_DIR ?? 'processes';
const DMN_LABEL = process.env.DIAGRAMS_DIR ?? 'decisions';
const diagrams = readdirSync(PROCESSES).filter((name) => name.endsWith('.bpmn')).sort();
const decisions = readdirSync(DECISIONS).filter((name) => name.endsWith('.dmn')).sort();

let context;
let page;
let dmnPage;
const blank = '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
  + '<body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>';

before(async () => {
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'yishi-diagrams-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
    viewport: { width: 1600, height: 1000 },
  });
  // Nothing leaves the page: the Modeler and its styles are injected from node_modules.
  await context.route('**/*', (route) => route.abort());
  page = await context.newPage();
  await page.setContent(blank);
  await page.addStyleTag({ path: join(BPMN_JS, 'dist/assets/diagram-js.css') });
  await page.addStyleTag({ path: join(BPMN_JS, 'dist/assets/bpmn-js.css') });
  await page.addScriptTag({ path: join(BPMN_JS, 'dist/bpmn-modeler.development.js') });
  assert.equal(await page.evaluate(() => typeof window.BpmnJS), 'function', 'bpmn-js Modeler bundle did not load');
  dmnPage = await context.newPage();
  await dmnPage.setContent(blank);
  for (const css of ['diagram-js.css', 'dmn-js-shared.css', 'dmn-js-drd.css', 'dmn-js-decision-table.css',
    'dmn-js-decision-table-controls.css', 'dmn-js-literal-expression.css']) {
    await dmnPage.addStyleTag({ path: join(DMN_JS, 'dist/assets', css) });
  }
  await dmnPage.addScriptTag({ path: join(DMN_JS, 'dist/dmn-modeler.development.js') });
  assert.equal(await dmnPage.evaluate(() => typeof window.DmnJS), 'function', 'dmn-js Modeler bundle did not load');
});

after(async () => {
  await context?.close();
});

// Runs in the page: imports one diagram into a fresh Modeler and reports what it finds.
async function openInModeler({ xml, camunda }) {
  const container = document.getElementById('canvas');
  container.innerHTML = '';
  const modeler = new window.BpmnJS({ container, moddleExtensions: { camunda } });
  const result = { error: null, warnings: [], unrendered: [], overlaps: [], processes: [], shapes: 0, connections: 0 };
  const describe = (w) => [w.message, w.element?.id && `(element ${w.element.id})`, w.property && `(property ${w.property})`]
    .filter(Boolean).join(' ');
  try {
    const { warnings } = await modeler.importXML(xml);
    result.warnings = warnings.map(describe);
  } catch (err) {
    result.error = err.message;
    result.warnings = (err.warnings ?? []).map(describe);
    modeler.destroy();
    return result;
  }
  const registry = modeler.get('elementRegistry');
  const is = (bo, type) => bo?.$instanceOf?.(type);

  // Every flow element and artifact of every process (participants' processes included,
  // subprocess contents included) must have been drawn.
  const definitions = modeler.getDefinitions();
  const processes = [];
  for (const root of definitions.rootElements ?? []) {
    if (is(root, 'bpmn:Process')) processes.push(root);
    if (is(root, 'bpmn:Collaboration')) {
      for (const participant of root.participants ?? []) {
        if (participant.processRef && !processes.includes(participant.processRef)) processes.push(participant.processRef);
      }
    }
  }
  const walk = (container) => {
    for (const element of [...(container.flowElements ?? []), ...(container.artifacts ?? [])]) {
      // A data object is drawn through its references; it has no shape of its own.
      if (!is(element, 'bpmn:DataObject') && !registry.get(element.id)) {
        result.unrendered.push(`${element.$type.replace('bpmn:', '')} ${element.id}`);
      }
      if (is(element, 'bpmn:SubProcess')) walk(element);
    }
  };
  for (const process of processes) {
    result.processes.push(process.id);
    walk(process);
  }

  // No two flow-node shapes on the same plane overlap.
  const rootOf = (element) => { let e = element; while (e.parent) e = e.parent; return e; };
  const isAncestor = (maybeAncestor, element) => {
    for (let e = element.parent; e; e = e.parent) if (e === maybeAncestor) return true;
    return false;
  };
  const nodes = registry.filter((e) => e.type !== 'label' && !e.waypoints && is(e.businessObject, 'bpmn:FlowNode'));
  result.shapes = registry.filter((e) => e.type !== 'label' && !e.waypoints && e.parent).length;
  result.connections = registry.filter((e) => !!e.waypoints).length;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      if (rootOf(a) !== rootOf(b)) continue; // different planes (a collapsed subprocess's inside)
      if (a.host === b || b.host === a) continue; // boundary event on its host
      if (isAncestor(a, b) || isAncestor(b, a)) continue; // shape inside an expanded subprocess
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 0 && h > 0) {
        const box = (e) => `${e.id} [x=${e.x} y=${e.y} w=${e.width} h=${e.height}]`;
        result.overlaps.push(`${box(a)} overlaps ${box(b)} by ${w}x${h}`);
      }
    }
  }
  modeler.destroy();
  return result;
}

// Runs in the page: imports one decision file into a fresh dmn-js Modeler and opens every view.
async function openInDmnModeler({ xml, camunda }) {
  const container = document.getElementById('canvas');
  container.innerHTML = '';
  const modeler = new window.DmnJS({ container, moddleExtensions: { camunda } });
  const result = { error: null, warnings: [], unrendered: [], overlaps: [], tables: [], views: [] };
  const describe = (w) => [w.message, w.element?.id && `(element ${w.element.id})`, w.property && `(property ${w.property})`]
    .filter(Boolean).join(' ');
  try {
    const { warnings } = await modeler.importXML(xml);
    result.warnings.push(...warnings.map(describe));
  } catch (err) {
    result.error = err.message;
    result.warnings.push(...(err.warnings ?? []).map(describe));
    modeler.destroy();
    return result;
  }
  for (const view of modeler.getViews()) {
    const name = `${view.type} ${view.element.id}`;
    result.views.push(name);
    // importXML already opened the first view; opening it again would re-import its DI.
    if (modeler.getActiveView() !== view) {
      try {
        const { warnings = [] } = await modeler.open(view);
        result.warnings.push(...warnings.map((w) => `${name}: ${describe(w)}`));
      } catch (err) {
        result.error = `${name}: ${err.message}`;
        break;
      }
    }
    const viewer = modeler.getActiveViewer();
    if (view.type === 'drd') {
      const registry = viewer.get('elementRegistry');
      for (const element of [...(view.element.drgElement ?? []), ...(view.element.artifact ?? [])]) {
        if (!registry.get(element.id)) result.unrendered.push(`${element.$type.replace('dmn:', '')} ${element.id}`);
      }
      const shapes = registry.filter((e) => e.parent && !e.waypoints && e.type !== 'label');
      for (let i = 0; i < shapes.length; i++) {
        for (let j = i + 1; j < shapes.length; j++) {
          const a = shapes[i];
          const b = shapes[j];
          const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
          const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
          if (w > 0 && h > 0) {
            const box = (e) => `${e.id} [x=${e.x} y=${e.y} w=${e.width} h=${e.height}]`;
            result.overlaps.push(`${box(a)} overlaps ${box(b)} by ${w}x${h}`);
          }
        }
      }
    } else if (view.type === 'decisionTable') {
      const rules = view.element.decisionLogic?.rule?.length ?? 0;
      const rows = container.querySelectorAll('.tjs-table tbody tr').length;
      if (rows !== rules) result.tables.push(`${view.element.id}: ${rules} rule(s) but ${rows} row(s) shown`);
    }
  }
  modeler.destroy();
  return result;
}

test('there are diagrams to open', () => {
  assert.ok(diagrams.length > 0, `no *.bpmn files in ${PROCESSES}`);
});

for (const file of diagrams) {
  test(`${LABEL}/${file} opens in the bpmn-js Modeler (Camunda Modeler)`, async () => {
    const xml = readFileSync(join(PROCESSES, file), 'utf8');
    const r = await page.evaluate(openInModeler, { xml, camunda: CAMUNDA });
    assert.equal(r.error, null,
      `${LABEL}/${file}: import failed: ${r.error}${r.warnings.length ? '\n  ' + r.warnings.join('\n  ') : ''}`);
    assert.deepEqual(r.warnings, [], `${LABEL}/${file}: ${r.warnings.length} import warning(s):\n  ${r.warnings.join('\n  ')}`);
    assert.ok(r.processes.length > 0, `${LABEL}/${file}: no bpmn:process in the diagram`);
    assert.deepEqual(r.unrendered, [],
      `${LABEL}/${file}: ${r.unrendered.length} element(s) without a shape or connection in the diagram:\n  ${r.unrendered.join('\n  ')}`);
    assert.deepEqual(r.overlaps, [],
      `${LABEL}/${file}: ${r.overlaps.length} overlapping flow-node shape(s):\n  ${r.overlaps.join('\n  ')}`);
  });
}

for (const file of decisions) {
  test(`${DMN_LABEL}/${file} opens in the dmn-js Modeler (Camunda Modeler)`, async () => {
    const xml = readFileSync(join(DECISIONS, file), 'utf8');
    const r = await dmnPage.evaluate(openInDmnModeler, { xml, camunda: CAMUNDA_DMN });
    assert.equal(r.error, null,
      `${DMN_LABEL}/${file}: import failed: ${r.error}${r.warnings.length ? '\n  ' + r.warnings.join('\n  ') : ''}`);
    assert.deepEqual(r.warnings, [], `${DMN_LABEL}/${file}: ${r.warnings.length} import warning(s):\n  ${r.warnings.join('\n  ')}`);
    assert.ok(r.views.some((v) => !v.startsWith('drd ')), `${DMN_LABEL}/${file}: no decision to open (views: ${r.views.join(', ')})`);
    assert.deepEqual(r.unrendered, [],
      `${DMN_LABEL}/${file}: ${r.unrendered.length} element(s) without a shape in the DRD:\n  ${r.unrendered.join('\n  ')}`);
    assert.deepEqual(r.overlaps, [], `${DMN_LABEL}/${file}: ${r.overlaps.length} overlapping DRD shape(s):\n  ${r.overlaps.join('\n  ')}`);
    assert.deepEqual(r.tables, [], `${DMN_LABEL}/${file}: decision table(s) not shown in full:\n  ${r.tables.join('\n  ')}`);
  });
}
