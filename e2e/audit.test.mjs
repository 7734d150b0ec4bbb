// The auditor's page (/audit/) in Debian's chromium with a Chinese locale, against a running Yishi:
// - an auditor logs in, finds a proposal whose topic the caseworker corrected while sorting, sees
//   the correction with who made it, the value it replaced and the reason, the decision tables'
//   evaluations, the diagram with the path taken (the deliberation it was called into opens from
//   its call activity), and
//   downloads the CSV (UTF-8 with a byte-order mark, the README's columns);
// - a proposal rejected at sorting is finished, and its diagram marks the whole path to its end;
// - a community's supervisor does not find another community's proposal, and opening it directly
//   says so.
// No Content-Security-Policy violation may occur on the way. Screenshots: target/e2e/audit-*.png.
//   YISHI_URL=http://localhost:8080 node --test e2e/audit.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, SHOTS, completeByRest, launch, rest, v } from './support.mjs';

const JLDBL = 'jn-jld-jldbl';
const CORRECTION_REASON = '杂物与排水属环境卫生，不是噪声';

/** Submits a proposal through the residents' API; its number. */
async function submit(title, community, courtyard) {
  const response = await fetch(BASE + '/api/proposals', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title,
      description: '院内堆放杂物多年，排水沟堵塞，雨天积水。',
      community,
      courtyard,
      submitterName: '张先生',
      submitterPhone: '13900000007',
      topic: 'NOISE',
      scope: 'COURTYARD',
    }),
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  return body.number;
}

/** The (community's) caseworker claims the sorting task of the proposal and submits it with these variables. */
async function sort(number, variables, user = 'jldbl-caseworker') {
  const tasks = await rest(
    `/task?processInstanceBusinessKey=${number}&taskDefinitionKey=Task_SortProposal`,
  );
  assert.equal(tasks.body.length, 1, JSON.stringify(tasks.body));
  const auth = user + ':demo';
  const id = tasks.body[0].id;
  const claimed = await rest(`/task/${id}/claim`, { method: 'POST', body: { userId: user }, auth });
  assert.equal(claimed.status, 204, JSON.stringify(claimed.body));
  const done = await rest(`/task/${id}/submit-form`, { method: 'POST', body: { variables }, auth });
  assert.equal(done.status, 204, JSON.stringify(done.body));
}

let context;
let corrected;
let rejected;
let elsewhere;
const violations = [];

before(async () => {
  corrected = await submit('九里堤北路金禾苑杂物清理', JLDBL, 'jn-jld-jldbl-jhy');
  await sort(corrected, {
    topic: v('SANITATION'),
    exclusion: v('NONE'),
    correctionReason: v(CORRECTION_REASON),
  });
  // reviewed and settled, so that it goes on into a deliberation process (a called process)
  await completeByRest(corrected, 'Task_ReviewAtLevel', {
    reviewDecision: 'SETTLE',
    reviewReason: '院落内可以协商解决',
  });
  rejected = await submit('金禾苑违规搭建要求处理', JLDBL, 'jn-jld-jldbl-jhy');
  await sort(rejected, {
    exclusion: v('UNLAWFUL'),
    sortingNote: v('诉求违反法律法规，不予协商；已告知提案人可向城管部门反映。'),
  });
  elsewhere = await submit('马鞍北路八号院停车', 'jn-smq-ma', 'jn-smq-ma-mabl8');
  // ended at once, so that it leaves no open task in the other journeys' Tasklist
  await sort(elsewhere, { exclusion: v('UNLAWFUL'), sortingNote: v('不予协商。') }, 'ma-caseworker');
  context = await launch({ locale: 'zh-CN', name: 'yishi-audit-' });
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
});

after(async () => {
  await context?.close();
});

/** Waits until the diagram shows this node or flow marked as passed. */
async function visited(page, id) {
  await page.locator(`#canvas .visited[data-element-id="${id}"]`).waitFor();
}

/** Opens a collapsed subprocess's own plane (bpmn-js's drill-down button on it). */
async function drillInto(page, id) {
  await page.locator(`#canvas .djs-overlays[data-container-id="${id}"] .bjs-drilldown`).click();
  await page.locator('#canvas .bjs-breadcrumbs').waitFor();
}

async function logIn(page, user) {
  await page.goto(BASE + '/audit/');
  await page.locator('#login, #search').first().waitFor();
  if (await page.locator('#who').isVisible()) {
    await page.getByRole('button', { name: '退出登录' }).click();
  }
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill('demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#search').waitFor();
}

async function find(page, number) {
  await page.getByLabel('编号').fill(number);
  const answered = page.waitForResponse((r) => r.url().includes('/api/audit/proposals?number=' + number));
  await page.getByRole('button', { name: '查找' }).click();
  await answered;
  await page.locator('#search[aria-busy="false"]').waitFor();
}

