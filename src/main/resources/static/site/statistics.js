// 办理统计 (/statistics): GET /api/statistics (CONTRACT §4) as figures, charts (Chart.js 4, loaded
// before this module as a classic script: globalThis.Chart) and a data table beside each chart.
// The filters live in the address (?from=&to=&street=&community=), so a filtered view can be
// shared and reloaded: the page always asks the API what the address says, and the API's
// refusals (a bad date, from after to, an unknown street or community) are shown beside their
// fields. No markup is written: every text goes in through textContent (el()).
import { LABELS, call, clearProblem, el, fill, label, loadOrganisation, options, problemOf, showProblem } from './yishi.js';

const FILTERS = ['from', 'to', 'street', 'community'];
const form = document.getElementById('filter');
const street = form.elements.namedItem('street');
const community = form.elements.namedItem('community');
const status = document.getElementById('status');
const results = document.getElementById('results');
const empty = document.getElementById('empty');
const charts = document.getElementById('charts');
const scope = document.getElementById('scope');

const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('zh-CN');
/** Chart colours, each at least 4.5:1 against white (WCAG 1.4.11 asks 3:1 of graphics). */
const COLOURS = ['#8b1a1a', '#0b4f9c', '#1e6b34', '#6b3fa0', '#8a4b00', '#005f73', '#52606d', '#a0174f', '#3d5a00', '#1f2933'];
const INK = '#1f2933';
const GRID = '#cbd2d9';

let organisation = null;
let shown = []; // the Chart instances on the page
let asked = 0; // answers to older queries than the last are dropped
let notice = ''; // what the page could not load (the organisation, the charts), said with every status

/** The filters the address asks for (only the four the API knows; each given once, as given). */
function filtersOf(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value !== null && value !== '') filters[name] = value;
  }
  return filters;
}

function queryOf(filters) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  return params.toString();
}

/** The communities of the chosen street in the community select (none chosen: only 全部). */
function fillCommunities(streetCode, chosen = '') {
  const found = organisation?.streets.find((s) => s.code === streetCode);
  options(community, found ? found.communities.map((c) => [c.code, c.name]) : [], '全部');
  community.disabled = !found;
  community.value = chosen;
  if (community.value !== chosen) community.value = '';
}

/** The form as the address says (a value the form cannot hold is left out of it, the API still judges it). */
function showFilters(filters) {
  form.elements.namedItem('from').value = filters.from ?? '';
  form.elements.namedItem('to').value = filters.to ?? '';
  let streetCode = filters.street ?? '';
  if (!streetCode && filters.community && organisation) {
    streetCode = organisation.community(filters.community)?.street ?? '';
  }
  street.value = streetCode;
  if (street.value !== streetCode) street.value = '';
  fillCommunities(street.value, filters.community ?? '');
}

function formFilters() {
  const filters = {};
  for (const name of FILTERS) {
    const value = form.elements.namedItem(name).value.trim();
    if (value) filters[name] = value;
  }
  if (!filters.street) delete filters.community;
  return filters;
}

/** "九里堤街道 · 九里堤北路社区，2026-01-01 至 2026-03-31" — what the figures are of. */
function describe(filters) {
  const name = (code) => (organisation ? organisation.nameOf(code) : code);
  const area = filters.community
    ? (filters.street ? name(filters.street) + ' · ' : '') + name(filters.community)
    : filters.street
      ? name(filters.street)
      : '全区';
  let dates = '全部日期';
  if (filters.from && filters.to) dates = `${filters.from} 至 ${filters.to} `;
  else if (filters.from) dates = `${filters.from} 起`;
  else if (filters.to) dates = `截至 ${filters.to} `;
  return `${area}，${dates}提交的提案`;
}

const rate = (value) => (value === null || value === undefined ? '暂无' : percent.format(value));

/** [code, count] of a map, the codes the page knows first (in their order, zeros included), then any others. */
function entries(kind, counts) {
  const known = Object.keys(LABELS[kind] ?? {});
  const codes = [...known, ...Object.keys(counts).filter((code) => !known.includes(code))];
  return codes.map((code) => [code, counts[code] ?? 0]);
}

