// A resident on a phone: submits a proposal on / (the API's field errors shown beside the fields),
// follows it on /proposals/{number}, a neighbour co-signs it (once per phone), and once the staff
// have carried it through to 待评价 (driven here through /engine-rest as the admin) the submitter
// rates it. Needs a running Yishi:  YISHI_URL=http://localhost:8080 node --test e2e/residents-proposal.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, rest, launchPhone, assertAccessible, completeByRest } from './support.mjs';

const NUMBER = /^[A-Z]{2,8}-\d{4}-\d{6}$/;
const XSS = '<img src=x onerror="window.__xss=1">标题';
const stamp = Date.now();
const TITLE = `${XSS} 菁华园楼道堆物清理 ${stamp}`;
const PHONE = '139' + String(stamp).slice(-8);
const NEIGHBOUR = '137' + String(stamp + 1).slice(-8);

let context;
let page;
const problems = [];

function watch(p) {
  p.on('console', (message) => {
    // Chromium logs each refused call (400, 403, 404, 409) it made; those the journey expects
    const expected = /^Failed to load resource: the server responded with a status of (400|403|404|409)\b/;
    if (message.type() === 'error' && !expected.test(message.text())) problems.push(`console: ${message.text()}`);
    else if (/Refused to|Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  p.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
}

const shot = (name) => page.screenshot({ path: join(SHOTS, `residents-${name}.png`), fullPage: true });

async function api(path, body) {
  const response = await fetch(BASE + path, {
    method: body ? 'POST' : 'GET',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body && JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function waitForStatus(number, status) {
  for (let i = 0; i < 100; i++) {
    const view = await api(`/api/proposals/${number}`);
    if (view.body?.status === status) return view.body;
    await fetch(BASE + '/api/organisation'); // paces the polling by a round trip, not a fixed sleep
  }
  assert.fail(`${number} did not reach ${status}`);
}

/** Waits until the proposal has the open task `key` (the engine runs async steps in the background). */
async function waitForTask(number, key) {
  for (let i = 0; i < 200; i++) {
    const open = await rest(`/task?processInstanceBusinessKey=${number}&taskDefinitionKey=${key}`);
    if (open.body.length === 1) return;
    await fetch(BASE + '/api/organisation');
  }
  assert.fail(`${number}: task ${key} never opened`);
}

/** Lets a notice period (公示期) pass: runs its timer now. */
async function passNoticePeriod(number) {
  for (let i = 0; i < 200; i++) {
    const instances = await rest(`/process-instance?businessKey=${number}`);
    for (const instance of instances.body) {
      const timers = await rest(`/job?processInstanceId=${instance.id}&timers=true`);
      for (const job of timers.body) {
        const definition = await rest(`/job-definition/${job.jobDefinitionId}`);
        if (definition.body.activityId === 'Event_NoticePeriodEnded') {
          const ran = await rest(`/job/${job.id}/execute`, { method: 'POST' });
          assert.equal(ran.status, 204, JSON.stringify(ran.body));
          return;
        }
      }
    }
    await fetch(BASE + '/api/organisation');
  }
  assert.fail(`${number}: no notice period to pass`);
}

async function complete(number, key, variables) {
  await waitForTask(number, key);
  const open = await rest(`/task?processInstanceBusinessKey=${number}&taskDefinitionKey=${key}`);
  const done = await rest(`/task/${open.body[0].id}/complete`, { method: 'POST', body: { variables } });
  assert.equal(done.status, 204, `${key}: ${JSON.stringify(done.body)}`);
}

/** A MINOR courtyard matter (小事小议, 院落) carried by the staff to 待评价 (AWAITING_EVALUATION). */
async function driveToEvaluation(number) {
  await waitForTask(number, 'Task_SortProposal');
  await completeByRest(number, 'Task_SortProposal', { exclusion: 'NONE' });
  await waitForTask(number, 'Task_ReviewAtLevel');
  await completeByRest(number, 'Task_ReviewAtLevel', { reviewDecision: 'SETTLE' });
  await complete(number, 'Task_PrepareCourtyardDeliberation', {
    courtyardPreparation: { value: 'DELIBERATE' },
    meetingPlan: { value: '院落自治小组牵头，周末组织居民清理楼道堆物。' },
  });
  await complete(number, 'Task_HoldMeeting', {
    members: { value: 9, type: 'Integer' },
    present: { value: 8, type: 'Integer' },
    inFavour: { value: 7, type: 'Integer' },
    participants: { value: ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏'].join('\n') },
    minutes: { value: '会议讨论了方案并表决。' },
  });
  await passNoticePeriod(number); // 决议公示
  await complete(number, 'Task_AssignImplementer', { implementers: { value: '["RESIDENTS"]', type: 'Json' } });
  await complete(number, 'Task_ResidentsCarryOut', { residentsNote: { value: '居民分楼栋清理。' } });
  await complete(number, 'Task_RecordResult', { result: { value: '楼道堆物全部清理，现场验收合格。' } });
  await passNoticePeriod(number); // 结果公示
  await waitForStatus(number, 'AWAITING_EVALUATION');
}

before(async () => {
  context = await launchPhone({ name: 'yishi-residents-proposal-' });
  page = await context.newPage();
  watch(page);
});

after(async () => {
  await context?.close();
});

let number;

test('a resident submits a proposal on /: a bad phone is refused beside its field, then it is accepted', async () => {
  await page.goto(BASE + '/');
  await page.getByRole('heading', { level: 1, name: '提交社区提案' }).waitFor();
  await page.locator('#street option', { hasText: '九里堤街道' }).waitFor({ state: 'attached' });
  await assertAccessible(page, 'submit page (empty)');
  await shot('submit');

  // nothing filled in: every required field is named beside it, in Chinese (no list of codes)
  await page.getByRole('button', { name: '提交提案' }).click();
  await page.locator('[data-error-for="title"]').filter({ hasText: '必填' }).waitFor();
  for (const field of ['description', 'community', 'topic', 'scope', 'submitterName', 'submitterPhone']) {
    const holder = page.locator(`[data-error-for="${field}"]`);
    assert.ok(await holder.isVisible(), `${field} named`);
    assert.doesNotMatch(await holder.textContent(), /[A-Z_]{4,}/, `${field}: no codes`);
  }
  assert.ok(await page.locator('#submitted').isHidden());

  await page.getByLabel('提案标题').fill(TITLE);
  await page.getByLabel('提案内容').fill('菁华园2栋楼道里堆满纸箱和旧家具，\n消防通道被堵，老人上下楼不便。');
  // the community list follows the street; a community without courtyards leaves that choice off
  await page.getByLabel('所在街道').selectOption({ label: '茶店子街道' });
  const communities = await page.locator('#community option').allTextContents();
  assert.ok(communities.includes('黄忠社区') && !communities.includes('九里堤北路社区'), communities.join());
  await page.getByLabel('所在社区').selectOption({ label: '奥林社区' });
  assert.ok(await page.getByLabel('所在小区（院落）').isDisabled());
  await page.getByLabel('所在街道').selectOption({ label: '九里堤街道' });
  await page.getByLabel('所在社区').selectOption({ label: '九里堤北路社区' });
  await page.getByLabel('所在小区（院落）').selectOption({ label: '菁华园' });
  await page.getByLabel('议题类别').selectOption({ label: '环境卫生' });
  await page.getByLabel('影响范围').selectOption({ label: '一个小区（院落）' });
  await page.getByLabel('受影响的户数').fill('12');
  await page.getByLabel('您的姓名').fill('周阿姨');
  await page.getByLabel('手机号').fill('12345');

  const created = [];
  page.on('response', (r) => { if (r.url().endsWith('/api/proposals') && r.status() === 201) created.push(r); });
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/proposals') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '提交提案' }).click();
  assert.equal((await refused).status(), 400);
  const phoneError = page.locator('[data-error-for="submitterPhone"]');
  await phoneError.waitFor();
  assert.match(await phoneError.textContent(), /须为11位手机号码/);
  assert.equal(await page.getByLabel('手机号').getAttribute('aria-invalid'), 'true');
  assert.ok(await page.locator('[data-role=summary]').first().isVisible());
  assert.ok(await page.locator('#submitted').isHidden());
  assert.equal(created.length, 0, 'nothing created');
  await assertAccessible(page, 'submit page with errors');
  await shot('submit-errors');

  await page.getByLabel('手机号').fill(PHONE);
  await page.getByRole('button', { name: '提交提案' }).click();
  const success = page.getByRole('status').filter({ hasText: '提案已提交' });
  await success.waitFor();
  number = (await page.locator('[data-role=number]').textContent()).trim();
  assert.match(number, NUMBER);
  assert.equal(created.length, 1);
  // the phone is not echoed, the form is empty again
  assert.equal(await page.getByLabel('手机号').inputValue(), '');
  assert.equal(await page.locator('main').getByText(PHONE).count(), 0);
  await assertAccessible(page, 'submit page after success');
  await shot('submit-done');
  assert.equal(await page.evaluate(() => window.__xss), undefined);

  await page.getByRole('link', { name: `查看提案 ${number} 的办理进度` }).click();
  await page.waitForURL(`**/proposals/${number}`);
});

test('the status page shows the proposal, its title as text, and a neighbour co-signs once', async () => {
  const title = page.locator('#title');
  await title.waitFor();
  assert.equal(await title.textContent(), TITLE);
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('#status').textContent(), '分拣中');
  assert.equal(await page.locator('#number').textContent(), number);
  assert.equal(await page.locator('#community').textContent(), '九里堤北路社区');
  assert.equal(await page.locator('#deadline').textContent(), '分拣后确定');
  assert.ok(await page.locator('ol.timeline li time[datetime]').count() >= 1);
  await page.locator('#open-steps li', { hasText: '分拣提案' }).waitFor();
  assert.ok(await page.locator('#rate-section').isHidden(), 'no rating while sorting');
  await assertAccessible(page, 'status page');
  await shot('proposal');

  const cosign = page.locator('#cosign-form');
  await cosign.getByLabel('您的姓名').fill('吴先生');
  await cosign.getByLabel('手机号').fill(NEIGHBOUR);
  await cosign.getByLabel('所在小区（院落）').selectOption({ label: '菁华园' });
  await cosign.getByLabel('每一步都通知我').check();
  await cosign.getByRole('button', { name: '我要联名' }).click();
  await page.getByRole('status').filter({ hasText: '联名成功' }).waitFor();
  await page.locator('#coSigners', { hasText: '1 户' }).waitFor();

  await cosign.getByLabel('您的姓名').fill('吴先生');
  await cosign.getByLabel('手机号').fill(NEIGHBOUR);
  const again = page.waitForResponse((r) => r.url().endsWith('/cosignatures'));
  await cosign.getByRole('button', { name: '我要联名' }).click();
  assert.equal((await again).status(), 409);
  const summary = cosign.locator('[data-role=summary]');
  await summary.waitFor();
  assert.match(await summary.textContent(), /联署过|联名过/);
  assert.equal(await page.locator('#coSigners').textContent(), '1 户');
  await assertAccessible(page, 'status page after a refused co-signature');
});

test('the look-up on / checks the number and goes to its page; an unknown number says so', async () => {
  await page.goto(BASE + '/');
  const lookup = page.locator('#lookup-form');
  await lookup.getByLabel('提案编号').fill('123');
  await lookup.getByRole('button', { name: '查询' }).click();
  await lookup.locator('[data-error-for="number"]').filter({ hasText: '编号格式不对' }).waitFor();
  assert.equal(await lookup.getByLabel('提案编号').getAttribute('aria-invalid'), 'true');

  await lookup.getByLabel('提案编号').fill('JN-2099-999999');
  await lookup.getByRole('button', { name: '查询' }).click();
  await page.waitForURL('**/proposals/JN-2099-999999');
  await page.getByText('没有找到编号为 JN-2099-999999 的提案').waitFor();
  await assertAccessible(page, 'status page of an unknown number');
});

test('once it awaits evaluation, the submitter rates it: a wrong phone is refused, the right one closes it', async () => {
  await driveToEvaluation(number);
  await page.goto(BASE + `/proposals/${number}`);
  await page.locator('#status', { hasText: '待评价' }).waitFor();
  const rate = page.locator('#rate-form');
  await rate.waitFor();
  assert.ok(await page.locator('#cosign-section').isVisible());
  await assertAccessible(page, 'status page with the rate form');

  await rate.getByLabel('满意', { exact: true }).check();
  await rate.getByLabel('意见或建议').fill('清理得很及时，谢谢社区！');
  await rate.getByLabel('提交提案时填写的手机号').fill('13000000000');
  const refused = page.waitForResponse((r) => r.url().endsWith('/evaluation'));
  await rate.getByRole('button', { name: '提交评价' }).click();
  assert.equal((await refused).status(), 403);
  const phoneError = rate.locator('[data-error-for="submitterPhone"]');
  await phoneError.waitFor();
  assert.match(await phoneError.textContent(), /不符|不一致/);
  assert.equal(await rate.getByLabel('提交提案时填写的手机号').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'rate form with a wrong phone');
  await shot('proposal-rate');

  await rate.getByLabel('提交提案时填写的手机号').fill(PHONE);
  await rate.getByRole('button', { name: '提交评价' }).click();
  await page.getByRole('status').filter({ hasText: '谢谢您的评价' }).waitFor();
  await page.locator('#status', { hasText: '已办结' }).waitFor();
  assert.ok(await rate.isHidden());
  assert.ok(await page.locator('#cosign-section').isHidden(), 'no co-signing once closed');
  await page.locator('ol.timeline li', { hasText: '已办结' }).first().waitFor();
  await assertAccessible(page, 'status page after rating');
  await shot('proposal-rated');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
});

test('no console errors, page errors or policy violations', () => {
  assert.deepEqual(problems, []);
});
