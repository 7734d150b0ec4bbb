// Browser journey of a caseworker's and a grid worker's day in Camunda Tasklist (Debian's
// chromium via playwright-core, Chinese locale): the shared "my unit" filter, finding a proposal
// by its number, the sorting form's submission facts and the Chinese description; the start form
// offering only the chosen community's courtyards and the new proposal's number shown at once.
//   YISHI_URL=http://localhost:8080 node --test e2e/tasklist-work.test.mjs
// Selectors avoid Camunda's own button texts, which the Chinese locale translates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, rest, launch, enter, formField, choose, startProposal, v } from './support.mjs';

const RUN = Date.now();
const TITLE = `九里堤北路社区路灯不亮 ${RUN}`;
const CLAIMED_TITLE = `九里堤北路社区垃圾站异味 ${RUN}`;

let context;
let number;
let claimedNumber;

/** Starts a proposal of 九里堤北路社区 as the admin; returns its number (the business key). */
async function submit(title, extra = {}) {
  const started = await startProposal({
    title: v(title),
    description: v('小区北门路灯已坏两周，夜里老人出行不便。'),
    community: v('jn-jld-jldbl'),
    submitterName: v('李阿姨'),
    submitterPhone: v('13900000002'),
    topic: v('FACILITIES'),
    scope: v('COMMUNITY'),
    ...extra,
  });
  const instance = await rest(`/process-instance/${started.id}`);
  assert.match(instance.body.businessKey, /^JN-\d{4}-\d{6}$/);
  return instance.body.businessKey;
}

async function logIn(user) {
  await context.clearCookies(); // one browser profile: log the previous user out
  const page = await context.newPage();
  await page.goto(BASE + '/camunda/app/tasklist/default/');
  await page.locator('form input[type="text"]').first().fill(user);
  await page.locator('form input[type="password"]').first().fill('demo');
  await page.locator('form button[type="submit"]').first().click();
  await page.getByText('本单位全部任务').first().waitFor();
  return page;
}

/** The cards of the task list. */
function cards(page) {
  return page.locator('ol.tasks-list > li.task');
}

before(async () => {
  context = await launch({ locale: 'zh-CN' });
  number = await submit(TITLE, { coSigners: { value: 12, type: 'Integer' } });
  claimedNumber = await submit(CLAIMED_TITLE);
  // a colleague has claimed the second proposal's sorting
  const tasks = await rest(`/task?processInstanceBusinessKey=${claimedNumber}`);
  assert.equal(tasks.body.length, 1, JSON.stringify(tasks.body));
  const claim = await rest(`/task/${tasks.body[0].id}/claim`, {
    method: 'POST',
    body: { userId: 'jldbl-caseworker2' },
    auth: 'jldbl-caseworker2:demo',
  });
  assert.equal(claim.status, 204, JSON.stringify(claim.body));
});

after(async () => {
  await context?.close();
});

