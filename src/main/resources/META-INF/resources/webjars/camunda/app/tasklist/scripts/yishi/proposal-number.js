// Yishi's Tasklist script (loaded through config.js customScripts): the proposal number for staff.
// 1. A box "按编号查找" above the task list: typing a number (JN-2026-000123, or only its last
//    digits) opens the shared filter 本单位全部任务 searched by the business key, the way
//    Tasklist's own search puts it in the URL (searchQuery=[{type, operator, value, name}]).
// 2. After a start form is submitted, the number Yishi gave the new proposal is shown at once, for
//    the grid worker to tell the resident ("提案已提交，编号 …").
// Plain DOM, no framework: Tasklist re-renders its views, so the box is put back when it is gone.

const UNIT_FILTER = '本单位全部任务';
const NUMBER = /^[A-Z]{2,}-\d{4}-\d{6}$/;
const BOX_ID = 'yishi-number-search';

function engineApi() {
  const base = document.querySelector('base');
  const api = (base && base.getAttribute('engine-api')) || '/camunda/api/engine/';
  return api.replace(/\/?$/, '/') + 'engine/default';
}

async function getJson(path) {
  const response = await fetch(engineApi() + path, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw new Error(String(response.status));
  }
  return response.json();
}

/** JN-2026-000963 as typed, or "963" / "2026-963" completed with this year's prefix. */
export function completeNumber(typed, now = new Date()) {
  const text = String(typed || '').trim().toUpperCase().replace(/\s+/g, '');
  if (NUMBER.test(text)) {
    return text;
  }
  const parts = text.match(/^(?:(\d{4})-)?(\d{1,6})$/);
  if (!parts) {
    return null;
  }
  const year = parts[1] || String(now.getFullYear());
  return `JN-${year}-${parts[2].padStart(6, '0')}`;
}

/** The Tasklist address that lists the proposal's open tasks of the user's unit. */
export function searchHash(filterId, number) {
  const search = [{ type: 'processInstanceBusinessKey', operator: 'eq', value: number, name: '' }];
  const params = new URLSearchParams();
  if (filterId) {
    params.set('filter', filterId);
  }
  params.set('searchQuery', JSON.stringify(search));
  return '#/?' + params.toString();
}

let unitFilterId;

async function findUnitFilter() {
  if (unitFilterId === undefined) {
    try {
      const filters = await getJson(
        '/filter?resourceType=Task&name=' + encodeURIComponent(UNIT_FILTER));
      unitFilterId = filters.length ? filters[0].id : null;
    } catch (e) {
      unitFilterId = null;
    }
  }
  return unitFilterId;
}

function showSearchBox() {
  if (document.getElementById(BOX_ID)) {
    return;
  }
  // the task list's content, above Tasklist's own search
  const anchor = document.querySelector('section.tasks-list > .three-cols-layout-cell.content');
  if (!anchor) {
    return;
  }
  const form = document.createElement('form');
  form.id = BOX_ID;
  form.setAttribute('role', 'search');
  form.style.display = 'flex';
  form.style.gap = '6px';
  form.style.padding = '8px 14px 0';
  form.style.borderBottom = '1px solid #ddd';
  const input = document.createElement('input');
  input.type = 'search';
  input.className = 'form-control input-sm';
  input.placeholder = '按编号查找提案，如 JN-2026-000123 或 123';
  input.setAttribute('aria-label', '按编号查找提案');
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'btn btn-sm btn-default';
  button.textContent = '查找';
  const hint = document.createElement('span');
  hint.className = 'yishi-number-hint text-danger';
  hint.style.alignSelf = 'center';
  form.append(input, button, hint);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const number = completeNumber(input.value);
    if (!number) {
      hint.textContent = '编号格式如 JN-2026-000123';
      return;
    }
    hint.textContent = '';
    input.value = number;
    window.location.hash = searchHash(await findUnitFilter(), number);
  });
  anchor.insertBefore(form, anchor.firstChild);
}

// --- the number of a proposal just started

const STARTED = /\/process-definition\/[^/]+\/(submit-form|start)$/;

function showStarted(number) {
  let banner = document.getElementById('yishi-started-number');
  if (!banner) {
    banner = document.createElement('div');
    banner.id = 'yishi-started-number';
    banner.setAttribute('role', 'status');
    banner.className = 'alert alert-success';
    banner.style.position = 'fixed';
    banner.style.top = '60px';
    banner.style.left = '50%';
    banner.style.transform = 'translateX(-50%)';
    banner.style.zIndex = '2000';
    banner.style.fontSize = '18px';
    banner.style.boxShadow = '0 2px 8px rgba(0,0,0,.3)';
    document.body.appendChild(banner);
  }
  banner.textContent = '';
  const text = document.createElement('span');
  text.textContent = '提案已提交，编号 ';
  const strong = document.createElement('strong');
  strong.className = 'yishi-number';
  strong.style.userSelect = 'all';
  strong.textContent = number;
  const tell = document.createElement('span');
  tell.textContent = '（请告知居民，凭编号查询办理进度）';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', '关闭');
  close.style.marginLeft = '16px';
  close.textContent = '×';
  close.addEventListener('click', () => banner.remove());
  banner.append(text, strong, tell, close);
}

async function numberOf(instance) {
  if (instance && instance.businessKey) {
    return instance.businessKey;
  }
  if (instance && instance.id) {
    const read = await getJson('/process-instance/' + encodeURIComponent(instance.id));
    return read.businessKey;
  }
  return null;
}

function watchStarts() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(method).toUpperCase() === 'POST' && STARTED.test(String(url).split('?')[0])) {
      this.addEventListener('load', () => {
        if (this.status !== 200) {
          return;
        }
        let instance;
        try {
          instance = JSON.parse(this.responseText);
        } catch (e) {
          return;
        }
        numberOf(instance).then((number) => number && showStarted(number), () => {});
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

if (typeof document !== 'undefined' && !window.yishiProposalNumber) {
  window.yishiProposalNumber = true;
  watchStarts();
  new MutationObserver(showSearchBox).observe(document.body, { childList: true, subtree: true });
  showSearchBox();
}
