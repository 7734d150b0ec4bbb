package cn.yishi.deliberation;

import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;

/**
 * The boundary of {@code majorDeliberation} (大事大议：四议两公开, {@code processes/majorDeliberation.bpmn}).
 * Hands back deliberationOutcome RESOLVED with resolution, or REJECTED with rejectionReason (shared
 * names in {@link cn.yishi.common.CommonVariables}). The sixth step, 实施结果公开, is the lifecycle's
 * {@code implementation}, after this process.
 */
@ProcessBoundary(MajorDeliberationProcess.KEY)
public final class MajorDeliberationProcess {

  public static final String KEY = "majorDeliberation";

  public static final String CALL_DISCUSS = "Call_Discuss";
  public static final String CALL_PUBLISH_RESOLUTION = "Call_PublishResolution";
  public static final String CALL_RESOLVE = "Call_Resolve";
  public static final String CALL_REVIEW = "Call_Review";
  public static final String EVENT_MAJOR_STARTED = "Event_MajorStarted";
  public static final String EVENT_REJECTED = "Event_Rejected";
  public static final String EVENT_RESOLVED = "Event_Resolved";
  public static final String GATEWAY_DISCUSS_PASSED = "Gateway_DiscussPassed";
  public static final String GATEWAY_JOIN_DISCUSS = "Gateway_JoinDiscuss";
  public static final String GATEWAY_JOIN_PROPOSE = "Gateway_JoinPropose";
  public static final String GATEWAY_JOIN_REJECTED = "Gateway_JoinRejected";
  public static final String GATEWAY_NOTICE_OBJECTION = "Gateway_NoticeObjection";
  public static final String GATEWAY_PLAN_HANDLING = "Gateway_PlanHandling";
  public static final String GATEWAY_RESOLVE_PASSED = "Gateway_ResolvePassed";
  public static final String GATEWAY_REVIEW_PASSED = "Gateway_ReviewPassed";
  public static final String TASK_HANDLE_REJECTED_PLAN = "Task_HandleRejectedPlan";
  public static final String TASK_PROPOSE = "Task_Propose";

  // 提议
  /** How residents' opinions were gathered and what they said. */
  public static final Variable<String> RESIDENTS_OPINIONS = Variable.text("residentsOpinions");

  /** The body that takes 决议: one of {@link #RESOLVING_BODIES}. */
  public static final Variable<String> RESOLVING_BODY = Variable.text("resolvingBody");

  public static final java.util.Set<String> RESOLVING_BODIES =
      java.util.Set.of("RESIDENTS_MEETING", "REPRESENTATIVES_MEETING", "HOUSEHOLD_REPRESENTATIVES");
  public static final int OPINIONS_MAX_LENGTH = 5000;

  // values
  public static final String RESOLUTION_NOTICE = "RESOLUTION";
  public static final String NO_OBJECTION = "NO_OBJECTION";
  public static final String OBJECTED = "OBJECTED";
  public static final String TWO_COMMITTEES = "TWO_COMMITTEES";
  public static final String PARTY_MEMBERS_MEETING = "PARTY_MEMBERS_MEETING";

  private MajorDeliberationProcess() {}
}
