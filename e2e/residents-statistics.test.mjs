// The residents' statistics page (/statistics, 办理统计) on a phone in Chinese, against a running
// Yishi:
// - four proposals of its own (two streets, three communities, four categories; one titled with
//   markup) are submitted through POST /api/proposals, and the test waits until GET
//   /api/statistics counts them;
// - the page shows the API's total, a category table with the API's counts, and five charts drawn;
// - filtered by 茶店子街道 and 黄忠社区 (chosen by their names), the address carries the filter, the
//   total is the API's for that filter, and reloading the address keeps it;
// - a range with 从 after 到 is refused by the API (its own check, 400 naming `from`), and the page
//   shows the message beside the 从 field;
// - a range without proposals says 该范围内没有提案;
// - markup in the address or in a title never runs; no console error, no CSP violation; axe-core
//   finds no serious or critical violation in any state.
// Screenshots: target/e2e/residents-statistics*.png.
//   YISHI_URL=http://localhost:8080 node --test e2e/residents-statistics.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, assertAccessible, launchPhone } from './support.mjs';

const XSS_TITLE = '<img src=x onerror="window.__xss=1">标题';
const CATEGORY_NAMES = {
  CONSTRUCTION: '建设类',
  REMEDIATION: '整治类',
  PUBLIC_SAFETY: '公共安全类',
  COMMUNITY_SERVICE: '社区服务类',
  SELF_GOVERNANCE: '自治共治类',
  OTHER: '其他',
};
const HZ = { street: 'jn-cdz', community: 'jn-cdz-hz' };
const run = Date.now().toString(36);
let submitted = 0;

async function statistics(filters = {}) {
  const query = new URLSearchParams(filters).toString();
  const response = await fetch(BASE + '/api/statistics' + (query ? '?' + query : ''));
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return body;
}

async function submit(title, community, topic) {
  const response = await fetch(BASE + '/api/proposals', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `stats-${run}-${++submitted}` },
    body: JSON.stringify({
      title,
      description: '统计页面测试用的提案，说明情况。',
      community,
      submitterName: '统计测试',
      submitterPhone: '13900000011',
      topic,
      scope: 'COMMUNITY',
    }),
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  return body.number;
}

/** Polls `check` (async, truthy when done) until it holds or the deadline passes. */
async function eventually(check, what, deadline = Date.now() + 30_000) {
  for (;;) {
    const last = await check();
    if (last) return last;
    assert.ok(Date.now() < deadline, `not in time: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
    await fetch(BASE + '/api/organisation').then((r) => r.arrayBuffer()); // a round trip, not a fixed sleep
  }
}

let context;
let page;
const problems = [];
let refusalsExpected = false; // while a test asks for a filter the API refuses

before(async () => {
  const everywhere = (await statistics()).total;
  const hz = (await statistics(HZ)).total;
  await submit(XSS_TITLE + run, 'jn-cdz-hz', 'ELEVATOR');
  await submit(`黄忠社区噪声扰民 ${run}`, 'jn-cdz-hz', 'NOISE');
  await submit(`奥林社区消防通道 ${run}`, 'jn-cdz-al', 'FIRE_SAFETY');
  await submit(`九里堤北路社区养老 ${run}`, 'jn-jld-jldbl', 'ELDERLY_CARE');
  await eventually(
    async () => (await statistics()).total >= everywhere + 4 && (await statistics(HZ)).total >= hz + 2,
    'the statistics count the new proposals',
  );

  context = await launchPhone({ name: 'yishi-statistics-' });
  // a violation of the page's policy, as the page itself sees it (the script runs outside the policy)
  await context.addInitScript(() => {
    globalThis.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => globalThis.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error' && !/Refused to|Content Security Policy/i.test(message.text())) return;
    const url = message.location()?.url ?? '';
    // the API's 400 for a refused filter is the answer the page shows (Chromium logs every 4xx)
    if (refusalsExpected && /status of 400/.test(message.text()) && url.startsWith(BASE + '/api/statistics?')) return;
    problems.push(`console: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
});

after(async () => {
  await context?.close();
});

/** What the page shows once the query for the current address has been answered. */
async function settled(state = 'ready') {
  await page.locator(`#results[data-state="${state}"], #results[data-state="error"]`).first().waitFor({ state: 'attached' });
  assert.equal(await page.locator('#results').getAttribute('data-state'), state);
}

async function shownTotal() {
  return Number((await page.locator('[data-figure="total"]').textContent()).replace(/[^\d]/g, ''));
}

/** The data table `key` as {name: count}. */
async function table(key) {
  return page.locator(`table[data-table="${key}"] tbody tr`).evaluateAll((rows) =>
    Object.fromEntries(rows.map((row) => [row.querySelector('th').textContent, Number(row.querySelector('td').textContent.replace(/[^\d]/g, ''))])),
  );
}

async function noMarkupRan() {
  assert.equal(await page.evaluate(() => globalThis.__xss), undefined, 'markup ran');
  assert.equal(await page.locator('main img').count(), 0, 'markup became elements');
  assert.deepEqual(await page.evaluate(() => globalThis.__csp), [], 'CSP violations');
}

test('the whole district: the API\'s total and categories, five charts drawn', async () => {
  await page.goto(BASE + '/statistics');
  await settled();
  const api = await statistics();
  assert.equal(await shownTotal(), api.total);
  for (const name of ['响应率', '解决率', '满意率', '按时办结率', '在下级化解']) {
    await page.locator('dl.overview dt', { hasText: name }).waitFor();
  }
  // a rate is a percentage or 暂无
  for (const figure of ['response', 'resolution', 'satisfaction', 'onTime']) {
    const text = await page.locator(`[data-figure="${figure}"]`).textContent();
    const value = api.rates[figure];
    if (value === null) assert.equal(text, '暂无');
    else assert.match(text, /^\d+(\.\d)?%$/);
  }

  const categories = await table('category');
  for (const [code, name] of Object.entries(CATEGORY_NAMES)) {
    assert.equal(categories[name], api.byCategory[code] ?? 0, `${name} in the category table`);
  }
  assert.ok(api.byCategory.CONSTRUCTION >= 1 && api.byCategory.PUBLIC_SAFETY >= 1 && api.byCategory.COMMUNITY_SERVICE >= 1);
  const months = await table('month');
  assert.equal(Object.values(months).reduce((a, b) => a + b, 0), api.total, 'the months add up to the total');

  // five charts, each drawn (a Chart on it) at a size above zero, each described for screen readers
  const canvases = page.locator('#charts canvas[role="img"]');
  assert.equal(await canvases.count(), 5);
  for (const canvas of await canvases.all()) {
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, 'a chart of size zero');
    assert.ok(await canvas.evaluate((c) => Boolean(globalThis.Chart.getChart(c))), 'no chart drawn');
    assert.match(await canvas.getAttribute('aria-label'), /件/);
  }
  assert.match(await page.locator('#chart-category').getAttribute('aria-label'), /建设类 \d+ 件/);

  await noMarkupRan();
  await page.locator('table[data-table="category"]').evaluate((t) => (t.closest('details').open = true));
  await page.screenshot({ path: join(SHOTS, 'residents-statistics.png'), fullPage: true });
  await assertAccessible(page, 'statistics, whole district');
});

