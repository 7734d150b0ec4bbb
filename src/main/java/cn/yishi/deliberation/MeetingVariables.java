package cn.yishi.deliberation;

/**
 * The process variable names and values of {@code deliberationMeeting} (召开会议), in one place,
 * for its listeners, delegates and tests (processes/README.md, "Called-process contracts").
 */
public final class MeetingVariables {

  public static final String PROCESS_KEY = "deliberationMeeting";

  // inputs
  /** The deliberating body, a {@code meetingResolution} body such as {@code TWO_COMMITTEES}. */
  public static final String MEETING_BODY = "meetingBody";
  /** The Chinese name of the step that meets, e.g. 商议. */
  public static final String MEETING_STEP = "meetingStep";
  /** Candidate group that records the meeting. */
  public static final String MEETING_GROUP = "meetingGroup";
  /** The plan being decided. */
  public static final String MEETING_PLAN = "meetingPlan";
  /**
   * Optional: the X of a "7+X" committee (小事小议), one stakeholder per line. They are members of
   * this meeting: members expected = {@value #COMMITTEE_MEMBERS} + the number of stakeholders.
   * Absent for every other meeting.
   */
  public static final String MEETING_STAKEHOLDERS = "meetingStakeholders";
  /** The proposal number (shared variable), the signed record's proposal. */
  public static final String NUMBER = "number";

  // recorded in 召开会议 (the form's fields)
  public static final String MEMBERS = "members";
  /**
   * With {@value #MEETING_STAKEHOLDERS} only: the committee's own members expected (the "7"); the
   * recorder enters it and {@value #MEMBERS} is computed from it.
   */
  public static final String COMMITTEE_MEMBERS = "committeeMembers";
  public static final String PRESENT = "present";
  public static final String IN_FAVOUR = "inFavour";
  /** The participants who signed, one per line. */
  public static final String PARTICIPANTS = "participants";
  public static final String MINUTES = "minutes";
  /** Who recorded the meeting: the authenticated user, or else the task's assignee. */
  public static final String MEETING_RECORDED_BY = "meetingRecordedBy";
  /** 1 for the first convening, one more for every meeting reconvened without quorum. */
  public static final String MEETING_ATTEMPT = "meetingAttempt";

  // outputs
  /** {@link #PASSED} or {@link #REJECTED}; {@link #NO_QUORUM} reconvenes and never leaves. */
  public static final String MEETING_OUTCOME = "meetingOutcome";
  /** Id of the signed meeting record (set by {@code signMeetingRecord}). */
  public static final String MEETING_RECORD_ID = "meetingRecordId";

  // values
  public static final String NO_QUORUM = "NO_QUORUM";
  public static final String PASSED = "PASSED";
  public static final String REJECTED = "REJECTED";

  // elements
  public static final String TASK_HOLD_MEETING = "Task_HoldMeeting";
  public static final String TASK_RESOLVE = "Task_ResolveMeeting";
  public static final String TASK_SIGN = "Task_SignMeetingRecord";

  /** Longest participants list and minutes the form accepts. */
  public static final int PARTICIPANTS_MAX_LENGTH = 20_000;
  public static final int MINUTES_MAX_LENGTH = 10_000;

  private MeetingVariables() {}
}
