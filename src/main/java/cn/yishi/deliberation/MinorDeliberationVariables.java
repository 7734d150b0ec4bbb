package cn.yishi.deliberation;

/**
 * The process variable names and values of {@code minorDeliberation} (小事小议, the "7+X"
 * committee of {@value #DELIBERATION_UNIT}), in one place. Outputs follow the track procedures'
 * contract (processes/README.md): {@value #DELIBERATION_OUTCOME} is {@value #RESOLVED} with
 * {@value #RESOLUTION}, or {@value #REJECTED} with {@value #REJECTION_REASON}.
 */
public final class MinorDeliberationVariables {

  public static final String PROCESS_KEY = "minorDeliberation";

  // shared inputs
  /** The unit whose committee deliberates (a community, street or district). */
  public static final String DELIBERATION_UNIT = TrackProcedureVariables.DELIBERATION_UNIT;
  public static final String NUMBER = "number";
  public static final String TITLE = "title";

  // the X of "7+X"
  public static final String STAKEHOLDER_NAMES = StakeholderList.STAKEHOLDER_NAMES;
  public static final String STAKEHOLDERS = StakeholderList.STAKEHOLDERS;
  public static final String STAKEHOLDER = StakeholderOpinions.STAKEHOLDER;
  public static final String STAKEHOLDER_OPINION = StakeholderOpinions.STAKEHOLDER_OPINION;
  public static final String STAKEHOLDER_OPINIONS = StakeholderOpinions.STAKEHOLDER_OPINIONS;
  public static final String STAKEHOLDER_OPINION_SUMMARY = StakeholderOpinions.STAKEHOLDER_OPINION_SUMMARY;

  // 拟定方案 and the committee meeting
  public static final String MEETING_PLAN = MeetingVariables.MEETING_PLAN;
  public static final String MEETING_OUTCOME = MeetingVariables.MEETING_OUTCOME;
  public static final String MEETING_RECORD_ID = MeetingVariables.MEETING_RECORD_ID;
  /** The X handed to the committee meeting as members of it (one per line). */
  public static final String MEETING_STAKEHOLDERS = MeetingVariables.MEETING_STAKEHOLDERS;

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
  public static final String DELIBERATION_COMMITTEE = "DELIBERATION_COMMITTEE";

  // elements
  public static final String TASK_CHOOSE_STAKEHOLDERS = "Task_ChooseStakeholders";
  public static final String TASK_RECORD_STAKEHOLDER_OPINION = "Task_RecordStakeholderOpinion";
  public static final String TASK_DRAFT_PLAN = "Task_DraftPlan";
  public static final String CALL_COMMITTEE_MEETING = "Call_CommitteeMeeting";
  public static final String TASK_HANDLE_REJECTED_PLAN = "Task_HandleRejectedPlan";

  private MinorDeliberationVariables() {}
}
