// Yishi: Tasklist in staff language (issue 11, parts 5 and 7). An ES module Tasklist 7.24 imports
// through config.js customScripts; it exports no plugin and works on the page:
//  1. form-js (Camunda Forms) checks fields in the browser with English messages of its own
//     ("Field is required.", "Field must have maximum length of 120.") and a few words ("Select",
//     "Search"): shown in Chinese instead, unless the browser asks for English (as Tasklist's own
//     language choice does);
//  2. a form submission Yishi refuses (400 {type, message, field}) marks the field it names: the
//     field is outlined as form-js outlines its own errors and the message is shown under it;
//  3. "Create task" (创建任务, a standalone task outside every proposal) is offered only to
//     administrators: Tasklist shows it to everyone and has no setting for it.

const ENGINE_API = '/camunda/api/engine/engine/default';
const AUTH = '/camunda/api/admin/auth/user/default';

const english = (() => {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.split('-')[0].toLowerCase() === 'en';
})();

// ---- 1. form-js's own messages -------------------------------------------------------------

const MESSAGES = [
  [/^Field is required\.?$/, () => '此项必填'],
  [/^Field must have minimum length of (\d+)\.?$/, (n) => `至少填写${n}个字`],
  [/^Field must have maximum length of (\d+)\.?$/, (n) => `不能超过${n}个字`],
  [/^Field must have minimum value of (-?[\d.]+)\.?$/, (n) => `不能小于${n}`],
  [/^Field must have maximum value of (-?[\d.]+)\.?$/, (n) => `不能大于${n}`],
  [/^Field must be a valid email\.?$/, () => '请填写有效的电子邮箱地址'],
  [/^Field must be a valid\s+international phone number/, () => '请填写有效的电话号码'],
  [/^Field must match pattern /, () => '格式不正确'],
];

/** The Chinese for one of form-js's messages; any other English message becomes a plain notice. */
export function translate(message) {
  const text = message.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      return chinese(...match.slice(1));
    }
  }
  return /[A-Za-z]{3,}/.test(text) && !/[\u4e00-\u9fff]/.test(text) ? '填写有误，请检查' : text;
}

/** form-js's few other words of its own (a select's placeholder, its search box, an empty list). */
const WORDS = { Select: '请选择', Search: '搜索', 'No results': '没有匹配的选项', 'All values selected': '已全部选择' };

function translateWords(root) {
  for (const element of root.querySelectorAll('.fjs-select-placeholder, .fjs-dropdownlist-empty')) {
    for (const text of element.childNodes) {
      if (text.nodeType === Node.TEXT_NODE && WORDS[text.data.trim()]) {
        text.data = WORDS[text.data.trim()];
      }
    }
  }
  for (const input of root.querySelectorAll('.fjs-form input[placeholder]')) {
    const chinese = WORDS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  }
}

/** Translates what form-js itself says in a rendered form (or in the whole page). */
function translateForm(root) {
  if (english || !root.querySelectorAll) {
    return;
  }
  translateWords(root);
  // the text nodes are changed in place: form-js (preact) keeps them and rewrites one only when
  // its own message changes (which this observer sees again), so nothing is rendered twice
  for (const item of root.querySelectorAll('.fjs-form-field-error li')) {
    for (const text of item.childNodes) {
      if (text.nodeType === Node.TEXT_NODE) {
        const chinese = translate(text.data);
        if (chinese !== text.data) {
          text.data = chinese;
        }
      }
    }
  }
}

// ---- 2. marking the field a refusal names --------------------------------------------------

const SUBMIT = /\/(task|process-definition)\/([^/]+)\/submit-form$/;

async function schemaOf(kind, id) {
  const path = kind === 'task' ? `/task/${id}/deployed-form` : `/process-definition/${id}/deployed-start-form`;
  const response = await fetch(ENGINE_API + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

function componentId(components, key) {
  for (const component of components || []) {
    if (component.key === key) {
      return component.id;
    }
    const inner = componentId(component.components, key);
    if (inner) {
      return inner;
    }
  }
  return null;
}

/** The form-js field (`.fjs-form-field`) rendering the component, or null. */
function fieldElement(id) {
  const input = [...document.querySelectorAll('[id]')].find((e) => e.id === id || e.id.endsWith('-' + id));
  return input ? input.closest('.fjs-form-field') : null;
}

function clearMarks() {
  for (const mark of document.querySelectorAll('.yishi-refusal')) {
    mark.remove();
  }
  for (const field of document.querySelectorAll('.yishi-refused')) {
    field.classList.remove('yishi-refused', 'fjs-has-errors');
  }
}

async function markRefusal(url, answer) {
  const submitted = url.match(SUBMIT);
  if (!submitted || !answer || !answer.field || !answer.message) {
    return;
  }
  clearMarks();
  const schema = await schemaOf(submitted[1], submitted[2]);
  const id = schema && componentId(schema.components, answer.field);
  const field = id && fieldElement(id);
  if (!field) {
    return;
  }
  field.classList.add('fjs-has-errors', 'yishi-refused');
  const box = document.createElement('div');
  box.className = 'fjs-form-field-error yishi-refusal';
  box.setAttribute('aria-live', 'polite');
  const list = document.createElement('ul');
  const item = document.createElement('li');
  item.textContent = answer.message; // text, never markup
  list.appendChild(item);
  box.appendChild(list);
  field.appendChild(box);
  const input = field.querySelector('input, textarea, select, button');
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.addEventListener('input', clearMarks, { once: true });
  }
  field.scrollIntoView({ block: 'center' });
}

// ---- 3. "Create task" for administrators only -----------------------------------------------

const style = document.createElement('style');
style.textContent = 'html:not(.yishi-admin) .create-task-action { display: none !important; }';
document.head.appendChild(style);

async function checkAdmin() {
  try {
    const response = await fetch(AUTH, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const user = response.ok ? await response.json() : null;
    const admin = !!(user && (user.authorizedApps || []).includes('admin'));
    document.documentElement.classList.toggle('yishi-admin', admin);
  } catch (e) {
    document.documentElement.classList.remove('yishi-admin');
  }
}

// ---- wiring: Tasklist talks to the server through superagent, i.e. XMLHttpRequest ------------

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const target = String(url);
  this.addEventListener('load', () => {
    if (/\/auth\/user\/default(\/(login\/[^/]+|logout))?$/.test(target) && method.toUpperCase() === 'POST') {
      checkAdmin();
    } else if (this.status === 400 && SUBMIT.test(target)) {
      try {
        markRefusal(target, JSON.parse(this.responseText));
      } catch (e) {
        // not Yishi's refusal
      }
    }
  });
  return open.call(this, method, url, ...rest);
};

function formOf(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  return element && element.closest ? element.closest('.fjs-form') : null;
}

// form-js re-renders often (each keystroke, each validation): every change within a form, and
// every form added, is looked at again; the changes made here change nothing the second time
new MutationObserver((changes) => {
  const forms = new Set();
  for (const change of changes) {
    const form = formOf(change.target);
    if (form) {
      forms.add(form);
    }
    for (const added of change.addedNodes) {
      if (added.nodeType === Node.ELEMENT_NODE) {
        if (added.matches('.fjs-form')) {
          forms.add(added);
        }
        added.querySelectorAll('.fjs-form').forEach((inner) => forms.add(inner));
      }
    }
  }
  forms.forEach(translateForm);
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder'],
});

checkAdmin();
translateForm(document);
