// What the residents' pages share: calling the public API (CONTRACT §4), the Chinese names of its
// codes, the organisation tree, dates in the business time zone, and showing the API's field
// errors beside their fields. Everything users wrote is put on the page as text (textContent),
// never as markup.

/** Chinese names of the API's codes. */
export const LABELS = {
  status: {
    SORTING: '分拣中',
    UNDER_REVIEW: '审议中',
    IN_DELIBERATION: '协商中',
    IN_IMPLEMENTATION: '落实中',
    IN_NOTICE: '公示中',
    AWAITING_EVALUATION: '待评价',
    CLOSED: '已办结',
    SELF_HELP: '自行处理',
    REDIRECTED: '已转其他渠道',
    REJECTED: '不予采纳',
  },
  category: {
    CONSTRUCTION: '建设类',
    REMEDIATION: '整治类',
    PUBLIC_SAFETY: '公共安全类',
    COMMUNITY_SERVICE: '社区服务类',
    SELF_GOVERNANCE: '自治共治类',
    OTHER: '其他',
  },
  track: { URGENT: '急事急议', MINOR: '小事小议', MAJOR: '大事大议', HARD: '难事广议' },
  level: { COURTYARD: '小区（院落）', COMMUNITY: '社区', STREET: '街道', DISTRICT: '区' },
  matterScope: { HOUSEHOLD: '家里事', COURTYARD: '院落事', COMMUNITY: '社区事' },
  topic: {
    ELEVATOR: '加装电梯',
    FACILITIES: '设施',
    GREENING: '绿化',
    SANITATION: '环境卫生',
    NOISE: '噪声',
    ENVIRONMENT: '环境',
    ORDER: '秩序',
    FIRE_SAFETY: '消防安全',
    SECURITY: '治安',
    TRAFFIC_SAFETY: '交通安全',
    ELDERLY_CARE: '养老',
    CHILDCARE: '托育',
    CULTURE_SPORTS: '文体',
    CONVENIENCE: '便民服务',
    PROPERTY_SERVICE: '物业服务',
    CONVENTION: '居民公约',
    NEIGHBOURHOOD: '邻里关系',
    SHARED_FUNDS: '公共资金',
    ORGANISATION: '自治组织',
    OTHER: '其他',
  },
  /** topic → its category (CONTRACT §2), to group the topics in a select */
  topicCategory: {
    ELEVATOR: 'CONSTRUCTION', FACILITIES: 'CONSTRUCTION', GREENING: 'CONSTRUCTION',
    SANITATION: 'REMEDIATION', NOISE: 'REMEDIATION', ENVIRONMENT: 'REMEDIATION', ORDER: 'REMEDIATION',
    FIRE_SAFETY: 'PUBLIC_SAFETY', SECURITY: 'PUBLIC_SAFETY', TRAFFIC_SAFETY: 'PUBLIC_SAFETY',
    ELDERLY_CARE: 'COMMUNITY_SERVICE', CHILDCARE: 'COMMUNITY_SERVICE', CULTURE_SPORTS: 'COMMUNITY_SERVICE',
    CONVENIENCE: 'COMMUNITY_SERVICE', PROPERTY_SERVICE: 'COMMUNITY_SERVICE',
    CONVENTION: 'SELF_GOVERNANCE', NEIGHBOURHOOD: 'SELF_GOVERNANCE', SHARED_FUNDS: 'SELF_GOVERNANCE',
    ORGANISATION: 'SELF_GOVERNANCE', OTHER: 'OTHER',
  },
  scope: {
    HOUSEHOLD: '一户（家里事）',
    BUILDING: '一栋楼',
    COURTYARD: '一个小区（院落）',
    COMMUNITY: '整个社区',
    MULTI_COMMUNITY: '多个社区',
  },
  noticeKind: { RESOLUTION: '协商决议公示', RESULT: '办理结果公示' },
  rating: { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' },
};

/** The Chinese name of a code, or the code itself when it has none here. */
export function label(kind, code) {
  if (code === null || code === undefined || code === '') return '—';
  return LABELS[kind]?.[code] ?? String(code);
}

/** An element with text (never markup) and attributes. */
export function el(tag, text, attributes = {}) {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) element.textContent = String(text);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value === true ? '' : value);
  }
  return element;
}

/** `parent` with its children replaced by `children`. */
export function fill(parent, ...children) {
  parent.replaceChildren(...children.filter((child) => child !== null && child !== undefined));
  return parent;
}

/** A retry-safe key for one POST (crypto.randomUUID needs a secure context; this does not). */
function idempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls the public API. A POST carries an Idempotency-Key, and one lost to the network is sent
 * once more with the same key (the server answers the first outcome again, never a second
 * proposal). The answer: `{status, ok, body}`; `status` 0 when the server could not be reached.
 */
