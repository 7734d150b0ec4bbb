// The auditor's page: log in with the audit session, search proposals, and read one proposal's
// whole trail (timeline, diagrams with the path taken, decision evaluations, CSV). Read-only: it
// only GETs the audit API (plus logging in and out). Everything users wrote is shown as text
// (textContent), never as markup.
'use strict';

(() => {
  const TRACKS = { URGENT: '急事急议', MINOR: '小事小议', MAJOR: '大事大议', HARD: '难事广议' };
  const LEVELS = { COMMUNITY: '社区', STREET: '街道', DISTRICT: '区' };
  const PAGE_SIZE = 20;
  const SESSION = '/api/audit/session';

  const $ = (selector) => document.querySelector(selector);
  const state = { reader: null, organisation: null, page: 0, trail: null, run: null, viewer: null };
  const diagrams = new Map();

  /** An element with text (never markup) and attributes. */
  function el(tag, text, attributes = {}) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  }

  /** Calls Yishi; the page's own header keeps the browser's password dialog away on 401. */
  async function call(path, { method = 'GET', body, accept = 'application/json' } = {}) {
    const headers = { 'X-Requested-With': 'yishi-audit', Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed = text;
    if (text && (response.headers.get('Content-Type') ?? '').includes('json')) {
      parsed = JSON.parse(text);
    }
    return { status: response.status, ok: response.ok, body: parsed };
  }

  const detailOf = (answer, otherwise) =>
    (answer.body && typeof answer.body === 'object' && answer.body.detail) || otherwise;

  /** "2026-12-03T09:05:12.345+08:00" → "2026-12-03 09:05:12" (the business time zone's clock). */
  function when(value) {
    if (!value) return '—';
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(:\d{2})?)/.exec(value);
    return match ? `${match[1]} ${match[2]}` : value;
  }

  function shown(value) {
    if (value === null || value === undefined || value === '') return '—';
    if (value === true) return '是';
    if (value === false) return '否';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  function only(section) {
    for (const id of ['loading', 'login', 'search', 'detail']) $('#' + id).hidden = id !== section;
  }

  // --- who is reading -------------------------------------------------------------------------

  async function start() {
    $('#login-form').addEventListener('submit', logIn);
    $('#logout').addEventListener('click', logOut);
    $('#search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      state.page = 0;
      search();
    });
    $('#prev').addEventListener('click', () => { state.page -= 1; search(); });
    $('#next').addEventListener('click', () => { state.page += 1; search(); });
    $('#search-form').elements.street.addEventListener('change', fillCommunities);
    $('#only-run').addEventListener('change', renderTimeline);
    window.addEventListener('hashchange', route);
    const session = await call(SESSION);
    if (session.ok) {
      await loggedIn(session.body);
    } else {
      showLogin();
    }
  }

  function showLogin(message = '') {
    state.reader = null;
    $('#who').hidden = true;
    $('#login-error').textContent = message;
    only('login');
    $('#login-form').elements.username.focus();
  }

  async function logIn(event) {
    event.preventDefault();
    const form = event.target;
    const username = form.elements.username.value.trim();
    const password = form.elements.password.value;
    if (!username || !password) {
      $('#login-error').textContent = '请填写用户名和密码';
      return;
    }
    const answer = await call(SESSION, { method: 'POST', body: { username, password } });
    form.elements.password.value = '';
    if (answer.ok) {
      await loggedIn(answer.body);
    } else if (answer.status === 403) {
      $('#login-error').textContent = '该账号不是审计人员或居务监督委员会成员，不能查阅审计记录';
    } else if (answer.status === 429) {
      $('#login-error').textContent = '尝试过于频繁，请稍后再试';
    } else {
      $('#login-error').textContent = detailOf(answer, '登录失败（' + answer.status + '）');
    }
  }

  async function logOut() {
    await call(SESSION, { method: 'DELETE' });
    location.hash = '#/';
    showLogin('已退出登录');
  }

  async function loggedIn(reader) {
    state.reader = reader;
    if (!state.organisation) {
      const organisation = await call('/api/organisation');
      state.organisation = organisation.ok ? organisation.body : { children: [] };
    }
    $('#who-name').textContent = reader.name || reader.userId;
    $('#who-scope').textContent = reader.readsAll
      ? '（可查阅全区所有提案）'
      : '（可查阅：' + reader.communities.map(communityName).join('、') + '）';
    $('#who').hidden = false;
    fillStreets();
    route();
  }

  // --- the organisation, within what the reader may read --------------------------------------

  function streets() {
    const all = (state.organisation.children ?? []).filter((s) => s.level === 'STREET');
    return all
      .map((street) => ({ ...street, children: (street.children ?? []).filter(readable) }))
      .filter((street) => street.children.length > 0);
  }

  const readable = (community) =>
    state.reader.readsAll || state.reader.communities.includes(community.code);

  function communityName(code) {
    for (const street of state.organisation.children ?? []) {
      for (const community of street.children ?? []) {
        if (community.code === code) return community.name;
      }
    }
    return code;
  }

  function fillStreets() {
    const select = $('#search-form').elements.street;
    select.replaceChildren(el('option', '全部', { value: '' }));
    for (const street of streets()) select.append(el('option', street.name, { value: street.code }));
    fillCommunities();
  }

  function fillCommunities() {
    const form = $('#search-form');
    const street = form.elements.street.value;
    const select = form.elements.community;
    const chosen = select.value;
    select.replaceChildren(el('option', '全部', { value: '' }));
    for (const s of streets()) {
      if (street && s.code !== street) continue;
      for (const c of s.children) select.append(el('option', c.name, { value: c.code }));
    }
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
  }

  // --- list -----------------------------------------------------------------------------------

  function route() {
    if (!state.reader) return;
    const match = /^#\/p\/(.+)$/.exec(location.hash);
    if (match) {
      openProposal(decodeURIComponent(match[1]));
    } else {
      only('search');
      search();
    }
  }

  async function search() {
    const form = $('#search-form');
    const query = new URLSearchParams();
    for (const name of ['number', 'q', 'street', 'community', 'from', 'to', 'status', 'track']) {
      const value = form.elements[name].value.trim();
      if (value) query.set(name, value);
    }
    query.set('page', String(Math.max(0, state.page)));
    query.set('size', String(PAGE_SIZE));
    $('#search').setAttribute('aria-busy', 'true');
    const answer = await call('/api/audit/proposals?' + query).finally(() =>
      $('#search').setAttribute('aria-busy', 'false'),
    );
    if (answer.status === 401) return showLogin('登录已失效，请重新登录');
    const tbody = $('#results tbody');
    tbody.replaceChildren();
    if (!answer.ok) {
      $('#search-error').textContent = detailOf(answer, '查找失败（' + answer.status + '）');
      $('#search-total').textContent = '';
      return;
    }
    $('#search-error').textContent = '';
    const { total, page, size, items } = answer.body;
    $('#search-total').textContent = total === 0 ? '没有符合条件的提案' : `共 ${total} 件`;
    for (const item of items) {
      const row = el('tr');
      const number = el('td');
      number.append(el('a', item.number, { href: '#/p/' + encodeURIComponent(item.number) }));
      row.append(
        number,
        el('td', item.title),
        el('td', item.communityName ?? item.community),
        el('td', item.statusLabel + (item.finished ? '（已结束）' : '')),
        el('td', TRACKS[item.track] ?? '—'),
        el('td', when(item.submittedAt)),
        el('td', when(item.updatedAt)),
      );
      tbody.append(row);
    }
    const pages = Math.max(1, Math.ceil(total / size));
    $('#page-no').textContent = `第 ${page + 1} / ${pages} 页`;
    $('#prev').disabled = page <= 0;
    $('#next').disabled = page + 1 >= pages;
  }

  // --- one proposal's trail -------------------------------------------------------------------

  async function openProposal(number) {
    only('detail');
    $('#detail-body').hidden = true;
    $('#detail-error').textContent = '';
    const answer = await call('/api/audit/proposals/' + encodeURIComponent(number));
    if (answer.status === 401) return showLogin('登录已失效，请重新登录');
    if (!answer.ok) {
      $('#detail-error').textContent = detailOf(answer, '无法打开提案（' + answer.status + '）');
      return;
    }
    const trail = answer.body;
    state.trail = trail;
    $('#detail-title').textContent = `${trail.number} ${trail.title ?? ''}`;
    const facts = $('#facts');
    facts.replaceChildren();
    for (const [term, value] of [
      ['社区', trail.communityName ?? trail.community],
      ['街道', trail.streetName ?? trail.street],
      ['状态', trail.statusLabel + (trail.finished ? '（已结束）' : '（办理中）')],
      ['议事类型', TRACKS[trail.track] ?? '—'],
      ['办理层级', LEVELS[trail.level] ?? trail.level ?? '—'],
      ['提交时间', when(trail.submittedAt)],
      ['记录条数', String(trail.events.length)],
    ]) {
      facts.append(el('dt', term), el('dd', shown(value)));
    }
    $('#csv').href = '/api/audit/proposals/' + encodeURIComponent(trail.number) + '?format=csv';
    $('#csv').setAttribute('download', trail.number + '-trail.csv');
    $('#detail-body').hidden = false;
    renderRuns();
    renderDecisions();
    await showRun(trail.processes[0]);
  }

  function renderRuns() {
    const tabs = $('#runs');
    tabs.replaceChildren();
    for (const run of state.trail.processes) {
      const depth = ancestors(run);
      const label = `${'　'.repeat(depth)}${run.name ?? run.key}（第 ${run.version} 版，${
        run.endedAt ? '已结束' : '进行中'}）`;
      const tab = el('button', label, {
        type: 'button',
        role: 'tab',
        'data-instance': run.instanceId,
        'aria-selected': 'false',
      });
      tab.addEventListener('click', () => showRun(run));
      tabs.append(tab);
    }
  }

  function ancestors(run) {
    let depth = 0;
    let parent = run.parentInstanceId;
    while (parent && depth < 10) {
      depth += 1;
      parent = state.trail.processes.find((p) => p.instanceId === parent)?.parentInstanceId;
    }
    return depth;
  }

  async function diagramOf(definitionId) {
    if (!diagrams.has(definitionId)) {
      const answer = await call('/api/audit/diagrams/' + encodeURIComponent(definitionId), {
        accept: 'application/xml',
      });
      if (!answer.ok) throw new Error(detailOf(answer, '流程图无法读取'));
      diagrams.set(definitionId, answer.body);
    }
    return diagrams.get(definitionId);
  }

  async function showRun(run) {
    if (!run) return;
    state.run = run;
    for (const tab of $('#runs').children) {
      tab.setAttribute('aria-selected', String(tab.dataset.instance === run.instanceId));
    }
    $('#run-facts').textContent =
      `流程 ${run.key} 第 ${run.version} 版（部署 ${run.deploymentId}，${when(run.deployedAt)}）` +
      ` · 开始 ${when(run.startedAt)}` + (run.endedAt ? ` · 结束 ${when(run.endedAt)}` : ' · 进行中');
    renderTimeline();
    try {
      const xml = await diagramOf(run.definitionId);
      if (state.run !== run) return;
      if (!state.viewer) {
        state.viewer = new window.BpmnJS({ container: '#canvas' });
        state.viewer.on('element.click', (event) => openCalled(event.element));
        // drilling into a collapsed subprocess (or back out) shows that plane whole
        state.viewer.on('root.set', () => state.viewer.get('canvas').zoom('fit-viewport'));
      }
      await state.viewer.importXML(xml);
      mark(run);
      state.viewer.get('canvas').zoom('fit-viewport');
    } catch (error) {
      $('#run-facts').textContent += ' · 流程图无法显示：' + error.message;
    }
  }

  /** Passed nodes and the flows taken green, the open ones orange. */
  function mark(run) {
    const canvas = state.viewer.get('canvas');
    const registry = state.viewer.get('elementRegistry');
    const visited = new Set(run.visited);
    const taken = new Set(run.taken);
    const active = new Set(run.active);
    for (const element of registry.getAll()) {
      const id = element.id;
      if (element.type === 'bpmn:SequenceFlow') {
        if (taken.has(id)) canvas.addMarker(id, 'visited');
      } else if (active.has(id)) {
        canvas.addMarker(id, 'active');
      } else if (visited.has(id)) {
        canvas.addMarker(id, 'visited');
      }
      if (element.type === 'bpmn:CallActivity' && childrenOf(run, id).length > 0) {
        canvas.addMarker(id, 'openable');
      }
    }
  }

  const childrenOf = (run, activityId) =>
    state.trail.processes.filter(
      (p) => p.parentInstanceId === run.instanceId && p.calledFrom === activityId,
    );

  function openCalled(element) {
    if (element.type !== 'bpmn:CallActivity' || !state.run) return;
    const children = childrenOf(state.run, element.id);
    if (children.length === 0) {
      $('#run-facts').textContent = `“${element.businessObject.name ?? element.id}”在本提案中没有执行`;
      return;
    }
    showRun(children[0]);
  }

  function renderTimeline() {
    const list = $('#timeline');
    list.replaceChildren();
    const onlyRun = $('#only-run').checked && state.run;
    for (const event of state.trail.events) {
      if (onlyRun && event.instanceId !== state.run.instanceId) continue;
      const item = el('li', undefined, { class: 'event kind-' + event.kind });
      const head = el('p', undefined, { class: 'head' });
      head.append(
        el('time', when(event.at), { datetime: event.at ?? '' }),
        el('span', event.kindLabel, { class: 'badge' }),
        el('strong', event.step ?? ''),
      );
      item.append(head);
      const who = event.actorName
        ? event.actorName + (event.actor && event.actor !== event.actorName ? `（${event.actor}）` : '')
        : event.actor;
      const lines = el('p', undefined, { class: 'who' });
      if (who) lines.append(el('span', '办理人：' + who));
      if (event.outcome) lines.append(el('span', '结果：' + event.outcome));
      if (lines.childElementCount) item.append(lines);
      const entries = Object.entries(event.details ?? {});
      if (entries.length) {
        const details = el('dl', undefined, { class: 'details' });
        for (const [name, value] of entries) details.append(el('dt', name), el('dd', shown(value)));
        item.append(details);
      }
      if (event.verified === true) {
        item.append(el('p', '✓ 签名与内容校验通过', { class: 'verified ok' }));
      } else if (event.verified === false) {
        item.append(el('p', '✗ 校验失败：记录在签名后被改动过', { class: 'verified bad' }));
      }
      list.append(item);
    }
    if (!list.childElementCount) list.append(el('li', '没有记录', { class: 'muted' }));
  }

  function renderDecisions() {
    const tbody = $('#decisions tbody');
    tbody.replaceChildren();
    const values = (list) => {
      const cell = el('td');
      for (const v of list ?? []) cell.append(el('div', `${v.name} = ${shown(v.value)}`));
      return cell;
    };
    for (const d of state.trail.decisions) {
      const row = el('tr');
      row.append(
        el('td', when(d.evaluatedAt)),
        el('td', `${d.name ?? d.definitionKey}（${d.definitionKey} 第 ${d.version} 版）`),
        values(d.inputs),
        values(d.outputs),
      );
      tbody.append(row);
    }
    if (!state.trail.decisions.length) {
      tbody.append(el('tr')).append(el('td', '没有决策表评估', { colspan: '4' }));
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
