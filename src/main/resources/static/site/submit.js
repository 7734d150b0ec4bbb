// 提交社区提案 (/): the resident's proposal form (POST /api/proposals, CONTRACT §1 fields a resident
// gives) and a look-up by proposal number. The server's validation is the source of truth: its
// field errors are shown beside the fields.
import {
  LABELS, el, fill, call, problemOf, showProblem, clearProblem, loadOrganisation, options, NUMBER, proposalPage,
} from '/site/yishi.js';

const form = document.getElementById('proposal-form');
const street = form.elements.namedItem('street');
const community = form.elements.namedItem('community');
const courtyard = form.elements.namedItem('courtyard');
const topic = form.elements.namedItem('topic');
const scope = form.elements.namedItem('scope');
const description = form.elements.namedItem('description');
const counter = document.getElementById('description-count');
const submitted = document.getElementById('submitted');
const button = document.getElementById('submit-button');

const TEXTS = ['title', 'description', 'submitterName', 'submitterPhone'];
const FLAGS = ['safetyHazard', 'usesCollectiveFunds', 'legacyIssue', 'crossJurisdiction'];

// topics grouped by their category (CONTRACT §2)
function fillTopics() {
  const groups = new Map();
  for (const [code, category] of Object.entries(LABELS.topicCategory)) {
    if (!groups.has(category)) groups.set(category, []);
    groups.get(category).push(code);
  }
  const children = [el('option', '请选择议题', { value: '' })];
  for (const [category, codes] of groups) {
    const group = el('optgroup', null, { label: LABELS.category[category] ?? category });
    fill(group, ...codes.map((code) => el('option', LABELS.topic[code] ?? code, { value: code })));
    children.push(group);
  }
  fill(topic, ...children);
}

let organisation = null;

function fillCommunities() {
  const chosen = organisation?.streets.find((s) => s.code === street.value);
  if (!chosen) {
    options(community, [], '请先选择街道');
    community.disabled = true;
  } else {
    options(community, chosen.communities.map((c) => [c.code, c.name]), '请选择社区');
    community.disabled = false;
  }
  fillCourtyards();
}

function fillCourtyards() {
  const chosen = organisation?.community(community.value);
  if (!chosen) {
    options(courtyard, [], '请先选择社区');
    courtyard.disabled = true;
  } else if (chosen.courtyards.length === 0) {
    options(courtyard, [], '本社区没有登记的小区（院落）');
    courtyard.disabled = true;
  } else {
    options(courtyard, chosen.courtyards.map((c) => [c.code, c.name]), '不选（涉及整个社区或不确定）');
    courtyard.disabled = false;
  }
}

async function fillOrganisation() {
  try {
    organisation = await loadOrganisation();
    options(street, organisation.streets.map((s) => [s.code, s.name]), '请选择街道');
  } catch (error) {
    options(street, [], '读取失败，请刷新页面重试');
    const summary = form.querySelector('[data-role=summary]');
    summary.textContent = error.message || '读取社区列表失败，请刷新页面重试。';
    summary.hidden = false;
  }
  fillCommunities();
}

function updateCounter() {
  counter.textContent = `已输入 ${description.value.length} / 5000 字`;
}

/** The JSON body: exactly the resident's fields of CONTRACT §1; empty optional ones left out. */
function body() {
  const proposal = {};
  for (const name of TEXTS) {
    const value = form.elements.namedItem(name).value;
    // the API trims and checks; an empty required field is still sent so that it is named
    proposal[name] = name === 'submitterPhone' ? value.replace(/\s+/g, '') : value;
  }
  // a choice not made is left out: the API then answers 必填 (an empty code would get the list of codes)
  for (const select of [community, courtyard, topic, scope]) {
    if (!select.disabled && select.value) proposal[select.name] = select.value;
  }
  const households = form.elements.namedItem('affectedHouseholds').value.trim();
  if (households !== '') {
    // a JSON number when it is one; otherwise the text, so that the API names the field
    proposal.affectedHouseholds = /^-?\d+$/.test(households) ? Number(households) : households;
  }
  for (const name of FLAGS) {
    if (form.elements.namedItem(name).checked) proposal[name] = true;
  }
  return proposal;
}

function showSubmitted(created) {
  const number = created.number;
  const received = el('p', `“${created.title}”已收到，${created.status === 'SORTING' ? '正在等待分拣' : '已开始办理'}。`, { class: 'user-text' });
  const go = el('p', null);
  go.append(el('a', `查看提案 ${number} 的办理进度`, { href: proposalPage(number), class: 'button' }));
  fill(submitted,
    el('h2', '提案已提交', { class: 'success-heading' }),
    received,
    el('p', '请记下您的提案编号，凭编号可以随时查询办理进度：'),
    el('p', number, { class: 'proposal-number', 'data-role': 'number' }),
    go,
  );
  submitted.hidden = false;
  submitted.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblem(form);
  button.disabled = true;
  button.textContent = '正在提交……';
  try {
    const answer = await call('/api/proposals', { method: 'POST', body: body() });
    if (answer.status === 201 && answer.body?.number) {
      // the phone and name are not kept on the page once sent
      form.reset();
      showSubmitted(answer.body);
      return;
    }
    showProblem(form, answer, answer.status === 400 ? '请按提示修改后再提交。' : problemOf(answer));
  } finally {
    button.disabled = false;
    button.textContent = '提交提案';
  }
});

street.addEventListener('change', fillCommunities);
community.addEventListener('change', fillCourtyards);
description.addEventListener('input', updateCounter);
form.addEventListener('reset', () => {
  queueMicrotask(() => {
    fillCommunities();
    updateCounter();
  });
});

// 查询提案: a number as Yishi writes it, then its page
const lookup = document.getElementById('lookup-form');
lookup.addEventListener('submit', (event) => {
  event.preventDefault();
  clearProblem(lookup);
  const number = lookup.elements.namedItem('number').value.trim().toUpperCase();
  if (!NUMBER.test(number)) {
    showProblem(lookup, {
      status: 400,
      body: { errors: [{ field: 'number', message: '编号格式不对，应为类似 JN-2026-000123 的形式（字母-年份-6位数字）。' }] },
    });
    return;
  }
  location.assign(proposalPage(number));
});

fillTopics();
options(scope, Object.entries(LABELS.scope), '请选择影响范围');
updateCounter();
fillOrganisation();
