// Browser journey through Camunda Tasklist, as a caseworker does it (Debian's chromium via
// playwright-core; no downloaded browser). Needs a running Yishi with demo data:
//   YISHI_URL=http://localhost:8080 npm run e2e        (.ci/run starts one for it)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, rest, launch, enter, formField, choose, startProposal, completeByRest, v } from './support.mjs';

const TITLE = `菁华园瀑布噪音扰民 ${Date.now()}`;

let context;
let processInstanceId;

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
  context = await launch();
  const started = await startProposal({
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
  });
  processInstanceId = started.id;
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
  const heading = page.getByText(/分拣提案 JN-\d{4}-\d{6}/);
  await heading.waitFor();
  // the title is data: shown in a disabled field, never rendered as markdown or HTML
  const title = page.locator('.fjs-form-field', { has: page.locator('label', { hasText: '提案标题' }) }).first().locator('input');
  assert.equal(await title.inputValue(), TITLE);
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
  // the claim re-renders the form: choose only once the claim has gone through
  await page.getByRole('button', { name: 'Claim' }).waitFor({ state: 'detached' });
  await page.getByLabel('上报上级').check();
  assert.ok(await page.getByLabel('上报上级').isChecked());
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.getByText(/本级：菁华园/).waitFor({ state: 'detached' });
  await page.close();

  const open = await rest(`/task?processInstanceId=${processInstanceId}&candidateGroup=jn-jld-jldbl.caseworker`);
  assert.equal(open.body.length, 1, JSON.stringify(open.body));
  assert.equal(open.body[0].taskDefinitionKey, 'Task_ReviewAtLevel');
});

test('a grid worker takes in a proposal with Tasklist\'s start form (社区提案)', async () => {
  const title = `九里堤北路社区增设休闲座椅 ${Date.now()}`;
  const page = await logIn('jldbl-gridworker');
  await page.getByText('Start process').first().click();
  await page.getByText('社区提案').first().click();
  await page.getByText('提交社区提案').first().waitFor();

  await enter(page.getByLabel('提案标题'), title);
  await enter(page.getByLabel('提案内容'), '社区广场缺少座椅，老人散步无处歇脚。');
  await choose(page, '所属社区', '九里堤北路社区');
  await enter(page.getByLabel('提案人姓名'), '孙奶奶');
  await enter(page.getByLabel('提案人手机号'), '13812345678');
  await choose(page, '议题', '建设类：设施');
  await choose(page, '影响范围', '整个社区');
  await enter(page.getByLabel('预计费用（元）'), '3000');
  // what was typed is still there when Start is pressed
  assert.equal(await page.getByLabel('提案标题').inputValue(), title);
  assert.equal(await page.getByLabel('提案人姓名').inputValue(), '孙奶奶');
  assert.equal(await page.getByLabel('提案人手机号').inputValue(), '13812345678');
  await page.screenshot({ path: join(SHOTS, 'jldbl-gridworker-start-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByText('提交社区提案').first().waitFor({ state: 'detached' });
  await page.close();

  const started = await rest(`/process-instance?processDefinitionKey=proposalLifecycle&variables=title_eq_${encodeURIComponent(title)}`);
  assert.equal(started.body.length, 1, JSON.stringify(started.body));
  assert.match(started.body[0].businessKey, /^JN-\d{4}-\d{6}$/);
  const sorting = await rest(`/task?processInstanceId=${started.body[0].id}&candidateGroup=jn-jld-jldbl.caseworker`);
  assert.equal(sorting.body.length, 1);
  assert.equal(sorting.body[0].taskDefinitionKey, 'Task_SortProposal');
  const cost = await rest(`/process-instance/${started.body[0].id}/variables/estimatedCost`);
  assert.equal(cost.body.value, 3000);
});

test('the committee records its meeting in Tasklist; counts that make no sense are refused in Chinese', async () => {
  const started = await startProposal({
    title: v(`九里堤北路社区广场增设座椅 ${Date.now()}`),
    description: v('社区广场缺少座椅。'),
    community: v('jn-jld-jldbl'),
    submitterName: v('孙奶奶'),
    submitterPhone: v('13812345678'),
    topic: v('FACILITIES'),
    scope: v('COMMUNITY'),
    estimatedCost: v(3000, 'Double'),
  });
  const number = started.businessKey;
  await completeByRest(number, 'Task_SortProposal', { exclusion: 'NONE' });
  await completeByRest(number, 'Task_ReviewAtLevel', { reviewDecision: 'SETTLE' });
  await completeByRest(number, 'Task_ChooseStakeholders', { stakeholderNames: '物业公司' });
  await completeByRest(number, 'Task_RecordStakeholderOpinion', { stakeholderOpinion: '同意增设座椅' });
  await completeByRest(number, 'Task_DraftPlan', { meetingPlan: '在广场东侧增设四张座椅' });

  const meeting = await rest(`/task?processInstanceBusinessKey=${number}&taskDefinitionKey=Task_HoldMeeting`);
  assert.equal(meeting.body.length, 1, JSON.stringify(meeting.body));
  // claimed before the form opens: Tasklist re-renders the form once a claim has gone through,
  // and text typed into the form before that re-render is lost (a flaky run showed it)
  const claimed = await rest(`/task/${meeting.body[0].id}/claim`, {
    method: 'POST', body: { userId: 'jldbl-committee' }, auth: 'jldbl-committee:demo',
  });
  assert.equal(claimed.status, 204, JSON.stringify(claimed.body));
  const page = await logIn('jldbl-committee');
  await page.goto(`${BASE}/camunda/app/tasklist/default/#/?task=${meeting.body[0].id}`);
  await page.getByLabel(/应到人数/).waitFor();
  // a 7+X meeting: the recorder enters the committee's own members (9); with the one stakeholder
  // (物业公司) the meeting has 10 members expected, so 11 present is refused
  await enter(page.getByLabel(/应到人数/), '9');
  await enter(page.getByLabel(/实到人数/), '11');
  await enter(page.getByLabel(/赞成票数/), '5');
  await enter(page.getByLabel(/签到的参会人员/), '张伟\n王芳\n李娜');
  assert.equal(await page.getByLabel(/应到人数/).inputValue(), '9');
  await page.getByRole('button', { name: 'Complete' }).click();
  const refusal = page.getByText('实到人数不能多于应到人数').first();
  await refusal.waitFor();
  await page.screenshot({ path: join(SHOTS, 'jldbl-committee-meeting-refused.png'), fullPage: true });
  // the Chinese message alone, not inside Camunda's "ENGINE-03051 … TaskListener" wrapper
  assert.equal(await page.getByText(/ENGINE-03051/).count(), 0);
  await page.locator('.notification .close, [ng-click*="removeNotification"]').first().click().catch(() => {});

  await enter(page.getByLabel(/实到人数/), '8');
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.getByLabel(/应到人数/).waitFor({ state: 'detached' });
  await page.close();

  const history = await rest(`/history/activity-instance?activityId=Task_ResolveMeeting&finished=true`);
  const outcomes = await rest(`/history/variable-instance?variableName=meetingOutcome&processInstanceIdIn=${history.body.map((a) => a.processInstanceId).join(',')}`);
  assert.ok(outcomes.body.some((o) => o.value === 'PASSED'), JSON.stringify(outcomes.body));
});
