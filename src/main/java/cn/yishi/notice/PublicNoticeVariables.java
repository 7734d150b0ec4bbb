package cn.yishi.notice;

/**
 * The process variable names of {@code publicNotice} (公示), in one place, so that the diagram,
 * the {@code notices} service and the tests agree on them (processes/README.md, "Called-process
 * contracts").
 */
public final class PublicNoticeVariables {

  public static final String PROCESS_KEY = "publicNotice";

  /** Message a resident's objection is correlated with, by the process variable {@link #NOTICE_ID}. */
  public static final String OBJECTION_MESSAGE = "NoticeObjection";

  // inputs
  /** {@link #KIND_RESOLUTION} or {@link #KIND_RESULT}. */
  public static final String NOTICE_KIND = "noticeKind";
  /** The text posted on the notice board. */
  public static final String NOTICE_CONTENT = "noticeContent";
  /** The lifecycle's timeLimits decision result; its {@link #NOTICE_PERIOD} sets the period. */
  public static final String TIME_LIMITS = "timeLimits";
  public static final String NOTICE_PERIOD = "noticePeriod";
  /** The owning level, whose caseworkers judge objections (else the proposal's community). */
  public static final String DELIBERATION_UNIT = "deliberationUnit";

  // outputs
  /** Set by {@code notices.publish(execution)}. */
  public static final String NOTICE_ID = "noticeId";
  /** Set by {@code notices.publish(execution)}: when the notice period ends. */
  public static final String NOTICE_UNTIL = "noticeUntil";
  /**
   * {@link #NO_OBJECTION} (the period is over and every objection was judged unfounded) or
   * {@link #OBJECTED} (an objection was judged well-founded: back to deliberation).
   */
  public static final String NOTICE_OUTCOME = "noticeOutcome";
  /**
   * Set by {@code notices.publish(execution)}: the objection round this notice is on its proposal
   * (1 + the proposal's earlier notices that received objections).
   */
  public static final String OBJECTION_ROUND = "objectionRound";
  /**
   * Set by {@code notices.publish(execution)}: the unit whose caseworkers judge objections to this
   * notice: the owning level ({@code deliberationUnit}), from round {@link #OBJECTION_ROUND_LEVEL_ABOVE} (a timeLimits output) on
   * the level above it (the district judges its own).
   */
  public static final String OBJECTION_JUDGE_UNIT = "objectionJudgeUnit";
  /** Set when an objection judged well-founded also said whether work under way pauses (urgent). */
  public static final String OBJECTION_PAUSES_WORK = "objectionPausesWork";

  // one objection (set by notices.raiseObjection on the correlation; the judging task keeps local copies)
  public static final String OBJECTION_ID = "objectionId";
  public static final String OBJECTOR_NAME = "objectorName";
  public static final String OBJECTION_TEXT = "objectionText";
  /** The judging task's output: which objection was judged (its local objectionId). */
  public static final String JUDGED_OBJECTION_ID = "judgedObjectionId";

  // the judge's form (Form_JudgeObjection)
  /** {@link #WELL_FOUNDED} or {@link #UNFOUNDED}. */
  public static final String OBJECTION_JUDGEMENT = "objectionJudgement";
  /** The reasons; for an unfounded objection the public reply shown on the notice. */
  public static final String OBJECTION_REPLY = "objectionReply";

  /** Output of timeLimits: from this objection round on the same proposal, the level above judges. */
  public static final String OBJECTION_ROUND_LEVEL_ABOVE = "objectionRoundLevelAbove";

  // values
  public static final String KIND_RESOLUTION = "RESOLUTION";
  public static final String KIND_RESULT = "RESULT";
  public static final String NO_OBJECTION = "NO_OBJECTION";
  public static final String OBJECTED = "OBJECTED";
  public static final String WELL_FOUNDED = "WELL_FOUNDED";
  public static final String UNFOUNDED = "UNFOUNDED";
  /** Escalation code thrown by a well-founded judgement, caught on the notice period. */
  public static final String OBJECTION_UPHELD_ESCALATION = "OBJECTION_UPHELD";

  private PublicNoticeVariables() {}
}
