// Intake benchmark driver (issue 7, defect 11): POST /api/proposals beside a bare one-user-task
// process started through /engine-rest on the same server. Run by scripts/benchmark-intake.sh,
// which starts and stops the server; this file only talks to http://localhost:<port>.
//
//   node scripts/benchmark-intake.mjs <port> [seconds per run]
//
// Closed loop at 1 and 8 clients (each client sends its next request when the last answered),
// then an open loop paced at 50 submissions/s (latency counted from the planned send time, so a
// queue shows). Every request is bounded by a timeout; nothing runs longer than the runs asked.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const port = Number(process.argv[2]);
const seconds = Number(process.argv[3] ?? 15);
if (!Number.isInteger(port) || port <= 0 || !(seconds > 0 && seconds <= 300)) {
  console.error('usage: node scripts/benchmark-intake.mjs <port> [seconds per run, 1-300]');
  process.exit(2);
}
const base = `http://localhost:${port}`;
const admin = 'Basic ' + Buffer.from('admin:admin').toString('base64');
const REQUEST_TIMEOUT_MS = 30_000;
const WARM_UP_SECONDS = Math.min(10, seconds);
const PACED_RATE = 50;

// --- valid, varied submissions (CONTRACT §1), communities from the organisation file ----------
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const organisation = JSON.parse(readFileSync(join(root, 'src/main/resources/organisation/jinniu.json'), 'utf8'));
const communities = [];
(function walk(unit) {
  if (unit.level === 'COMMUNITY') communities.push(unit.code);
  for (const child of unit.children ?? []) walk(child);
})(organisation);
const topics = ['ELEVATOR', 'FACILITIES', 'GREENING', 'SANITATION', 'NOISE', 'ORDER', 'FIRE_SAFETY',
  'ELDERLY_CARE', 'CONVENIENCE', 'NEIGHBOURHOOD', 'OTHER'];
const scopes = ['HOUSEHOLD', 'BUILDING', 'COURTYARD', 'COMMUNITY'];
const titles = ['楼道照明改造', '院内增设休闲座椅', '小区绿地补植', '电动车充电桩建设', '垃圾分类点整治',
  '消防通道清理', '老年食堂延长开放', '单元门禁维修'];
let seq = 0;
function proposal() {
  const n = seq++;
  return {
    title: `${titles[n % titles.length]}（${n}）`,
    description: '居民反映问题已久，建议社区协调解决。'.repeat(1 + (n % 5)),
    community: communities[n % communities.length],
    submitterName: '测试居民',
    submitterPhone: '139' + String(10_000_000 + (n * 7919) % 90_000_000).padStart(8, '0'),
    topic: topics[n % topics.length],
    scope: scopes[n % scopes.length],
    affectedHouseholds: 1 + (n * 37) % 200,
    coSigners: n % 30,
    estimatedCost: (n * 1231) % 80_000,
    usesCollectiveFunds: n % 7 === 0,
  };
}

// --- the two kinds of request -------------------------------------------------------------------
const BARE_KEY = 'benchmarkBareStart';
const bareBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Bench" targetNamespace="https://yishi.cn/bench">
  <bpmn:process id="${BARE_KEY}" name="基准：单个人工任务" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Event_Start" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Wait" />
    <bpmn:userTask id="Task_Wait" name="等待" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Wait" targetRef="Event_End" />
    <bpmn:endEvent id="Event_End" />
  </bpmn:process>
