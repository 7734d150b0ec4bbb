// The public notice board (公示栏, /notices) on a phone, as a resident meets it: a proposal driven
// through the staff's steps by /engine-rest (drive.mjs) until its resolution is posted; the
// resident finds it under 正在公示 with its period and the days left, raises an objection (a bad
// phone number first, refused beside the field), and once the community has judged it unfounded
// reads the reasoned reply under the notice. Needs a running Yishi:
//   YISHI_URL=http://localhost:8080 node --test e2e/residents-notices.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, launchPhone, assertAccessible } from './support.mjs';
import { driveToNotice, endNoticePeriod, judgeUnfounded } from './drive.mjs';

const TITLE = `<img src=x onerror="window.__xss=1">广场增设座椅 ${Date.now()}`;
const REPLY = `座椅安放在广场东侧绿地边缘，不占用跳舞场地；经现场测量，跳舞区域仍有约 300 平方米。${Date.now()}`;

let context;
let page;
let driven;
const problems = [];
const expected = []; // {status, path} of refusals the journey provokes
const seen = [];

before(async () => {
  driven = await driveToNotice(TITLE);
  context = await launchPhone({ name: 'yishi-notices-' });
  page = await context.newPage();
  // console errors include the browser's own CSP reports ("Refused to …")
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // the refusals the journey asks for on purpose are the only failed loads it expects
    const url = m.location().url ?? '';
    const i = expected.findIndex((e) => m.text().includes(`status of ${e.status}`) && url.endsWith(e.path));
    if (i >= 0) {
      seen.push(...expected.splice(i, 1));
      return;
    }
    problems.push(`console: ${m.text()} (${url})`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
});

after(async () => {
  await context?.close();
});

const article = () => page.locator(`#notice-${driven.noticeId}`);

async function openBoard() {
  await page.goto(`${BASE}/notices`);
  await page.locator('body[data-loaded=true]').waitFor();
  await article().waitFor();
}

test('the open notice is on the board under 正在公示, its title as text, with its period and days left', async () => {
  await openBoard();
  assert.equal(await page.title(), '公示栏 · 议事 · 社区协商');
  assert.equal(await page.locator('nav a[aria-current=page]').textContent(), '公示栏');
  // under 正在公示, not under 往期公示
  assert.equal(await page.locator(`#open-notices #notice-${driven.noticeId}`).count(), 1);
  assert.equal(await page.locator(`#past-notices #notice-${driven.noticeId}`).count(), 0);

  // the title as text: the markup shows, nothing runs, no image is made of it
  const heading = article().locator('h3');
  assert.equal(await heading.textContent(), TITLE);
  assert.equal(await article().locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);

  const text = await article().textContent();
  assert.ok(text.includes('协商决议公示'), text);
  assert.ok(text.includes(driven.notice.content), text);
  const from = driven.notice.from.slice(0, 10);
  const to = driven.notice.to.slice(0, 10);
  assert.ok(text.includes(`${from} 至 ${to}`), text);
  // a minor matter's notice period is 7 days (timeLimits), so 7 days are left just after posting
  const days = Math.ceil((Date.parse(driven.notice.to) - Date.now()) / 86_400_000);
  assert.equal(await article().locator('[data-role=days-left]').textContent(), `公示中 · 还剩 ${days} 天`);

  // the proposal's number links to its page
  const link = article().getByRole('link', { name: driven.number });
  assert.equal(await link.getAttribute('href'), `/proposals/${driven.number}`);

  // the form is folded away until asked for
  assert.equal(await page.locator(`#objection-${driven.noticeId}`).isVisible(), false);
  await assertAccessible(page, 'the notice board');
  await page.screenshot({ path: join(SHOTS, 'residents-notices.png'), fullPage: true });
});

test('an objection with a bad phone number is refused beside the field; a good one is received', async () => {
  await article().locator('summary', { hasText: '提出异议' }).click();
  const form = page.locator(`#objection-${driven.noticeId}`);
  await form.waitFor();
  const name = page.locator(`#objection-${driven.noticeId}-name`);
  const phone = page.locator(`#objection-${driven.noticeId}-phone`);
  const text = page.locator(`#objection-${driven.noticeId}-text`);
  // the labels name the fields
  await page.getByLabel('手机号').first().waitFor();
  await name.fill('李大爷');
  await phone.fill('123');
  await text.fill('座椅会占用广场跳舞的地方，晚上跳舞的居民没处活动。');
  expected.push({ status: 400, path: `/api/notices/${driven.noticeId}/objections` });
  await form.getByRole('button', { name: '提交异议' }).click();

  const phoneError = page.locator(`#objection-${driven.noticeId}-phone-error`);
  await phoneError.waitFor({ state: 'visible' });
  assert.match(await phoneError.textContent(), /须为11位手机号码/);
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  assert.ok((await phone.getAttribute('aria-describedby')).split(' ').includes(`objection-${driven.noticeId}-phone-error`));
  assert.equal(await name.getAttribute('aria-invalid'), null);
  assert.equal(await form.locator('[data-role=summary]').isVisible(), true);
  // the phone, refused, has the focus
  assert.equal(await page.evaluate(() => document.activeElement?.id), `objection-${driven.noticeId}-phone`);
  await assertAccessible(page, 'the notice board with a refused objection');
  await page.screenshot({ path: join(SHOTS, 'residents-notices-objection-errors.png'), fullPage: true });

  await phone.fill('13700000002');
  await form.getByRole('button', { name: '提交异议' }).click();
  const done = article().locator('[role=status] .success');
  await done.waitFor({ state: 'visible' });
  assert.match(await done.textContent(), /^异议已收到，将由.+研究答复/);
  assert.equal(await phoneError.isVisible(), false);
  assert.equal(await phone.getAttribute('aria-invalid'), null);
  assert.equal(await name.inputValue(), '');
  assert.equal(await phone.inputValue(), '');
  assert.equal(await text.inputValue(), '');
  await assertAccessible(page, 'the notice board after an objection');
});

test('the reply to an objection judged unfounded is shown under the notice', async () => {
  // the community judges the objection just raised on the page: unfounded, with its reasons
  const judged = await judgeUnfounded(driven.number, REPLY);
  const reply = judged.replies.find((r) => r.text === REPLY);
  await openBoard();
  const replies = article().locator('.replies');
  await replies.waitFor();
  assert.equal(await replies.locator('h4').textContent(), '对异议的答复（1 条）');
  assert.equal(await replies.locator('li p').textContent(), REPLY);
  assert.equal(await replies.locator('li time').textContent(), `${reply.at.slice(0, 10)} 答复`);
  // the notice runs on: still open, still taking objections
  assert.equal(await page.locator(`#open-notices #notice-${driven.noticeId}`).count(), 1);
  assert.equal(await article().locator('summary', { hasText: '提出异议' }).count(), 1);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await assertAccessible(page, 'the notice board with a reply');
  await page.screenshot({ path: join(SHOTS, 'residents-notices-reply.png'), fullPage: true });
});

test('a link to one notice (#notice-<id>) brings it into view', async () => {
  await page.goto(`${BASE}/notices#notice-${driven.noticeId}`);
  await page.locator('body[data-loaded=true]').waitFor();
  await page.waitForFunction((id) => document.activeElement?.id === `notice-${id}`, driven.noticeId);
  assert.ok(await article().isVisible());
  const box = await article().boundingBox();
  assert.ok(box.y < 844 && box.y + box.height > 0, JSON.stringify(box));
});

test('once the period is over an objection is refused with its reason, and the notice moves to 往期公示', async () => {
  const other = await driveToNotice(`${TITLE} 二`);
  await openBoard();
  const card = page.locator(`#open-notices #notice-${other.noticeId}`);
  await card.waitFor();
  await card.locator('summary', { hasText: '提出异议' }).click();
  // the period ends while the resident is still on the page
  await endNoticePeriod(other.number, other.noticeId);
  await page.locator(`#objection-${other.noticeId}-name`).fill('王阿姨');
  await page.locator(`#objection-${other.noticeId}-phone`).fill('13600000003');
  await page.locator(`#objection-${other.noticeId}-text`).fill('我也不同意。');
  expected.push({ status: 409, path: `/api/notices/${other.noticeId}/objections` });
  await card.getByRole('button', { name: '提交异议' }).click();
  const summary = card.locator('[data-role=summary]');
  await summary.waitFor({ state: 'visible' });
  assert.equal(await summary.textContent(), '本公示已结束，不再受理异议');
  assert.equal(await card.getByRole('button', { name: '提交异议' }).isDisabled(), true);
  await assertAccessible(page, 'the notice board refusing a late objection');

  await openBoard();
  const past = page.locator(`#past-notices #notice-${other.noticeId}`);
  await past.waitFor();
  assert.equal(await page.locator(`#open-notices #notice-${other.noticeId}`).count(), 0);
  assert.equal(await past.locator('h3').textContent(), `${TITLE} 二`);
  assert.ok((await past.textContent()).includes('已结束'));
  assert.equal(await past.locator('form, details').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await assertAccessible(page, 'the notice board with a past notice');
  await page.screenshot({ path: join(SHOTS, 'residents-notices-past.png'), fullPage: true });
});

test('no console errors, page errors or policy violations on the way', () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(expected, [], 'every provoked refusal was seen');
  assert.equal(seen.length, 2);
});