test('an auditor finds a corrected proposal, sees who corrected what and why, the tables and the path, and downloads the CSV', async () => {
  const page = await context.newPage();
  await page.goto(BASE + '/audit/');
  // (an unknown user: a wrong password would lock that account for a few seconds, Camunda's
  // login throttling)
  await page.getByLabel('用户名').fill('no-such-auditor');
  await page.getByLabel('密码').fill('wrong');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#login-error', { hasText: '用户名或密码不正确' }).waitFor();

  await logIn(page, 'auditor');
  assert.match(await page.locator('#who').textContent(), /罗敏.*全区/s);
  await find(page, corrected);
  await page.screenshot({ path: join(SHOTS, 'audit-list.png'), fullPage: true });
  const row = page.locator('#results tbody tr', { hasText: corrected });
  assert.match(await row.textContent(), /九里堤北路社区/);
  await row.getByRole('link', { name: corrected }).click();

  await page.locator('#detail-title', { hasText: corrected }).waitFor();
  const correction = page.locator('.event.kind-CORRECTION');
  await correction.first().waitFor();
  assert.equal(await correction.count(), 1);
  const text = await correction.textContent();
  assert.match(text, /更正/);
  assert.match(text, /办理人：王芳（jldbl-caseworker）/);
  assert.match(text, /原值\s*NOISE/);
  assert.match(text, /新值\s*SANITATION/);
  assert.match(text, new RegExp('理由\\s*' + CORRECTION_REASON));
  // the tables ran at intake with the resident's topic and again with the corrected one
  const decisions = page.locator('#decisions tbody tr');
  assert.ok((await decisions.count()) >= 2, 'decision evaluations are listed');
  assert.match(await page.locator('#decisions').textContent(), /topic = NOISE/);
  assert.match(await page.locator('#decisions').textContent(), /topic = SANITATION/);

  // the diagram: the steps taken are marked; 受理与分拣 is a collapsed subprocess, and drilling
  // into it shows the sorting task marked too
  await visited(page, 'Activity_IntakeAndSorting');
  await page.screenshot({ path: join(SHOTS, 'audit-trail.png'), fullPage: true });
  await drillInto(page, 'Activity_IntakeAndSorting');
  await visited(page, 'Task_SortProposal');
  // the loop back after the correction is marked, the "no correction" exit is not
  await visited(page, 'Flow_Corrected');
  assert.equal(await page.locator('#canvas .visited[data-element-id="Flow_NotCorrected"]').count(), 0);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'audit-trail-subprocess.png') });
  await page.locator('#canvas .bjs-breadcrumbs a').first().click();
  // the deliberation it went into: a call activity in 协商议事 opens the called process's diagram
  await page.locator('#canvas .active[data-element-id="Activity_Deliberation"]').waitFor();
  await drillInto(page, 'Activity_Deliberation');
  await page.locator('#canvas .active[data-element-id="Call_CourtyardDeliberation"]').waitFor();
  const call = page.locator('#canvas .djs-element.openable');
  assert.equal(await call.count(), 1, 'one deliberation process was called');
  const lifecycleTab = await page.locator('#runs [aria-selected="true"]').textContent();
  await call.click();
  await page.waitForFunction(
    (text) => document.querySelector('#runs [aria-selected="true"]')?.textContent !== text,
    lifecycleTab,
  );
  assert.match(await page.locator('#runs [aria-selected="true"]').textContent(), /院落协商（第 \d+ 版，进行中）/);
  await page.locator('#canvas .djs-element.active').first().waitFor();
  await page.screenshot({ path: join(SHOTS, 'audit-called-process.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
  const csv = readFileSync(await download.path());
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = csv.toString('utf8').slice(1).split(/\r?\n/);
  assert.equal(lines[0], '时间,类别,流程,步骤,办理人,结果,详情');
  assert.ok(lines.some((line) => line.includes('更正') && line.includes(CORRECTION_REASON)));
  assert.equal(download.suggestedFilename(), corrected + '-trail.csv');
  await page.close();
});

test("a finished proposal's trail shows its whole path to the end", async () => {
  const page = await context.newPage();
  await page.goto(BASE + '/audit/#/p/' + rejected);
  await page.locator('#detail-title', { hasText: rejected }).waitFor();
  assert.match(await page.locator('#facts').textContent(), /不予采纳（已结束）/);
  assert.match(await page.locator('#runs').textContent(), /已结束/);
  for (const id of ['Event_ProposalSubmitted', 'Activity_IntakeAndSorting', 'Event_RejectedAtSorting']) {
    await visited(page, id);
  }
  assert.equal(await page.locator('#canvas .djs-element.active').count(), 0, 'nothing is still open');
  assert.ok((await page.locator('#canvas .djs-connection.visited').count()) >= 3, 'the flows taken are marked');
  await page.screenshot({ path: join(SHOTS, 'audit-finished.png'), fullPage: true });
  await drillInto(page, 'Activity_IntakeAndSorting');
  for (const id of ['Task_SortProposal', 'Task_CheckEligibility', 'Event_IntakeDone']) {
    await visited(page, id);
  }
  assert.match(await page.locator('#timeline').textContent(), /王芳/);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('#login-error', { hasText: '已退出登录' }).waitFor();
  await page.close();
});

test("a community's supervisor does not see another community's proposal", async () => {
  const page = await context.newPage();
  await logIn(page, 'jldbl-supervisor');
  assert.match(await page.locator('#who').textContent(), /九里堤北路社区/);
  await find(page, elsewhere);
  assert.equal(await page.locator('#search-total').textContent(), '没有符合条件的提案');
  await find(page, corrected);
  assert.equal(await page.locator('#results tbody tr').count(), 1);
  await page.goto(BASE + '/audit/#/p/' + elsewhere);
  await page.locator('#detail-error', { hasText: '只能查看本社区的提案' }).waitFor();
  assert.equal(await page.locator('#detail-body').isVisible(), false);
  await page.screenshot({ path: join(SHOTS, 'audit-supervisor-refused.png'), fullPage: true });
  await page.close();
  assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
});