export async function call(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST') headers['Idempotency-Key'] = idempotencyKey();
  const request = { method, headers, credentials: 'omit', body: body === undefined ? undefined : JSON.stringify(body) };
  let response;
  for (let attempt = 1; ; attempt++) {
    try {
      response = await fetch(path, request);
      break;
    } catch (error) {
      if (attempt === 2) return { status: 0, ok: false, body: null };
    }
  }
  const text = await response.text();
  let parsed = null;
  if (text && (response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  return { status: response.status, ok: response.ok, body: parsed };
}

/** What to tell the resident about a refused or failed call. */
export function problemOf(answer, otherwise = '操作没有成功，请稍后再试。') {
  if (answer.status === 0) return '连接不上服务器，请检查网络后再试。';
  if (answer.status === 429) return '操作太频繁，请稍等一会儿再试。';
  if (answer.status === 503) return '系统暂时忙，请稍后再试。';
  if (answer.status >= 500) return '系统出错了，请稍后再试。';
  return (answer.body && typeof answer.body === 'object' && answer.body.detail) || otherwise;
}

/**
 * Shows a refusal on a form: each `{field, message}` of the problem's `errors` beside its field
 * (`aria-invalid`, the message linked by `aria-describedby`), the rest in the form's summary
 * (`[data-role=summary]`, a live region). The first invalid field gets the focus.
 */
export function showProblem(form, answer, otherwise) {
  clearProblem(form);
  const summary = form.querySelector('[data-role=summary]');
  const errors = Array.isArray(answer.body?.errors) ? answer.body.errors : [];
  const unplaced = [];
  let first = null;
  for (const { field, message } of errors) {
    const input = field && form.elements.namedItem(field);
    const holder = input && form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (!input || !holder || input instanceof RadioNodeList) {
      unplaced.push(message);
      continue;
    }
    holder.textContent = message;
    holder.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    first ??= input;
  }
  const text = errors.length ? unplaced.join('；') || '请按提示修改标红的项目。' : problemOf(answer, otherwise);
  if (summary) {
    summary.textContent = text;
    summary.hidden = false;
  }
  (first ?? summary)?.focus?.();
}

/** Removes what {@link showProblem} showed. */
export function clearProblem(form) {
  for (const holder of form.querySelectorAll('[data-error-for]')) {
    holder.textContent = '';
    holder.hidden = true;
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const summary = form.querySelector('[data-role=summary]');
  if (summary) {
    summary.textContent = '';
    summary.hidden = true;
  }
}

/** "2026-12-03T09:05:12.345+08:00" → "2026-12-03 09:05" (the API answers in the business time zone). */
export function when(value) {
  if (!value) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? `${match[1]} ${match[2]}` : String(value);
}

/** "2026-12-03" of a date or timestamp. */
export function day(value) {
  if (!value) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match ? match[1] : String(value);
}

/** Whole days from now until `value`, rounded up: 1 in its last 24 hours, 0 or less once it has passed. */
export function daysUntil(value, now = Date.now()) {
  return Math.ceil((Date.parse(value) - now) / 86_400_000);
}

/** Proposal numbers as Yishi writes them: JN-2026-000123. */
export const NUMBER = /^[A-Z]{2,8}-\d{4}-\d{6}$/;

/** The page of one proposal. */
export const proposalPage = (number) => '/proposals/' + encodeURIComponent(number);

let organisation;

/**
 * The organisation tree (GET /api/organisation), asked once per page: `streets` (each with its
 * `communities`, each with its `courtyards`) and `nameOf(code)`.
 */
export async function loadOrganisation() {
  organisation ??= call('/api/organisation').then((answer) => {
    if (!answer.ok) throw new Error(problemOf(answer, '读取社区列表失败。'));
    const names = new Map();
    const units = (unit, level) => (unit.children ?? []).filter((child) => child.level === level);
    const walk = (unit) => {
      names.set(unit.code, unit.name);
      (unit.children ?? []).forEach(walk);
    };
    walk(answer.body);
    const streets = units(answer.body, 'STREET').map((street) => ({
      code: street.code,
      name: street.name,
      communities: units(street, 'COMMUNITY').map((community) => ({
        code: community.code,
        name: community.name,
        street: street.code,
        courtyards: units(community, 'COURTYARD').map(({ code, name }) => ({ code, name })),
      })),
    }));
    const communities = new Map(streets.flatMap((s) => s.communities).map((c) => [c.code, c]));
    return {
      streets,
      community: (code) => communities.get(code),
      nameOf: (code) => names.get(code) ?? code,
    };
  });
  return organisation;
}

/** Fills a select with `options` ([value, text]), keeping a first empty option when `empty` is given. */
export function options(select, entries, empty) {
  const children = entries.map(([value, text]) => el('option', text, { value }));
  if (empty !== undefined) children.unshift(el('option', empty, { value: '' }));
  fill(select, ...children);
}