</bpmn:definitions>`;

async function deployBare() {
  const form = new FormData();
  form.append('deployment-name', 'benchmark-bare-start');
  form.append('deploy-changed-only', 'true');
  form.append('data', new Blob([bareBpmn], { type: 'application/xml' }), 'benchmark-bare-start.bpmn');
  const answer = await fetch(`${base}/engine-rest/deployment/create`, {
    method: 'POST', headers: { Authorization: admin }, body: form, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!answer.ok) throw new Error(`deploying the bare process answered ${answer.status}: ${await answer.text()}`);
}

async function request(kind) {
  const [url, headers, body] = kind === 'bare'
    ? [`${base}/engine-rest/process-definition/key/${BARE_KEY}/start`, { Authorization: admin }, {}]
    : [`${base}/api/proposals`, {}, proposal()];
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await answer.text();
  const expected = kind === 'bare' ? 200 : 201;
  if (answer.status !== expected) return { ok: false, detail: `${answer.status} ${text.slice(0, 200)}` };
  if (kind === 'yishi' && !/"number":"[A-Z]+-\d{4}-\d{6}"/.test(text)) return { ok: false, detail: 'no number in answer' };
  return { ok: true };
}

async function timed(kind, since) {
  try {
    const r = await request(kind);
    return { ...r, ms: performance.now() - since };
  } catch (e) {
    return { ok: false, detail: String(e.message ?? e), ms: performance.now() - since };
  }
}

function summary(results, elapsedSeconds) {
  const ok = results.filter((r) => r.ok).map((r) => r.ms).sort((a, b) => a - b);
  const at = (q) => (ok.length ? ok[Math.min(ok.length - 1, Math.ceil(q * ok.length) - 1)] : NaN);
  const failures = results.filter((r) => !r.ok);
  return { perSecond: ok.length / elapsedSeconds, p50: at(0.5), p99: at(0.99), n: ok.length,
    failed: failures.length, firstFailure: failures[0]?.detail };
}

/** {@code clients} loops, each sending its next request when the last answered, for {@code secs}. */
async function closedLoop(kind, clients, secs) {
  const start = performance.now();
  const end = start + secs * 1000;
  const results = [];
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) results.push(await timed(kind, performance.now()));
  }));
  return summary(results, (performance.now() - start) / 1000);
}

/** One request every 1000/rate ms whatever the answers, for {@code secs}; latency from the plan. */
async function paced(kind, rate, secs) {
  const start = performance.now();
  const total = Math.round(rate * secs);
  const pending = [];
  for (let i = 0; i < total; i++) {
    const planned = start + (i * 1000) / rate;
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(timed(kind, planned));
  }
  const results = await Promise.all(pending);
  return summary(results, (performance.now() - start) / 1000);
}

const f = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
function warnIfFailed(label, s) {
  if (s.failed) console.log(`  ! ${label}: ${s.failed} failed, first: ${s.firstFailure}`);
}

await deployBare();
console.log(`warming up (${WARM_UP_SECONDS} s each) ...`);
await closedLoop('bare', 4, WARM_UP_SECONDS);
await closedLoop('yishi', 4, WARM_UP_SECONDS);

const rows = [];
for (const clients of [1, 8]) {
  const bare = await closedLoop('bare', clients, seconds);
  const yishi = await closedLoop('yishi', clients, seconds);
  warnIfFailed(`bare, ${clients} clients`, bare);
  warnIfFailed(`POST /api/proposals, ${clients} clients`, yishi);
  rows.push({ clients, bare, yishi });
}
const pacedRun = await paced('yishi', PACED_RATE, seconds);
warnIfFailed(`paced ${PACED_RATE}/s`, pacedRun);

console.log(`\n${seconds} s per run, ${base}, H2 file database`);
console.log('| clients | bare start /s | POST /api/proposals /s | ratio | Yishi p50 / p99 ms | bare p50 / p99 ms |');
console.log('|---|---|---|---|---|---|');
for (const { clients, bare, yishi } of rows) {
  console.log(`| ${clients} | ${f(bare.perSecond, 1)} | ${f(yishi.perSecond, 1)} | ${f(yishi.perSecond / bare.perSecond, 2)}`
    + ` | ${f(yishi.p50)} / ${f(yishi.p99)} | ${f(bare.p50)} / ${f(bare.p99)} |`);
}
console.log(`\npaced ${PACED_RATE} submissions/s for ${seconds} s: ${pacedRun.n} answered 201 (${f(pacedRun.perSecond, 1)}/s),`
  + ` ${pacedRun.failed} failed, p50 ${f(pacedRun.p50)} ms, p99 ${f(pacedRun.p99)} ms (from the planned send time)`);
const failed = rows.some((r) => r.bare.failed || r.yishi.failed) || pacedRun.failed;
process.exit(failed ? 1 : 0);