test('a caseworker uses "my unit", finds a proposal by its number and sees who submitted it', async () => {
  const page = await logIn('jldbl-caseworker');

  // 本单位全部任务: also the task a colleague claimed; each card names its proposal
  await page.locator('.task-filter', { hasText: '本单位全部任务' }).first().click();
  const claimedCard = cards(page).filter({ hasText: CLAIMED_TITLE }).first();
  await claimedCard.waitFor();
  assert.match(await claimedCard.innerText(), new RegExp(claimedNumber));
  const card = cards(page).filter({ hasText: TITLE }).first();
  await card.waitFor();
  assert.match(await card.innerText(), new RegExp(number));
  await page.screenshot({ path: join(SHOTS, 'tasklist-work-unit-filter.png'), fullPage: true });

  // finding it by number: the last digits are enough
  const box = page.getByRole('searchbox', { name: '按编号查找提案' });
  await box.fill(String(Number(number.slice(-6))));
  await box.press('Enter');
  await page.waitForFunction((n) => decodeURIComponent(location.hash).includes(n), number);
  await cards(page).filter({ hasText: CLAIMED_TITLE }).first().waitFor({ state: 'detached' });
  const found = cards(page).filter({ hasText: TITLE });
  await found.first().waitFor();
  assert.equal(await cards(page).count(), 1);
  await page.screenshot({ path: join(SHOTS, 'tasklist-work-search.png'), fullPage: true });

  // the sorting form: who submitted, when, how many households co-signed
  await found.first().click();
  await page.getByText(new RegExp(`分拣提案 ${number}`)).waitFor();
  const field = (label) => page.locator('.fjs-form-field', { has: page.locator('label', { hasText: label }) }).first();
  assert.equal(await field('提案人').locator('input').inputValue(), '李阿姨');
  assert.equal(await field('联名户数').locator('input').inputValue(), '12');
  await page.getByText('提交时间').first().waitFor();
  assert.match(await page.locator('.fjs-form').innerText(), /提交时间\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await page.screenshot({ path: join(SHOTS, 'tasklist-work-sorting.png'), fullPage: true });

  // the Description tab: Chinese, written for the caseworker
  const url = new URL(page.url());
  const params = new URLSearchParams(url.hash.replace(/^#\/?\?/, ''));
  params.set('detailsTab', 'task-detail-description');
  await page.goto(`${url.origin}${url.pathname}#/?${params}`);
  const description = page.getByText(/分拣提案：所在社区的社区工作者/).first();
  await description.waitFor();
  const text = await description.innerText();
  assert.doesNotMatch(text, /[A-Za-z]{2,}/, text);
  await page.screenshot({ path: join(SHOTS, 'tasklist-work-description.png'), fullPage: true });
  await page.close();
});

/** Opens a Camunda Forms select by its label and returns the options it lists. */
async function options(page, label) {
  const field = page.locator('.fjs-form-field', { has: page.locator('label', { hasText: label }) }).first();
  const search = field.locator('input.fjs-input');
  await search.fill('');
  await search.click();
  const list = page.locator('.fjs-dropdownlist');
  await list.waitFor();
  const shown = await list.locator('.fjs-dropdownlist-item').allInnerTexts();
  return shown.map((t) => t.trim());
}

test('a grid worker is offered only the community\'s courtyards and learns the new number at once', async () => {
  const title = `菁华园单元门禁损坏 ${RUN}`;
  const page = await logIn('jldbl-gridworker');
  await page.locator('.start-process-action a').first().click();
  await page.locator('.modal-body').getByText('社区提案').first().click();
  await page.getByText('提交社区提案').first().waitFor();

  // of Jinniu's five courtyards, only the chosen community's one is offered
  await choose(page, '所属社区', '九里堤北路社区');
  assert.deepEqual(await options(page, '所属小区'), ['菁华园']);
  await page.screenshot({ path: join(SHOTS, 'tasklist-work-courtyards.png'), fullPage: true });
  // picked from the open list (Escape would close Tasklist's start dialog)
  await page.locator('.fjs-dropdownlist-item', { hasText: '菁华园' }).first().click();
  await page.locator('.fjs-dropdownlist').waitFor({ state: 'detached' });

  await enter(page.getByLabel('提案标题'), title);
  await enter(page.getByLabel('提案内容'), '2单元门禁坏了一个月，外来人员随意进出。');
  await enter(page.getByLabel('提案人姓名'), '周先生');
  await enter(page.getByLabel('提案人手机号'), '13812340000');
  await choose(page, '议题', '公共安全类：治安');
  await choose(page, '影响范围', '一栋楼');
  await page.locator('.modal-footer button.btn-primary').last().click();

  const banner = page.locator('#yishi-started-number');
  await banner.waitFor();
  const shown = (await banner.locator('.yishi-number').innerText()).trim();
  assert.match(shown, /^JN-\d{4}-\d{6}$/);
  assert.match(await banner.innerText(), /提案已提交，编号/);
  await page.locator('.modal-dialog').waitFor({ state: 'detached' });
  await page.screenshot({ path: join(SHOTS, 'tasklist-work-started-number.png'), fullPage: true });
  await page.close();

  const started = await rest(`/process-instance?businessKey=${shown}`);
  assert.equal(started.body.length, 1, JSON.stringify(started.body));
  const courtyard = await rest(`/process-instance/${started.body[0].id}/variables/courtyard`);
  assert.equal(courtyard.body.value, 'jn-jld-jldbl-jhy');
  const saved = await rest(`/process-instance/${started.body[0].id}/variables/title`);
  assert.equal(saved.body.value, title);
});
