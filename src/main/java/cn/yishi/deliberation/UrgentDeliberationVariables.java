package cn.yishi.deliberation;

/**
 * The process variable names of {@code urgentDeliberation} (急事急议), in one place. Outputs and
 * the meeting's inputs and outputs are the contract names of {@code processes/README.md}.
 */
public final class UrgentDeliberationVariables {

  public static final String PROCESS_KEY = "urgentDeliberation";

  // input and shared variables
  public static final String DELIBERATION_UNIT = TrackProcedureVariables.DELIBERATION_UNIT;
  public static final String TIME_LIMITS = "timeLimits";
  public static final String NUMBER = "number";
  public static final String TITLE = "title";

  // Task_RespondQuickly
  /** What the unit did at once (快速响应). */
  public static final String RESPONSE_NOTE = "responseNote";
  /** The plan put to the quick meeting; becomes {@link #RESOLUTION} when it passes. */
  public static final String MEETING_PLAN = MeetingVariables.MEETING_PLAN;
  // Task_HandleRejectedUrgentPlan
  /** REVISE (a revised meetingPlan goes to a new quick meeting), RAISE or CLOSE. */
  public static final String URGENT_PLAN_HANDLING = "urgentPlanHandling";
  /** Task-local: true when this level may close the matter without action (CLOSE offered). */
  public static final String MAY_CLOSE = "urgentMayClose";
  /** Set by the lifecycle when a lower level raised the matter to this one. */
  public static final String RAISED_FROM = "raisedFrom";

  // deliberationMeeting inputs and outputs
  public static final String MEETING_BODY = MeetingVariables.MEETING_BODY;
  public static final String MEETING_STEP = MeetingVariables.MEETING_STEP;
  public static final String MEETING_GROUP = MeetingVariables.MEETING_GROUP;
  public static final String MEETING_OUTCOME = MeetingVariables.MEETING_OUTCOME;
  public static final String MEETING_RECORD_ID = MeetingVariables.MEETING_RECORD_ID;

  // outputs (track procedures)
  public static final String DELIBERATION_OUTCOME = TrackProcedureVariables.DELIBERATION_OUTCOME;
  public static final String RESOLUTION = TrackProcedureVariables.RESOLUTION;
  public static final String REJECTION_REASON = TrackProcedureVariables.REJECTION_REASON;
  public static final String RAISE_REASON = TrackProcedureVariables.RAISE_REASON;

  private UrgentDeliberationVariables() {}
}
