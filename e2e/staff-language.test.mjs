// Browser journey (issue 11, parts 5 and 7): refusals in staff language, nothing offered that the
// user may not do, Yishi's own Chinese error page. Debian's chromium via playwright-core, a
// Chinese browser (zh-CN). Needs a running Yishi with demo data:
//   YISHI_URL=http://localhost:8080 node --test e2e/staff-language.test.mjs
// Tasklist's own words are matched in English or Chinese (its Chinese locale comes from another
// change); what Yishi says is matched exactly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ADMIN, BASE, SHOTS, rest, launch, enter, formField, choose, startProposal, v } from './support.mjs';

const TITLE = `金牛区九里堤北路广场舞音响扰民 ${Date.now()}`;
const REFUSAL = '更正理由：议题由“整治类：噪声”改为“社区服务类：文体”，须写明理由';
// what staff must never read: key names, codes, Camunda's wrappers, form-js's English
const TECHNICAL = /correctionReason|CULTURE_SPORTS|NOISE|topic|ENGINE-\d|Field (is|must)|\^1\[3-9]/;

let context;
let processInstanceId;

/** Logs into a webapp's own login page (one browser profile: the previous user is logged out). */
async function logIn(app, user, password = 'demo') {
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(`${BASE}/camunda/app/${app}/default/`);
  await page.getByPlaceholder(/Username|用户名/).fill(user);
  await page.getByPlaceholder(/Password|密码/).fill(password);
  await page.getByRole('button', { name: /Log in|登录/ }).click();
  return page;
}

async function logIntoTasklist(user, password) {
  const page = await logIn('tasklist', user, password);
  await page.locator('.filters, [cam-tasklist-filters]').first().waitFor();
  await page.locator('.tasks-list, [cam-tasks]').first().waitFor();
  return page;
}

/** The text of the notification that contains `text`, once shown. */
async function notification(page, text) {
  const shown = page.locator('.notifications .alert, [notifications-panel] .alert', { hasText: text }).first();
  await shown.waitFor();
  return (await shown.innerText()).replace(/\s+/g, ' ').trim();
}

/** Closes Tasklist's notifications (they lie over the form's buttons). */
async function closeNotifications(page) {
  const close = page.locator('[ng-click="removeNotification(notification)"]');
  while (await close.count()) {
    await close.first().click();
  }
}

before(async () => {
  context = await launch({ locale: 'zh-CN' });
  const started = await startProposal({
    title: v(TITLE),
    description: v('每晚八点到十点，广场舞音响声音很大，临街住户无法休息。'),
    community: v('jn-jld-jldbl'),
    submitterName: v('刘女士'),
    submitterPhone: v('13900000002'),
    topic: v('NOISE'),
    scope: v('COMMUNITY'),
  });
  processInstanceId = started.id;
});

after(async () => {
  await context?.close();
});

test('a caseworker is refused a correction without a reason in Chinese, then corrects with one', async () => {
  const open = await rest(`/task?processInstanceId=${processInstanceId}&taskDefinitionKey=Task_SortProposal`);
  assert.equal(open.body.length, 1, JSON.stringify(open.body));
  const taskId = open.body[0].id;
  // claimed before the form opens: a claim re-renders the form and loses what was chosen before
  const claimed = await rest(`/task/${taskId}/claim`, {
    method: 'POST', body: { userId: 'jldbl-caseworker' }, auth: 'jldbl-caseworker:demo',
  });
  assert.equal(claimed.status, 204, JSON.stringify(claimed.body));

  const page = await logIntoTasklist('jldbl-caseworker');
  await page.goto(`${BASE}/camunda/app/tasklist/default/#/?task=${taskId}`);
  const title = formField(page, '提案标题').locator('input');
  await title.waitFor();
  assert.equal(await title.inputValue(), TITLE);

  await choose(page, '议题', '社区服务类：文体');
  await page.getByRole('button', { name: /^(Complete|完成)$/ }).click();
  const told = await notification(page, '须写明理由');
  await page.screenshot({ path: join(SHOTS, 'staff-language-refused.png'), fullPage: true });
  // Yishi's words come after Tasklist's own prefix ("提交任务表单时出错" once Tasklist is Chinese)
  assert.ok(told.includes(REFUSAL), told);
  const ours = told.slice(told.indexOf(REFUSAL));
  assert.doesNotMatch(ours, /[A-Za-z]/, told);
  assert.doesNotMatch(told, TECHNICAL, told);
  if (/完成/.test(await page.getByRole('button', { name: /^(Complete|完成)$/ }).innerText())) {
    assert.doesNotMatch(told, /[A-Za-z]{3,}/, `a Chinese Tasklist says it all in Chinese: ${told}`);
  }
  // the field the refusal names is marked, with the message under it
  const reason = formField(page, '更正理由');
  await reason.locator('.yishi-refusal', { hasText: REFUSAL }).waitFor();
  assert.match(await reason.getAttribute('class'), /fjs-has-errors/);
  assert.doesNotMatch(await page.locator('.fjs-form').innerText(), TECHNICAL);

  await closeNotifications(page);
  // left by blur, not Tab: Tab would open the next field's list (是否可议), which lies over the buttons
  await enter(reason.locator('textarea'), '提案反映的是广场舞活动的组织与场地，属文体活动，非一般噪声整治', { leave: 'blur' });
  // typing in the marked field clears the mark
  assert.equal(await reason.locator('.yishi-refusal').count(), 0);
  await page.getByRole('button', { name: /^(Complete|完成)$/ }).click();
  await title.waitFor({ state: 'detached' });
  await page.screenshot({ path: join(SHOTS, 'staff-language-corrected.png'), fullPage: true });
  await page.close();

  const topic = await rest(`/history/variable-instance?processInstanceId=${processInstanceId}&variableName=topic`);
  assert.equal(topic.body[0].value, 'CULTURE_SPORTS');
  const done = await rest(`/history/task?taskId=${taskId}`);
  assert.ok(done.body[0].endTime, 'the sorting task is completed');
});

