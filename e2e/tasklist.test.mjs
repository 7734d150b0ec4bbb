// Browser journey through Camunda Tasklist, as a caseworker does it (Debian's chromium via
// playwright-core; no downloaded browser). Needs a running Yishi with demo data:
//   YISHI_URL=http://localhost:8080 npm run e2e        (.ci/run starts one for it)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.YISHI_URL ?? 'http://localhost:8080';
const ADMIN = process.env.YISHI_ADMIN ?? 'admin:admin';
const SHOTS = process.env.YISHI_SCREENSHOTS ?? 'target/e2e';
const TITLE = `菁华园瀑布噪音扰民 ${Date.now()}`;

let context;
let processInstanceId;

async function rest(path, { method = 'GET', body, auth = ADMIN } = {}) {
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

async function logIn(user) {
  await context.clearCookies(); // one browser profile: log the previous user out
  const page = await context.newPage();
  await page.goto(BASE + '/camunda/app/tasklist/default/');
  await page.getByPlaceholder('Username').fill(user);
  await page.getByPlaceholder('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('我的小组待办').first().waitFor();
  return page;
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'yishi-e2e-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
    viewport: { width: 1400, height: 900 },
    timezoneId: 'Asia/Shanghai',
  });
  const v = (value, type = 'String') => ({ value, type });
  const started = await rest('/process-definition/key/proposalLifecycle/start', {
    method: 'POST',
    body: {
      variables: {
        title: v(TITLE),
        description: v('南堰河与府河交汇处两米多高的瀑布，汛期水声巨大，2幢居民夜间无法入睡。'),
        community: v('jn-jld-jldbl'),
        courtyard: v('jn-jld-jldbl-jhy'),
        submitterName: v('张先生'),
        submitterPhone: v('13900000001'),
        topic: v('NOISE'),
        scope: v('BUILDING'),
        jurisdiction: v('DISTRICT'),
        crossJurisdiction: v(true, 'Boolean'),
        stakeholderParties: v(4, 'Integer'),
        affectedHouseholds: v(60, 'Integer'),
      },
    },
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  processInstanceId = started.body.id;
});

after(async () => {
  await context?.close();
});

test('a caseworker of another community does not see the proposal', async () => {
  const page = await logIn('ma-caseworker');
  await page.screenshot({ path: join(SHOTS, 'ma-caseworker-tasklist.png') });
  assert.equal(await page.getByText(TITLE).count(), 0);
  assert.equal(await page.getByText('分拣提案').count(), 0);
  await page.close();
});

test('the community caseworker sorts the proposal in Tasklist with its Camunda Form', async () => {
  const page = await logIn('jldbl-caseworker');
  const task = page.locator('.tasks-list li', { hasText: '分拣提案' }).first();
  await task.waitFor();
  await task.click();

  // the Camunda Form: the proposal's facts, its classification in Chinese, the exclusion
  const heading = page.getByText(new RegExp(`分拣提案 JN-\\d{4}-\\d{6}：${TITLE}`));
  await heading.waitFor();
  await page.getByText('难事广议').first().waitFor();
  await page.getByText('是否可议').first().waitFor();
  await page.screenshot({ path: join(SHOTS, 'jldbl-caseworker-sorting.png'), fullPage: true });

  await page.getByRole('button', { name: 'Claim' }).click();
  await page.getByRole('button', { name: 'Complete' }).click();
  await heading.waitFor({ state: 'detached' });
  await page.close();

  const history = await rest(`/history/activity-instance?processInstanceId=${processInstanceId}`);
  const passed = history.body.map((a) => a.activityId);
  assert.ok(passed.includes('Task_ReviewAtLevel'), `passed: ${passed}`);
  const route = await rest(`/history/variable-instance?processInstanceId=${processInstanceId}&variableName=route`);
  assert.equal(route.body[0].value, 'DELIBERATE');
});

test('the courtyard convenor reviews it first and passes it up to the community (逐级审议)', async () => {
  const page = await logIn('jhy-convenor');
  const task = page.locator('.tasks-list li', { hasText: '逐级审议' }).first();
  await task.waitFor();
  await task.click();
  await page.getByText(/本级：菁华园/).waitFor();
  await page.screenshot({ path: join(SHOTS, 'jhy-convenor-review.png'), fullPage: true });
  await page.getByRole('button', { name: 'Claim' }).click();
  await page.getByLabel('上报上级').check();
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.getByText(/本级：菁华园/).waitFor({ state: 'detached' });
  await page.close();

  const open = await rest(`/task?processInstanceId=${processInstanceId}&candidateGroup=jn-jld-jldbl.caseworker`);
  assert.equal(open.body.length, 1, JSON.stringify(open.body));
  assert.equal(open.body[0].taskDefinitionKey, 'Task_ReviewAtLevel');
});