/** The months from the first to the last counted one, those without proposals as 0. */
function months(byMonth) {
  const keys = Object.keys(byMonth).filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  if (!keys.length) return [];
  const out = [];
  let [year, month] = keys[0].split('-').map(Number);
  const [lastYear, lastMonth] = keys[keys.length - 1].split('-').map(Number);
  while ((year < lastYear || (year === lastYear && month <= lastMonth)) && out.length < 600) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push([key, byMonth[key] ?? 0]);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return out;
}

const monthName = (key) => `${key.slice(0, 4)}年${Number(key.slice(5))}月`;

/** A data table with a caption, a header row and one row per [name, count]. */
function fillTable(table, caption, heading, rows) {
  fill(
    table,
    el('caption', caption),
    fill(el('thead'), fill(el('tr'), el('th', heading, { scope: 'col' }), el('th', '提案数（件）', { scope: 'col' }))),
    fill(el('tbody'), ...rows.map(([name, value]) => fill(el('tr'), el('th', name, { scope: 'row' }), el('td', count.format(value))))),
  );
}

function summaryOf(title, rows) {
  return `${title}：` + rows.map(([name, value]) => `${name} ${count.format(value)} 件`).join('，') + '。';
}

function baseOptions(extra) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false, // drawn at once: figures, not a show (and no half-drawn chart in a screenshot)
    plugins: { legend: { display: false }, tooltip: { enabled: true } },
    ...extra,
  };
}

/** A bar chart (horizontal when `across`) of rows [name, count]. */
function barChart(canvas, rows, { across = false } = {}) {
  const valueAxis = { beginAtZero: true, ticks: { precision: 0, color: INK }, grid: { color: GRID } };
  const nameAxis = { ticks: { color: INK, autoSkip: false }, grid: { display: false } };
  return new globalThis.Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map(([name]) => name),
      datasets: [{ label: '提案数', data: rows.map(([, value]) => value), backgroundColor: rows.map((_, i) => COLOURS[i % COLOURS.length]) }],
    },
    options: baseOptions({
      indexAxis: across ? 'y' : 'x',
      scales: across ? { x: valueAxis, y: nameAxis } : { x: nameAxis, y: valueAxis },
    }),
  });
}

function doughnutChart(canvas, rows) {
  return new globalThis.Chart(canvas, {
    type: 'doughnut',
    data: {
      labels: rows.map(([name]) => name),
      datasets: [{ label: '提案数', data: rows.map(([, value]) => value), backgroundColor: rows.map((_, i) => COLOURS[i % COLOURS.length]), borderColor: '#fff',
        // a white edge between segments, none around a single whole ring
        borderWidth: rows.filter(([, value]) => value > 0).length > 1 ? 2 : 0 }],
    },
    options: baseOptions({
      plugins: { legend: { display: true, position: 'bottom', labels: { color: INK, boxWidth: 14 } } },
    }),
  });
}

function lineChart(canvas, rows) {
  return new globalThis.Chart(canvas, {
    type: 'line',
    data: {
      labels: rows.map(([name]) => name),
      datasets: [{ label: '提案数', data: rows.map(([, value]) => value), borderColor: COLOURS[0], backgroundColor: COLOURS[0], pointRadius: 4, tension: 0 }],
    },
    options: baseOptions({
      scales: {
        x: { offset: true, ticks: { color: INK }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { precision: 0, color: INK }, grid: { color: GRID } },
      },
    }),
  });
}

function destroyCharts() {
  for (const chart of shown) chart.destroy();
  shown = [];
}

