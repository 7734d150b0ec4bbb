package cn.yishi.notice;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;

/**
 * The process {@code publicNotice} (公示): its key, the element ids Java and the tests need, and its
 * own variables (processes/README.md, "Called-process contracts"). Its inputs {@code noticeKind},
 * {@code noticeContent}, {@code deliberationUnit} (else {@code community}) and {@code timeLimits},
 * and its outputs {@code noticeId}, {@code noticeOutcome} and {@code objectionPausesWork}, are
 * named by its callers too and live in {@link CommonVariables}.
 */
@ProcessBoundary("publicNotice")
public final class PublicNoticeProcess {

  public static final String KEY = "publicNotice";

  /** Message a resident's objection is correlated with, by the variable {@code noticeId}. */
  public static final String OBJECTION_MESSAGE = "NoticeObjection";

  /** Escalation code thrown by a well-founded judgement, caught on the notice period. */
  public static final String OBJECTION_UPHELD_ESCALATION = "OBJECTION_UPHELD";

  // elements
  public static final String TASK_PUBLISH_NOTICE = "Task_PublishNotice";
  public static final String TASK_JUDGE_OBJECTION = "Task_JudgeObjection";
  public static final String TASK_RECORD_JUDGEMENT = "Task_RecordJudgement";
  public static final String TASK_CLOSE_NOTICE_AT_PERIOD_END = "Task_CloseNoticeAtPeriodEnd";
  public static final String TASK_CLOSE_NOTICE_ON_OBJECTION = "Task_CloseNoticeOnObjection";
  public static final String EVENT_NOTICE_PERIOD_ENDED = "Event_NoticePeriodEnded";
  public static final String EVENT_NOTICE_PERIOD_OVER = "Event_NoticePeriodOver";
  public static final String EVENT_OBJECTION_RECEIVED = "Event_ObjectionReceived";
  public static final String EVENT_OBJECTION_ANSWERED = "Event_ObjectionAnswered";
  public static final String EVENT_OBJECTION_UPHELD = "Event_ObjectionUpheld";
  public static final String EVENT_OBJECTION_UPHELD_CAUGHT = "Event_ObjectionUpheldCaught";
  public static final String EVENT_NO_OBJECTION = "Event_NoObjection";
  public static final String EVENT_OBJECTED = "Event_Objected";

  // set when the notice is posted
  /** When the notice period ends (ISO-8601, business time zone). */
  @NotInDiagram(
      "set by the notice board when it posts, for the callers and staff views; the diagram does not read it")
  public static final Variable<String> NOTICE_UNTIL = Variable.text("noticeUntil");

  /**
   * The objection round this notice is on its proposal (1 + earlier notices that received
   * objections).
   */
  public static final Variable<Integer> OBJECTION_ROUND = Variable.integer("objectionRound");

  /**
   * The unit whose caseworkers judge objections: the owning level, from round {@link
   * #OBJECTION_ROUND_LEVEL_ABOVE} on the level above it (the district judges its own).
   */
  public static final Variable<String> OBJECTION_JUDGE_UNIT = Variable.text("objectionJudgeUnit");

  // one objection (set on the correlation; the judging task keeps local copies)
  public static final Variable<String> OBJECTION_ID = Variable.text("objectionId");
  public static final Variable<String> OBJECTOR_NAME = Variable.text("objectorName");
  public static final Variable<String> OBJECTION_TEXT = Variable.text("objectionText");

  /** The judging task's output: which objection was judged (its local objectionId). */
  public static final Variable<String> JUDGED_OBJECTION_ID = Variable.text("judgedObjectionId");

  // the judge's form (Form_JudgeObjection)
  /** {@link #WELL_FOUNDED} or {@link #UNFOUNDED}. */
  public static final Variable<String> OBJECTION_JUDGEMENT = Variable.text("objectionJudgement");

  /** The reasons; for an unfounded objection the public reply shown on the notice. */
  public static final Variable<String> OBJECTION_REPLY = Variable.text("objectionReply");

  // outputs of the timeLimits decision this process reads (keys of CommonVariables.TIME_LIMITS)
  public static final String NOTICE_PERIOD = "noticePeriod";

  /** From this objection round on the same proposal, the level above judges. */
  public static final String OBJECTION_ROUND_LEVEL_ABOVE = "objectionRoundLevelAbove";

  // values
  /** Of {@code noticeKind}. */
  public static final String KIND_RESOLUTION = "RESOLUTION";

  public static final String KIND_RESULT = "RESULT";

  /** Of {@code noticeOutcome}. */
  public static final String NO_OBJECTION = "NO_OBJECTION";

  public static final String OBJECTED = "OBJECTED";

  /** Of {@link #OBJECTION_JUDGEMENT}. */
  public static final String WELL_FOUNDED = "WELL_FOUNDED";

  public static final String UNFOUNDED = "UNFOUNDED";

  private PublicNoticeProcess() {}
}
