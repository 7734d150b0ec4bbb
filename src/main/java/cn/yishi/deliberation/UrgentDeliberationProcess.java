package cn.yishi.deliberation;

import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;

/**
 * The boundary of {@code urgentDeliberation} (急事急议, {@code processes/urgentDeliberation.bpmn}).
 * Outputs and the meeting's inputs and outputs are shared names ({@link
 * cn.yishi.common.CommonVariables}).
 */
@ProcessBoundary(UrgentDeliberationProcess.KEY)
public final class UrgentDeliberationProcess {

  public static final String KEY = "urgentDeliberation";

  public static final String CALL_QUICK_MEETING = "Call_QuickMeeting";
  public static final String EVENT_URGENT_RAISED = "Event_UrgentRaised";
  public static final String EVENT_URGENT_RECEIVED = "Event_UrgentReceived";
  public static final String EVENT_URGENT_REJECTED = "Event_UrgentRejected";
  public static final String EVENT_URGENT_RESOLVED = "Event_UrgentResolved";
  public static final String GATEWAY_MERGE_QUICK_MEETING = "Gateway_MergeQuickMeeting";
  public static final String GATEWAY_QUICK_MEETING_PASSED = "Gateway_QuickMeetingPassed";
  public static final String GATEWAY_URGENT_PLAN_HANDLING = "Gateway_UrgentPlanHandling";
  public static final String TASK_HANDLE_REJECTED_URGENT_PLAN = "Task_HandleRejectedUrgentPlan";
  public static final String TASK_RESPOND_QUICKLY = "Task_RespondQuickly";

  /** What the unit did at once (快速响应). */
  public static final Variable<String> RESPONSE_NOTE = Variable.text("responseNote");

  /** REVISE (a revised meetingPlan goes to a new quick meeting), RAISE or CLOSE. */
  public static final Variable<String> URGENT_PLAN_HANDLING = Variable.text("urgentPlanHandling");

  /** Task-local: true when this level may close the matter without action (CLOSE offered). */
  @NotInDiagram("task-local, set by urgentPlanHandlingCheck; the form reads it as a condition")
  public static final Variable<Boolean> MAY_CLOSE = Variable.flag("urgentMayClose");

  public static final String REVISE = "REVISE";
  public static final String RAISE = "RAISE";
  public static final String CLOSE = "CLOSE";

  private UrgentDeliberationProcess() {}
}
