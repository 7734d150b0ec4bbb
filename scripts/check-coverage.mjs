#!/usr/bin/env node
// Process test coverage gate: every process in processes/*.bpmn must have at least 95% of its flow
// nodes and at least 95% of its sequence flows covered by the tests (subprocess contents included).
//
// Reads every target/process-test-coverage/*/report.json written by camunda-process-test-coverage
// during `mvn verify`, unions the covered element ids per process key across all reports (a flow
// node counts once it has any event, a sequence flow once it was taken), and counts the elements
// from the BPMN files themselves, so a diagram that no test deploys still shows up (and fails).
// Only ids that exist in processes/*.bpmn count: events of test doubles deployed under the same
// key (src/test/resources/stubs, Task_Stub etc.) cover nothing.
// Prints a table and exits 1 if a process is below the minimum on either measure or has no
// coverage data at all. No dependencies:
//   node scripts/check-coverage.mjs            (npm run coverage)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN = 95;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROCESSES = join(ROOT, 'processes');
const REPORTS = join(ROOT, 'target', 'process-test-coverage');

const FLOW_NODES = ['startEvent', 'endEvent', 'userTask', 'serviceTask', 'businessRuleTask', 'callActivity',
  'exclusiveGateway', 'parallelGateway', 'eventBasedGateway', 'inclusiveGateway', 'complexGateway',
  'boundaryEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'subProcess', 'transaction',
  'adHocSubProcess', 'sendTask', 'receiveTask', 'task', 'scriptTask', 'manualTask'];

// --- the diagrams: process id -> { file, nodes, flows } ---------------------------------------

function attribute(tag, name) {
  const match = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`));
  return match ? (match[1] ?? match[2]) : undefined;
}

function processesIn(file) {
  const xml = readFileSync(file, 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  // The prefix bound to the BPMN model namespace ('' when it is the default namespace).
  const ns = xml.match(/xmlns(?::([\w.-]+))?\s*=\s*["']http:\/\/www\.omg\.org\/spec\/BPMN\/20100524\/MODEL["']/);
  if (!ns) throw new Error(`${relative(ROOT, file)}: no BPMN 2.0 model namespace`);
  const p = ns[1] ? `${ns[1]}:` : '';
  const found = [];
  const processPattern = new RegExp(`<${p}process\\b([^>]*?)(/?)>([\\s\\S]*?)(?:</${p}process>|$)`, 'g');
  for (const [, attrs, selfClosing, body] of xml.matchAll(processPattern)) {
    const id = attribute(attrs, 'id');
    const content = selfClosing ? '' : body;
    const elements = (names) => [...content.matchAll(new RegExp(`<${p}(${names.join('|')})\\b([^>]*)>`, 'g'))]
      .map(([, , a]) => attribute(a, 'id'))
      .filter(Boolean);
    found.push({
      id,
      executable: attribute(attrs, 'isExecutable') !== 'false',
      file: relative(ROOT, file),
      nodes: elements(FLOW_NODES),
      flows: elements(['sequenceFlow']),
    });
  }
  return found;
}

const diagrams = readdirSync(PROCESSES).filter((f) => f.endsWith('.bpmn')).sort();
const processes = diagrams.flatMap((f) => processesIn(join(PROCESSES, f)));
if (processes.length === 0) {
  console.error(`check-coverage: no processes in ${relative(ROOT, PROCESSES)}/*.bpmn`);
  process.exit(1);
}

// --- the reports: process key -> covered ids ----------------------------------------------

if (!existsSync(REPORTS)) {
  console.error(`check-coverage: ${relative(ROOT, REPORTS)} does not exist; run \`mvn verify\` first`);
  process.exit(1);
}
const reportFiles = readdirSync(REPORTS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(REPORTS, d.name, 'report.json')))
  .map((d) => join(REPORTS, d.name, 'report.json'))
  .sort();
if (reportFiles.length === 0) {
  console.error(`check-coverage: no ${relative(ROOT, REPORTS)}/*/report.json; run \`mvn verify\` first`);
  process.exit(1);
}

const covered = new Map(); // process key -> { nodes: Set, flows: Set }
const coveredOf = (key) => {
  if (!covered.has(key)) covered.set(key, { nodes: new Set(), flows: new Set() });
  return covered.get(key);
};
for (const file of reportFiles) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`check-coverage: cannot read ${relative(ROOT, file)}: ${err.message}`);
    process.exit(1);
  }
  for (const suite of report.suites ?? []) {
    for (const run of suite.runs ?? []) {
      for (const event of run.events ?? []) {
        if (!event.modelKey || !event.definitionKey) continue;
        if (event.source === 'SEQUENCE_FLOW') coveredOf(event.modelKey).flows.add(event.definitionKey);
        else if (event.source === 'FLOW_NODE') coveredOf(event.modelKey).nodes.add(event.definitionKey);
      }
    }
  }
}

// --- the table ------------------------------------------------------------------------------

const percent = (x, y) => (y === 0 ? 100 : (100 * x) / y);
const shown = (p) => `${(Math.floor(p * 10) / 10).toFixed(1)}%`; // never rounds a failure up to 95.0%
const rows = [];
let failed = false;
for (const proc of processes) {
  const c = covered.get(proc.id);
  const nodesHit = proc.nodes.filter((id) => c?.nodes.has(id));
  const flowsHit = proc.flows.filter((id) => c?.flows.has(id));
  const nodesPct = percent(nodesHit.length, proc.nodes.length);
  const flowsPct = percent(flowsHit.length, proc.flows.length);
  const missing = [...proc.nodes.filter((id) => !c?.nodes.has(id)), ...proc.flows.filter((id) => !c?.flows.has(id))];
  let verdict = 'ok';
  if (!proc.executable) {
    verdict = 'skipped (not executable)';
  } else if (!c) {
    verdict = 'FAIL: no coverage data';
  } else if (nodesPct < MIN || flowsPct < MIN) {
    verdict = `FAIL: below ${MIN}%`;
  }
  if (verdict.startsWith('FAIL')) failed = true;
  rows.push([
    proc.id,
    `${nodesHit.length}/${proc.nodes.length}`, shown(nodesPct),
    `${flowsHit.length}/${proc.flows.length}`, shown(flowsPct),
    verdict,
    !c && missing.length ? `all ${missing.length}` : missing.join(', ') || '-',
  ]);
}

const header = ['process', 'nodes', '%', 'flows', '%', 'result', 'missing ids'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const right = new Set([1, 2, 3, 4]);
const line = (cells) => cells
  .map((cell, i) => (i === cells.length - 1 ? cell : right.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
  .join('  ');
console.log(`Process test coverage from ${reportFiles.length} report(s) in ${relative(ROOT, REPORTS)}/ `
  + `(minimum ${MIN}% of flow nodes and of sequence flows per process)`);
console.log(line(header));
console.log(line(widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? header[i].length : w))));
for (const row of rows) console.log(line(row));

const unknown = [...covered.keys()].filter((key) => !processes.some((p) => p.id === key));
if (unknown.length) console.log(`(reports also cover processes not in processes/: ${unknown.sort().join(', ')})`);

if (failed) {
  console.error(`check-coverage: some processes are below ${MIN}% or have no coverage data (see the table)`);
  process.exit(1);
}
console.log(`check-coverage: all ${rows.length} processes at or above ${MIN}%`);
