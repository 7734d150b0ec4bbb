// What every browser journey shares: where Yishi runs, the engine's REST API as the admin, the
// browser (Debian's chromium via playwright-core, never a downloaded one), and typing into and
// choosing in Camunda Forms (form-js) fields robustly.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.YISHI_URL ?? 'http://localhost:8080';
export const ADMIN = process.env.YISHI_ADMIN ?? 'admin:admin';
export const SHOTS = process.env.YISHI_SCREENSHOTS ?? 'target/e2e';

/** Calls /engine-rest (as the admin unless `auth` says otherwise); the body parsed. */
export async function rest(path, { method = 'GET', body, auth = ADMIN } = {}) {
  const response = await fetch(BASE + '/engine-rest' + path, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(auth).toString('base64'),
      'Content-Type': 'application/json',
    },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A fresh browser profile; `locale` (e.g. 'zh-CN') is the language the browser asks for. */
export async function launch({ locale, name = 'yishi-e2e-' } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'];
  if (locale) args.push(`--lang=${locale}`);
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), name)), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args,
    ...(locale ? { locale } : {}),
    viewport: { width: 1400, height: 900 },
    timezoneId: 'Asia/Shanghai',
  });
}

/**
 * Types into a Camunda Forms field and leaves it (Tab, or `leave: 'blur'`). A change of another
 * field that form-js applies just then re-renders the form from its state, and text typed a moment
 * before is gone (CI runs lost it up to three times in a row): each attempt waits up to a second
 * for the text to be dropped, and types again if it was, at most five times.
 */
export async function enter(field, value, { leave = 'Tab' } = {}) {
  for (let attempt = 1; ; attempt++) {
    await field.fill(value);
    await (leave === 'blur' ? field.blur() : field.press(leave));
    const handle = await field.elementHandle();
    const dropped = await field
      .page()
      .waitForFunction(([input, typed]) => !input.isConnected || input.value !== typed, [handle, value], { timeout: 1000 })
      .then(() => true, () => false);
    const shown = await field.inputValue();
    if ((!dropped && shown === value) || attempt === 5) {
      assert.equal(shown, value);
      return;
    }
  }
}

/** The form-js field whose label contains `label`. */
export function formField(page, label) {
  return page.locator('.fjs-form-field', { has: page.locator('label', { hasText: label }) }).first();
}

/** Picks an option of a Camunda Forms select (searchable or not) by the field's label. */
export async function choose(page, label, option) {
  const field = formField(page, label);
  const search = field.locator('input.fjs-input');
  if (await search.count()) {
    await search.fill(option);
  } else {
    await field.locator('.fjs-input-group').click();
  }
  await page.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
  // the choice is committed once the list has closed and the field shows it
  await page.locator('.fjs-dropdownlist').waitFor({ state: 'detached' });
  const shown = field.locator('input.fjs-input, .fjs-select-display').first();
  await shown.blur();
  await page.waitForFunction(([element, text]) => (element.value ?? element.textContent).includes(text),
    [await shown.elementHandle(), option]);
}

/** A typed engine variable: `v('text')`, `v(12, 'Integer')`. */
export const v = (value, type = 'String') => ({ value, type });

/** Starts a proposal through /engine-rest as the admin (typed variables); the started instance. */
export async function startProposal(variables) {
  const started = await rest('/process-definition/key/proposalLifecycle/start', {
    method: 'POST',
    body: { variables },
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  return started.body;
}

/** Completes the one open task `taskKey` of the proposal `number` through /engine-rest as the admin. */
export async function completeByRest(number, taskKey, variables) {
  const open = await rest(`/task?processInstanceBusinessKey=${number}&taskDefinitionKey=${taskKey}`);
  assert.equal(open.body.length, 1, `${taskKey}: ${JSON.stringify(open.body)}`);
  const typed = Object.fromEntries(Object.entries(variables).map(([k, value]) => [k, { value }]));
  const done = await rest(`/task/${open.body[0].id}/complete`, { method: 'POST', body: { variables: typed } });
  assert.equal(done.status, 204, `${taskKey}: ${JSON.stringify(done.body)}`);
}

/**
 * A phone: a fresh profile in Chinese at a phone's screen size (390 × 844, touch), for the
 * residents' pages.
 */
export async function launchPhone({ name = 'yishi-phone-' } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), name)), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--lang=zh-CN'],
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    timezoneId: 'Asia/Shanghai',
  });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (from npm) on the page as it is now and fails on any serious or critical
 * violation, naming the rule and the elements. The script is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern.
 */
export async function assertAccessible(page, what) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
  assert.deepEqual(violations, [], `${what}: accessibility violations`);
}
