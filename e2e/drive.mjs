// Drives proposals through the engine as the staff would, by /engine-rest as the admin, so that a
// residents' page can be tested in a state a resident meets only days later: a proposal whose
// deliberation resolved and whose resolution (决议公开) is open on the public notice board, and an
// objection to it judged unfounded with a reasoned reply shown on the notice.
//
// The shortest path to an open notice is a minor matter (小事小议: a community's facilities, a
// small cost): sorting (分拣) → review at the community (逐级审议, settled there) → the stakeholders
// (确定利益相关方, 听取意见) → the plan (拟定方案) → the committee's meeting (召开会议), which passes
// it; the lifecycle then posts the resolution for its notice period before carrying it out.
// Async continuations run on the job executor: every step waits (with a deadline) for the next
// task, or for the notice, to appear.
import assert from 'node:assert/strict';
import { BASE, rest } from './support.mjs';

const DEADLINE_MS = Number(process.env.YISHI_DRIVE_DEADLINE_MS ?? 30_000);

/** Polls `probe` until it answers something truthy, at most `ms`; each wait a little longer. */
export async function until(what, probe, ms = DEADLINE_MS) {
  const end = Date.now() + ms;
  let pause = 50;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 500);
  }
}

/** A call to the public API (/api) as a resident's client does; the body parsed. */
export async function api(path, { method = 'GET', body } = {}) {
  const response = await fetch(BASE + '/api' + path, {
    method,
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

/** A typed engine variable from a plain value (whole numbers as Integer). */
function typed(value) {
  if (typeof value === 'number') return { value, type: Number.isInteger(value) ? 'Integer' : 'Double' };
  if (typeof value === 'boolean') return { value, type: 'Boolean' };
  return { value, type: 'String' };
}

/** Waits for the open task `taskKey` of the proposal `number` (its called processes too) and completes it. */
export async function complete(number, taskKey, variables) {
  const task = await until(`task ${taskKey} of ${number}`, async () => {
    const open = await rest(`/task?processInstanceBusinessKey=${encodeURIComponent(number)}&taskDefinitionKey=${taskKey}`);
    assert.equal(open.status, 200, JSON.stringify(open.body));
    return open.body[0];
  });
  const body = { variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, typed(v)])) };
  const done = await rest(`/task/${task.id}/complete`, { method: 'POST', body });
  assert.equal(done.status, 204, `${taskKey} of ${number}: ${JSON.stringify(done.body)}`);
}

/** The notice of `number` on GET /api/notices that `accept` takes, once it is there. */
export async function noticeOf(number, accept = () => true, what = `a notice of ${number}`) {
  return until(what, async () => {
    const board = await api('/notices');
    assert.equal(board.status, 200, JSON.stringify(board.body));
    return board.body.find((n) => n.proposalNumber === number && accept(n));
  });
}

/** Submits a minor matter of 九里堤北路社区 through POST /api/proposals; its number. */
export async function submit(title, fields = {}) {
  const created = await api('/proposals', {
    method: 'POST',
    body: {
      title,
      description: '社区广场缺少座椅，老人散步无处歇脚，希望在广场东侧增设几张座椅。',
      community: 'jn-jld-jldbl',
      submitterName: '孙奶奶',
      submitterPhone: '13812345678',
      topic: 'FACILITIES',
      scope: 'COMMUNITY',
      estimatedCost: 3000,
      ...fields,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.status, 'SORTING');
  return created.body.number;
}

/**
 * Submits a fresh proposal titled `title` and drives it to its open resolution notice (决议公开).
 * Returns `{number, noticeId, notice}`.
 */
export async function driveToNotice(title, { plan = '在广场东侧增设四张座椅，由社区出资采购安装。' } = {}) {
  const number = await submit(title);
  await complete(number, 'Task_SortProposal', { exclusion: 'NONE' });
  await complete(number, 'Task_ReviewAtLevel', { reviewDecision: 'SETTLE' });
  await complete(number, 'Task_ChooseStakeholders', { stakeholderNames: '物业公司' });
  await complete(number, 'Task_RecordStakeholderOpinion', { stakeholderOpinion: '同意增设座椅' });
  await complete(number, 'Task_DraftPlan', { meetingPlan: plan });
  // a "7+X" meeting: 9 of the committee + the property company expected, 8 present, 7 in favour
  await complete(number, 'Task_HoldMeeting', {
    committeeMembers: 9,
    present: 8,
    inFavour: 7,
    participants: ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '物业公司 黄敏'].join('\n'),
    minutes: '会议讨论了增设座椅的方案并表决通过。',
  });
  const notice = await noticeOf(number, (n) => n.kind === 'RESOLUTION' && n.open, `the open resolution notice of ${number}`);
  return { number, noticeId: notice.id, notice };
}

/** Raises an objection to the notice `noticeId` through the public API; the objection's id. */
export async function object(noticeId, { name = '李大爷', phone = '13700000002', text = '座椅会占用广场跳舞的地方。' } = {}) {
  const raised = await api(`/notices/${encodeURIComponent(noticeId)}/objections`, {
    method: 'POST',
    body: { name, phone, text },
  });
  assert.equal(raised.status, 201, JSON.stringify(raised.body));
  return raised.body.id;
}

/**
 * Judges the one open objection of proposal `number` unfounded (判断异议: 异议不成立) with the
 * reasoned `reply`, and waits until the reply is shown on the notice. Returns the notice.
 */
export async function judgeUnfounded(number, reply) {
  await complete(number, 'Task_JudgeObjection', { objectionJudgement: 'UNFOUNDED', objectionReply: reply });
  return noticeOf(number, (n) => n.replies?.some((r) => r.text === reply), `the reply on the notice of ${number}`);
}

/**
 * Lets the notice period of proposal `number`'s open notice pass (runs its timer, 公示期满, through
 * /engine-rest) and waits until the notice `noticeId` is closed on the board. Returns the notice.
 */
export async function endNoticePeriod(number, noticeId) {
  const instances = await rest(`/process-instance?businessKey=${encodeURIComponent(number)}&processDefinitionKey=publicNotice`);
  assert.equal(instances.status, 200, JSON.stringify(instances.body));
  const timers = [];
  for (const instance of instances.body) {
    const jobs = await rest(`/job?timers=true&activityId=Event_NoticePeriodEnded&processInstanceId=${instance.id}`);
    timers.push(...jobs.body);
  }
  assert.equal(timers.length, 1, `the notice period timer of ${number}: ${JSON.stringify(timers)}`);
  const ran = await rest(`/job/${timers[0].id}/execute`, { method: 'POST' });
  assert.equal(ran.status, 204, JSON.stringify(ran.body));
  return noticeOf(number, (n) => n.id === noticeId && !n.open, `notice ${noticeId} closed`);
}
