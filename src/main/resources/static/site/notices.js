// The public notice board (公示栏, /notices): GET /api/notices, the open notices first (正在公示),
// then the rest (往期公示); for an open one, a form to raise an objection
// (POST /api/notices/{id}/objections). Everything from the API is put on the page as text.
import { call, clearProblem, day, daysUntil, el, fill, label, problemOf, proposalPage, showProblem } from './yishi.js';

const status = document.getElementById('board-status');
const openList = document.getElementById('open-notices');
const pastList = document.getElementById('past-notices');

/** Today's date ("YYYY-MM-DD") in the business time zone. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** "还剩 N 天", or "今天截止" on the period's last calendar day. */
function daysLeft(to) {
  if (day(to) <= today()) return { text: '今天截止', late: true };
  const days = Math.max(1, daysUntil(to));
  return { text: `还剩 ${days} 天`, late: days <= 1 };
}

/** One labelled form field: label, hint, input, error holder (ids unique per notice). */
function field(prefix, name, text, input, hint) {
  const id = `${prefix}-${name}`;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  input.id = id;
  input.name = name;
  input.required = true;
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return fill(
    el('div', null, { class: 'field' }),
    el('label', text, { for: id, class: 'required' }),
    hint ? el('p', hint, { class: 'hint', id: hintId }) : null,
    input,
    el('p', null, { class: 'field-error', 'data-error-for': name, id: errorId, hidden: true }),
  );
}

/** The collapsible objection form of the open notice `notice`. */
function objectionForm(notice) {
  const prefix = `objection-${notice.id}`;
  const form = el('form', null, { id: prefix, novalidate: true, 'aria-label': `对“${notice.title}”提出异议` });
  // a live region that is always there, so that the message put in it is announced
  const done = el('div', null, { role: 'status', id: `${prefix}-done` });
  const submit = el('button', '提交异议', { type: 'submit' });
  fill(
    form,
    el('p', null, { class: 'summary', 'data-role': 'summary', role: 'alert', tabindex: '-1', hidden: true }),
    field(prefix, 'name', '姓名', el('input', null, { type: 'text', autocomplete: 'name', maxlength: '50' })),
    field(prefix, 'phone', '手机号', el('input', null, { type: 'tel', autocomplete: 'tel', inputmode: 'numeric', maxlength: '11' }),
      '只用于联系您，不会公开。'),
    field(prefix, 'text', '异议内容', el('textarea', null, { maxlength: '2000', rows: '5' }),
      '请写明您不同意的地方和理由（最多 2000 字）。'),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form);
    fill(done);
    const value = (name) => form.elements.namedItem(name).value.trim();
    submit.disabled = true;
    submit.textContent = '正在提交……';
    const answer = await call(`/api/notices/${encodeURIComponent(notice.id)}/objections`, {
      method: 'POST',
      body: { name: value('name'), phone: value('phone'), text: value('text') },
    });
    submit.disabled = false;
    submit.textContent = '提交异议';
    if (answer.status === 201) {
      form.reset();
      fill(done, el('p', '异议已收到，将由负责协商的单位研究答复；异议不成立的，答复将公开在本公示下方。', { class: 'success' }));
    } else if (answer.status === 409) {
      // the period is over (or the notice was withdrawn): the server's own words in the summary
      showProblem(form, answer, '本公示已结束，不再受理异议。');
      submit.disabled = true;
    } else {
      showProblem(form, answer, '异议没有提交成功，请稍后再试。');
    }
  });
  const details = el('details', null, { class: 'objection' });
  fill(details, el('summary', '提出异议'), done, form);
  return details;
}

/** The replies to objections judged unfounded. */
function replies(notice) {
  const list = Array.isArray(notice.replies) ? notice.replies : [];
  if (!list.length) return null;
  const items = list.map((reply) =>
    fill(el('li'), el('time', `${day(reply.at)} 答复`, { datetime: reply.at }), el('p', reply.text, { class: 'user-text' })),
  );
  return fill(
    el('section', null, { class: 'replies', 'aria-labelledby': `notice-${notice.id}-replies` }),
    el('h4', `对异议的答复（${list.length} 条）`, { id: `notice-${notice.id}-replies` }),
    fill(el('ol', null, { class: 'timeline' }), ...items),
  );
}

/** One notice as an article (anchor #notice-<id>). */
function article(notice) {
  const headingId = `notice-${notice.id}-title`;
  const facts = el('dl', null, { class: 'facts' });
  const fact = (term, ...description) => facts.append(el('dt', term), fill(el('dd'), ...description));
  fact('类型', label('noticeKind', notice.kind));
  fact('提案', el('a', notice.proposalNumber, { href: proposalPage(notice.proposalNumber), class: 'proposal-link' }));
  fact('公示期', `${day(notice.from)} 至 ${day(notice.to)}`);
  if (notice.open) {
    const left = daysLeft(notice.to);
    fact('状态', el('span', `公示中 · ${left.text}`, { class: left.late ? 'badge late' : 'badge open', 'data-role': 'days-left' }));
  } else {
    fact('状态', el('span', '已结束', { class: 'badge' }));
  }
  return fill(
    el('article', null, { class: 'card notice', id: `notice-${notice.id}`, 'aria-labelledby': headingId, tabindex: '-1' }),
    el('h3', notice.title, { id: headingId, class: 'user-text' }),
    facts,
    el('p', notice.content, { class: 'user-text notice-content' }),
    replies(notice),
    notice.open ? objectionForm(notice) : null,
  );
}

function list(holder, notices) {
  if (!notices.length) fill(holder, el('p', holder.dataset.empty, { class: 'muted empty' }));
  else fill(holder, ...notices.map(article));
}

async function load() {
  const answer = await call('/api/notices');
  if (!answer.ok || !Array.isArray(answer.body)) {
    status.textContent = problemOf(answer, '读取公示失败，请稍后刷新再试。');
    status.classList.add('error');
    fill(openList);
    fill(pastList);
    return;
  }
  const notices = answer.body; // newest first, as the API answers
  const open = notices.filter((n) => n.open);
  list(openList, open);
  list(pastList, notices.filter((n) => !n.open));
  status.textContent = notices.length ? `共 ${notices.length} 条公示，其中 ${open.length} 条正在公示。` : '目前还没有公示。';
  document.body.dataset.loaded = 'true';
  // a link to one notice (#notice-<id>, e.g. from a proposal's page)
  const target = location.hash.startsWith('#notice-') && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) {
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }
}

load();
