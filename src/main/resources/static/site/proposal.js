// 提案办理进度 (/proposals/{number}): the public view of one proposal (GET /api/proposals/{number}),
// a co-sign form (联名) while it is open, and the submitter's rating (评价) while it awaits one.
// Everything the proposal carries that people wrote (title, step names, outcomes) is set as text.
import {
  LABELS, label, el, fill, call, problemOf, showProblem, clearProblem, when, day, daysUntil, loadOrganisation, options,
} from '/site/yishi.js';

const $ = (id) => document.getElementById(id);
const number = decodeURIComponent(location.pathname.replace(/^\/proposals\//, '').replace(/\/+$/, ''));
const api = '/api/proposals/' + encodeURIComponent(number);

/** Statuses after which nobody can co-sign any more. */
const ENDED = new Set(['CLOSED', 'REJECTED', 'SELF_HELP', 'REDIRECTED']);

let organisation = null;
let view = null;
let courtyardsOf = null; // the community whose courtyards fill the co-sign select

async function nameOf(code) {
  try {
    organisation ??= await loadOrganisation();
    return organisation.nameOf(code);
  } catch {
    return code;
  }
}

function stepItem(step) {
  const item = el('li', null, { class: 'open-step' });
  item.append(el('strong', step.name, { class: 'user-text' }));
  const facts = el('span', null, { class: 'step-facts muted' });
  facts.append(`${label('level', step.level)}办理`);
  if (step.dueAt) {
    facts.append(' · 期限 ');
    facts.append(el('time', when(step.dueAt), { datetime: step.dueAt }));
  }
  item.append(' ', facts);
  if (step.overdue) item.append(' ', el('span', '已超期', { class: 'badge late' }));
  return item;
}

function timelineItem(entry) {
  const item = el('li');
  item.append(el('time', when(entry.at), { datetime: entry.at }));
  item.append(el('span', entry.step, { class: 'user-text step' }));
  // a step named as a question (采用何种协商程序？) takes no colon after it
  if (entry.outcome) item.append(/[？?：:]$/.test(entry.step ?? '') ? ' ' : '：', el('span', label('status', entry.outcome), { class: 'user-text' }));
  return item;
}

function deadlineText(p) {
  if (!p.deadline) return '分拣后确定';
  const left = daysUntil(p.deadline);
  const suffix = p.overdue ? '' : left > 0 ? `（还有 ${left} 天）` : left === 0 ? '（今天到期）' : '';
  return `${day(p.deadline)} 前办结${suffix}`;
}

async function show(p) {
  view = p;
  document.title = `${p.number} 办理进度 · 议事`;
  $('title').textContent = p.title;
  $('number').textContent = p.number;
  $('status').textContent = label('status', p.status);
  fill($('overdue-mark'), p.overdue ? el('span', '已超期', { class: 'badge late' }) : null);
  $('category').textContent = label('category', p.category);
  $('matterScope').textContent = label('matterScope', p.matterScope);
  $('track').textContent = label('track', p.track);
  $('level').textContent = label('level', p.level);
  $('coSigners').textContent = `${p.coSigners ?? 0} 户`;
  $('submittedAt').textContent = '';
  $('submittedAt').append(el('time', when(p.submittedAt), { datetime: p.submittedAt }));
  $('deadline').textContent = deadlineText(p);
  $('community').textContent = await nameOf(p.community);

  const steps = p.openSteps ?? [];
  fill($('open-steps'), ...(steps.length ? steps.map(stepItem) : [el('li', '现在没有待办的步骤', { class: 'muted' })]));
  const timeline = p.timeline ?? [];
  fill($('timeline'), ...(timeline.length ? timeline.map(timelineItem) : [el('li', '还没有办理记录', { class: 'muted' })]));

  $('cosign-section').hidden = ENDED.has(p.status);
  $('rate-section').hidden = p.status !== 'AWAITING_EVALUATION' && $('rated').hidden;
  $('rate-form').hidden = p.status !== 'AWAITING_EVALUATION';
  if (!ENDED.has(p.status)) await fillCourtyards(p.community);

  $('loading').hidden = true;
  $('not-found').hidden = true;
  $('proposal').hidden = false;
}

async function fillCourtyards(community) {
  if (courtyardsOf === community) return;
  const select = $('cosign-form').elements.namedItem('courtyard');
  let courtyards = [];
  try {
    organisation ??= await loadOrganisation();
    courtyards = organisation.community(community)?.courtyards ?? [];
  } catch {
    courtyards = [];
  }
  if (courtyards.length) {
    options(select, courtyards.map((c) => [c.code, c.name]), '不选');
    select.disabled = false;
  } else {
    options(select, [], '本社区没有登记的小区（院落）');
    select.disabled = true;
  }
  courtyardsOf = community;
}

/** Reads the proposal; true when it was shown. */
async function load() {
  const answer = await call(api);
  if (answer.ok && answer.body) {
    await show(answer.body);
    return true;
  }
  $('loading').hidden = true;
  if (!view) $('proposal').hidden = true;
  $('not-found-text').textContent = answer.status === 404
    ? `没有找到编号为 ${number} 的提案，请核对编号。`
    : problemOf(answer, '查询提案没有成功，请稍后再试。');
  $('not-found').hidden = false;
  return false;
}

$('refresh').addEventListener('click', async () => {
  $('refreshed').textContent = '正在查询……';
  const shown = await load();
  const now = new Date();
  $('refreshed').textContent = shown
    ? `已更新（${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}）`
    : '';
});

// 联名
const cosign = $('cosign-form');
cosign.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblem(cosign);
  $('cosigned').hidden = true;
  const body = { name: cosign.elements.namedItem('name').value, phone: cosign.elements.namedItem('phone').value.replace(/\s+/g, '') };
  const courtyard = cosign.elements.namedItem('courtyard');
  if (!courtyard.disabled && courtyard.value) body.courtyard = courtyard.value;
  if (cosign.elements.namedItem('notify').checked) body.notify = true;
  const button = $('cosign-button');
  button.disabled = true;
  try {
    const answer = await call(api + '/cosignatures', { method: 'POST', body });
    if (answer.status === 201) {
      cosign.reset();
      const notify = body.notify ? '每一步办理情况都会通知您。' : '';
      fill($('cosigned'), el('p', `联名成功，谢谢您的支持！${notify}`));
      $('cosigned').hidden = false;
      if (answer.body?.number) await show(answer.body);
      else await load();
      $('cosigned').focus();
      return;
    }
    const fallback = answer.status === 409 ? '这个手机号已经联名过，或者提案已经结束，不能再联名。' : '联名没有成功，请稍后再试。';
    showProblem(cosign, answer, fallback);
  } finally {
    button.disabled = false;
  }
});