test('form-js checks in the start form speak Chinese; a bad phone is refused by name', async () => {
  const page = await logIntoTasklist('jldbl-gridworker');
  await page.getByText(/Start process|启动流程/).first().click();
  await page.getByText('社区提案').first().click();
  await page.getByText('提交社区提案').first().waitFor();
  await page.getByRole('button', { name: /^(Start|启动)$/ }).click();
  await formField(page, '提案标题').getByText('此项必填').waitFor();
  await page.screenshot({ path: join(SHOTS, 'staff-language-start-form-required.png'), fullPage: true });
  assert.equal(await page.getByText(/Field (is|must)/).count(), 0);

  await enter(page.getByLabel('提案标题'), `九里堤北路社区增设休闲座椅 ${Date.now()}`);
  await enter(page.getByLabel('提案内容'), '社区广场缺少座椅，老人散步无处歇脚。');
  await choose(page, '所属社区', '九里堤北路社区');
  await enter(page.getByLabel('提案人姓名'), '孙奶奶');
  await enter(page.getByLabel('提案人手机号'), '1381234');
  await choose(page, '议题', '建设类：设施');
  await choose(page, '影响范围', '整个社区');
  // no regular expression in the browser: the server refuses, naming the field and the format
  assert.equal(await page.getByText(/pattern|\^1\[3-9]/).count(), 0);
  await page.getByRole('button', { name: /^(Start|启动)$/ }).click();
  const told = await notification(page, '提案人手机号：须为11位手机号码');
  await formField(page, '提案人手机号').locator('.yishi-refusal').waitFor();
  await page.screenshot({ path: join(SHOTS, 'staff-language-start-form-phone.png'), fullPage: true });
  assert.doesNotMatch(told, TECHNICAL, told);
  assert.doesNotMatch(told.slice(told.indexOf('提案人手机号')), /[A-Za-z]/, told);
  await page.close();
});

test('a caseworker is not offered "Create task"; an administrator is', async () => {
  const page = await logIntoTasklist('jldbl-caseworker');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SHOTS, 'staff-language-no-create-task.png') });
  assert.equal(await page.locator('.create-task-action').filter({ visible: true }).count(), 0);
  assert.equal(await page.getByText(/^\s*(Create task|创建任务)\s*$/).filter({ visible: true }).count(), 0);
  await page.close();

  const [user, password] = ADMIN.split(':');
  const admin = await logIntoTasklist(user, password);
  await admin.locator('.create-task-action').filter({ visible: true }).first().waitFor();
  await admin.close();
});

test('a caseworker logging into Cockpit is told in Chinese to use Tasklist', async () => {
  const page = await logIn('cockpit', 'jldbl-caseworker');
  const told = await notification(page, '请使用任务列表');
  await page.screenshot({ path: join(SHOTS, 'staff-language-cockpit-login.png') });
  assert.ok(told.includes('办理提案请使用任务列表'), told);
  assert.doesNotMatch(told, /Wrong credentials|missing access rights|凭据错误/, told);
  await page.close();
});

test('an unknown page is Yishi\'s Chinese error page, not Spring\'s white-label page', async () => {
  const page = await context.newPage();
  const answer = await page.goto(`${BASE}/camunda/no-such-page`);
  assert.equal(answer.status(), 404);
  await page.getByRole('heading', { name: '页面不存在' }).waitFor();
  await page.getByRole('link', { name: /任务列表/ }).waitFor();
  await page.screenshot({ path: join(SHOTS, 'staff-language-not-found.png') });
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /Whitelabel|Not Found|There was an unexpected error/);
  await page.close();
});