test('filtered by street and community (chosen by name): in the address, the API\'s total, kept on reload', async () => {
  await page.selectOption('#street', { label: '茶店子街道' });
  // only the street's communities are offered
  const offered = await page.locator('#community option').allTextContents();
  assert.deepEqual(offered.slice().sort(), ['全部', '奥林社区', '同善社区', '黄忠社区'].sort());
  await page.selectOption('#community', { label: '黄忠社区' });
  const charts = await page.evaluate(() => [...document.querySelectorAll('#charts canvas')].map((c) => globalThis.Chart.getChart(c)?.id));
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL((url) => url.searchParams.get('street') === HZ.street && url.searchParams.get('community') === HZ.community);
  assert.match(page.url(), /\/statistics\?street=jn-cdz&community=jn-cdz-hz$/);
  const api = await statistics(HZ);
  await page.waitForFunction((total) => document.querySelector('#results').dataset.state === 'ready'
    && Number(document.querySelector('[data-figure="total"]').textContent.replace(/[^\d]/g, '')) === total, api.total);
  assert.ok(api.total >= 2 && api.total < (await statistics()).total);
  const categories = await table('category');
  for (const [code, name] of Object.entries(CATEGORY_NAMES)) assert.equal(categories[name], api.byCategory[code] ?? 0, name);
  // the charts were rebuilt, not drawn over
  const rebuilt = await page.evaluate(() => [...document.querySelectorAll('#charts canvas')].map((c) => globalThis.Chart.getChart(c)?.id));
  assert.equal(rebuilt.length, 5);
  for (const [i, id] of rebuilt.entries()) assert.notEqual(id, charts[i]);
  assert.match(await page.locator('#scope').textContent(), /茶店子街道 · 黄忠社区/);
  await noMarkupRan();
  await page.screenshot({ path: join(SHOTS, 'residents-statistics-filtered.png'), fullPage: true });
  await assertAccessible(page, 'statistics, filtered');

  await page.reload();
  await settled();
  assert.equal(await page.locator('#street').inputValue(), HZ.street);
  assert.equal(await page.locator('#community').inputValue(), HZ.community);
  assert.equal(await shownTotal(), (await statistics(HZ)).total);
  // back to the whole district
  await page.goBack();
  await page.waitForURL((url) => url.search === '');
  await page.waitForFunction(() => document.querySelector('#street').value === '');
});

test('从 after 到: the API refuses it, and the page says so beside 从', async () => {
  await page.goto(BASE + '/statistics');
  await settled();
  refusalsExpected = true;
  await page.fill('#from', '2026-12-31');
  await page.fill('#to', '2026-01-01');
  await page.getByRole('button', { name: '查询' }).click();
  await settled('error');
  const error = page.locator('#from-error');
  await error.waitFor();
  assert.equal(await error.textContent(), "“从”的日期不能晚于“到”的日期");
  assert.equal(await page.locator('#from').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#results').isHidden(), true);
  assert.match(page.url(), /from=2026-12-31&to=2026-01-01/);
  await page.screenshot({ path: join(SHOTS, 'residents-statistics-error.png'), fullPage: true });
  await assertAccessible(page, 'statistics, bad range');
  refusalsExpected = false;
});

test('a range without proposals, and markup in the address', async () => {
  await page.goto(BASE + '/statistics?from=2000-01-01&to=2000-01-31');
  await settled('empty');
  await page.getByText('该范围内没有提案').first().waitFor();
  assert.equal(await page.locator('#charts').isHidden(), true);
  assert.equal(await shownTotal(), 0);
  await page.screenshot({ path: join(SHOTS, 'residents-statistics-empty.png'), fullPage: true });
  await assertAccessible(page, 'statistics, empty');

  const markup = encodeURIComponent('<img src=x onerror="window.__xss=1">');
  refusalsExpected = true;
  await page.goto(BASE + `/statistics?from=${markup}&street=${markup}`);
  await settled('error');
  assert.match(await page.locator('#from-error').textContent(), /日期/);
  assert.match(await page.locator('#street-error').textContent(), /街道/);
  await noMarkupRan();
  refusalsExpected = false;
});

test('no console error, no CSP violation', () => {
  assert.deepEqual(problems, []);
});