// 评价
const rate = $('rate-form');
fill($('ratings'), ...Object.entries(LABELS.rating).map(([code, text]) => {
  const choice = el('label', null, { class: 'choice' });
  choice.append(el('input', null, { type: 'radio', name: 'rating', value: code, required: true }), text);
  return choice;
}));

function fieldError(form, field, message) {
  const holder = form.querySelector(`[data-error-for="${field}"]`);
  holder.textContent = message;
  holder.hidden = false;
  const summary = form.querySelector('[data-role=summary]');
  summary.textContent = '请按提示修改标红的项目。';
  summary.hidden = false;
  const input = form.elements.namedItem(field);
  if (input instanceof RadioNodeList) {
    input[0]?.focus();
  } else {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

rate.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblem(rate);
  const rating = rate.elements.namedItem('rating').value;
  if (!rating) {
    fieldError(rate, 'rating', '请选择满意、基本满意或不满意。');
    return;
  }
  const body = { rating, submitterPhone: rate.elements.namedItem('submitterPhone').value.replace(/\s+/g, '') };
  const comment = rate.elements.namedItem('comment').value.trim();
  if (comment) body.comment = comment;
  const button = $('rate-button');
  button.disabled = true;
  try {
    const answer = await call(api + '/evaluation', { method: 'POST', body });
    if (answer.status === 200) {
      rate.reset();
      fill($('rated'), el('p', `谢谢您的评价（${label('rating', rating)}）！${rating === 'DISSATISFIED' ? '提案将重新协商。' : ''}`));
      $('rated').hidden = false;
      if (answer.body?.number) await show(answer.body);
      else await load();
      $('rated').focus();
      return;
    }
    if (answer.status === 403) {
      fieldError(rate, 'submitterPhone', answer.body?.detail || '手机号与提交时的不一致。');
      return;
    }
    if (answer.status === 409) {
      showProblem(rate, answer, '这个提案现在不在待评价阶段。');
      await load();
      return;
    }
    // a refused rating names no placeable field (the radios): showProblem puts it in the summary
    const errors = Array.isArray(answer.body?.errors) ? answer.body.errors : [];
    showProblem(rate, answer, problemOf(answer, '评价没有成功，请稍后再试。'));
    for (const error of errors.filter((e) => e.field === 'rating')) fieldError(rate, 'rating', error.message);
  } finally {
    button.disabled = false;
  }
});

if (!number) {
  $('loading').hidden = true;
  $('not-found-text').textContent = '地址里没有提案编号。';
  $('not-found').hidden = false;
} else {
  load();
}
