package cn.yishi.deliberation;

import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;

/**
 * The boundary of {@code minorDeliberation} (小事小议, the "7+X" committee of the deliberation unit,
 * {@code processes/minorDeliberation.bpmn}). Hands back deliberationOutcome RESOLVED with
 * resolution, or REJECTED with rejectionReason (shared names in {@link
 * cn.yishi.common.CommonVariables}).
 */
@ProcessBoundary(MinorDeliberationProcess.KEY)
public final class MinorDeliberationProcess {

  public static final String KEY = "minorDeliberation";

  public static final String CALL_COMMITTEE_MEETING = "Call_CommitteeMeeting";
  public static final String EVENT_MINOR_STARTED = "Event_MinorStarted";
  public static final String EVENT_REJECTED = "Event_Rejected";
  public static final String EVENT_RESOLVED = "Event_Resolved";
  public static final String GATEWAY_JOIN_DRAFT = "Gateway_JoinDraft";
  public static final String GATEWAY_MEETING_PASSED = "Gateway_MeetingPassed";
  public static final String GATEWAY_PLAN_HANDLING = "Gateway_PlanHandling";
  public static final String TASK_CHOOSE_STAKEHOLDERS = "Task_ChooseStakeholders";
  public static final String TASK_DRAFT_PLAN = "Task_DraftPlan";
  public static final String TASK_HANDLE_REJECTED_PLAN = "Task_HandleRejectedPlan";
  public static final String TASK_RECORD_STAKEHOLDER_OPINION = "Task_RecordStakeholderOpinion";

  /** Task-local: the opinion of the stakeholder of one multi-instance task. */
  public static final Variable<String> STAKEHOLDER_OPINION = Variable.text("stakeholderOpinion");

  /** Every opinion recorded: a list of {stakeholder, opinion}. */
  @NotInDiagram("written by recordStakeholderOpinion; the forms show stakeholderOpinionSummary")
  public static final Variable<Object> STAKEHOLDER_OPINIONS = Variable.any("stakeholderOpinions");

  /** The same as text ("name：opinion", one per line), shown by the next form. */
  public static final Variable<String> STAKEHOLDER_OPINION_SUMMARY =
      Variable.text("stakeholderOpinionSummary");

  /** Keys of a stakeholderOpinions entry. */
  public static final String ENTRY_STAKEHOLDER = "stakeholder";

  public static final String ENTRY_OPINION = "opinion";

  public static final String DELIBERATION_COMMITTEE = "DELIBERATION_COMMITTEE";

  private MinorDeliberationProcess() {}
}