/** The figures, charts and tables of one answer. */
function render(statistics, filters) {
  destroyCharts();
  scope.textContent = describe(filters);
  const figures = {
    total: `${count.format(statistics.total)} 件`,
    response: rate(statistics.rates?.response),
    resolution: rate(statistics.rates?.resolution),
    satisfaction: rate(statistics.rates?.satisfaction),
    onTime: rate(statistics.rates?.onTime),
    settledBelowLevel: `${count.format(statistics.settledBelowLevel ?? 0)} 件`,
  };
  for (const [name, text] of Object.entries(figures)) results.querySelector(`[data-figure="${name}"]`).textContent = text;

  const none = !statistics.total;
  empty.hidden = !none;
  charts.hidden = none;
  if (none) return;

  const named = (kind, counts) => entries(kind, counts ?? {}).map(([code, value]) => [label(kind, code), value]);
  const groups = [
    { key: 'category', title: '按类别统计', heading: '类别', rows: named('category', statistics.byCategory), draw: (c, r) => barChart(c, r, { across: true }) },
    { key: 'status', title: '按办理状态统计', heading: '办理状态', rows: named('status', statistics.byStatus), draw: (c, r) => barChart(c, r, { across: true }) },
    { key: 'track', title: '按议事类型统计', heading: '议事类型', rows: named('track', statistics.byTrack), draw: doughnutChart },
    { key: 'level', title: '按办理层级统计', heading: '办理层级', rows: named('level', statistics.byLevel), draw: (c, r) => barChart(c, r, { across: true }) },
    { key: 'month', title: '每月提案数', heading: '月份', rows: months(statistics.byMonth ?? {}).map(([key, value]) => [monthName(key), value]), draw: lineChart },
  ];
  for (const { key, title, heading, rows, draw } of groups) {
    const canvas = document.getElementById(`chart-${key}`);
    canvas.setAttribute('aria-label', summaryOf(title, rows));
    fillTable(results.querySelector(`[data-table="${key}"]`), `${title}（${describe(filters)}）`, heading, rows);
    // a doughnut of nothing but zeros draws nothing: its table says so
    if (!globalThis.Chart) continue;
    shown.push(key === 'track' && rows.every(([, v]) => v === 0) ? barChart(canvas, rows) : draw(canvas, rows));
  }
}

/** The API names its parameters (from, to) in one message; a resident sees the fields' names. */
const WORDING = { '起始日期 from 不能晚于截止日期 to': '“从”的日期不能晚于“到”的日期' };

function residentsWording(answer) {
  if (!Array.isArray(answer.body?.errors)) return answer;
  const errors = answer.body.errors.map((e) => ({ ...e, message: WORDING[e.message] ?? e.message }));
  return { ...answer, body: { ...answer.body, errors } };
}

function say(text) {
  status.textContent = notice ? `${text} ${notice}` : text;
}

/** Asks the API what the address says and shows the answer (or the refusal beside its fields). */
async function show() {
  const filters = filtersOf(location.search);
  showFilters(filters);
  clearProblem(form);
  const mine = ++asked;
  results.dataset.state = 'loading';
  say('正在读取统计……');
  const query = queryOf(filters);
  const answer = await call('/api/statistics' + (query ? '?' + query : ''));
  if (mine !== asked) return;
  if (!answer.ok || !answer.body || typeof answer.body.total !== 'number') {
    destroyCharts();
    results.hidden = true;
    results.dataset.state = 'error';
    if (answer.status === 400) {
      say('查询条件有误，请按提示修改后再查询。');
      showProblem(form, residentsWording(answer), '查询条件有误。');
    } else {
      say(problemOf(answer, '读取统计失败，请稍后再试。'));
    }
    return;
  }
  results.hidden = false;
  render(answer.body, filters);
  results.dataset.state = answer.body.total ? 'ready' : 'empty';
  say(answer.body.total
    ? `已显示${describe(filters)}的统计，共 ${count.format(answer.body.total)} 件。`
    : '该范围内没有提案。');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = queryOf(formFilters());
  const target = '/statistics' + (query ? '?' + query : '');
  if (target !== location.pathname + location.search) history.pushState(null, '', target);
  show();
});

street.addEventListener('change', () => fillCommunities(street.value));
window.addEventListener('popstate', show);

async function start() {
  if (globalThis.Chart) {
    const Chart = globalThis.Chart;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 13;
    Chart.defaults.color = INK;
  }
  try {
    organisation = await loadOrganisation();
    options(street, organisation.streets.map((s) => [s.code, s.name]), '全区');
  } catch (error) {
    notice = `${error.message}街道和社区暂时不能选择。`;
  }
  if (!globalThis.Chart) notice += '图表组件没有加载成功，请展开“查看数据表”。';
  await show();
}

start();
