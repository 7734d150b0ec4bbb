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

  // outputs
  /** Set by {@code notices.publish(execution)}. */
  public static final String NOTICE_ID = "noticeId";
  /** Set by {@code notices.publish(execution)}: when the notice period ends. */
  public static final String NOTICE_UNTIL = "noticeUntil";
  /** {@link #NO_OBJECTION} or {@link #OBJECTED}. */
  public static final String NOTICE_OUTCOME = "noticeOutcome";

  // values
  public static final String KIND_RESOLUTION = "RESOLUTION";
  public static final String KIND_RESULT = "RESULT";
  public static final String NO_OBJECTION = "NO_OBJECTION";
  public static final String OBJECTED = "OBJECTED";

  private PublicNoticeVariables() {}
}
