package cn.yishi.deliberation;

/**
 * The process variable names and values of {@code majorDeliberation} (大事大议：四议两公开), in one
 * place. Outputs follow the track procedures' contract (processes/README.md): {@value
 * #DELIBERATION_OUTCOME} is {@value #RESOLVED} with {@value #RESOLUTION}, or {@value #REJECTED}
 * with {@value #REJECTION_REASON}. The sixth step, 实施结果公开, is the lifecycle's {@code
 * implementation}, after this process.
 */
public final class MajorDeliberationVariables {

  public static final String PROCESS_KEY = "majorDeliberation";

  // shared inputs
  /** The community that leads 四议两公开: its party, two committees and caseworkers. */
  public static final String COMMUNITY = "community";
  public static final String DELIBERATION_UNIT = TrackProcedureVariables.DELIBERATION_UNIT;
  public static final String NUMBER = "number";
  public static final String TITLE = "title";

  // 提议
  /** How residents' opinions were gathered and what they said. */
  public static final String RESIDENTS_OPINIONS = ProposeStepCheck.RESIDENTS_OPINIONS;
  public static final String MEETING_PLAN = MeetingVariables.MEETING_PLAN;
  /** The body that takes 决议: RESIDENTS_MEETING, REPRESENTATIVES_MEETING or HOUSEHOLD_REPRESENTATIVES. */
  public static final String RESOLVING_BODY = ProposeStepCheck.RESOLVING_BODY;

  // deliberationMeeting's outputs (and the step that met last, for 方案处理)
  public static final String MEETING_OUTCOME = MeetingVariables.MEETING_OUTCOME;
  public static final String MEETING_RECORD_ID = MeetingVariables.MEETING_RECORD_ID;
  public static final String LAST_MEETING_STEP = "lastMeetingStep";

  // publicNotice's inputs and outputs
  public static final String NOTICE_KIND = "noticeKind";
  public static final String NOTICE_CONTENT = "noticeContent";
  public static final String NOTICE_OUTCOME = "noticeOutcome";
  public static final String NOTICE_ID = "noticeId";

  // 方案处理
  public static final String PLAN_HANDLING = PlanHandlingCheck.PLAN_HANDLING;

  // outputs
  public static final String DELIBERATION_OUTCOME = TrackProcedureVariables.DELIBERATION_OUTCOME;
  public static final String RESOLUTION = TrackProcedureVariables.RESOLUTION;
  public static final String REJECTION_REASON = PlanHandlingCheck.REJECTION_REASON;

  // values
  public static final String RESOLVED = TrackProcedureVariables.RESOLVED;
  public static final String REJECTED = TrackProcedureVariables.REJECTED;
  public static final String PASSED = MeetingVariables.PASSED;
  public static final String REVISE = PlanHandlingCheck.REVISE;
  public static final String END = PlanHandlingCheck.END;
  public static final String RESOLUTION_NOTICE = "RESOLUTION";
  public static final String NO_OBJECTION = "NO_OBJECTION";
  public static final String OBJECTED = "OBJECTED";
  public static final String TWO_COMMITTEES = "TWO_COMMITTEES";
  public static final String PARTY_MEMBERS_MEETING = "PARTY_MEMBERS_MEETING";

  // elements
  public static final String TASK_PROPOSE = "Task_Propose";
  public static final String CALL_DISCUSS = "Call_Discuss";
  public static final String CALL_REVIEW = "Call_Review";
  public static final String CALL_RESOLVE = "Call_Resolve";
  public static final String CALL_PUBLISH_RESOLUTION = "Call_PublishResolution";
  public static final String TASK_HANDLE_REJECTED_PLAN = "Task_HandleRejectedPlan";

  private MajorDeliberationVariables() {}
}
