package cn.yishi.deliberation;

import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;

/**
 * The boundary of {@code hardDeliberation} (难事广议, {@code processes/hardDeliberation.bpmn}).
 * Outputs, the meeting's and the summons' inputs are shared names ({@link
 * cn.yishi.common.CommonVariables}).
 */
@ProcessBoundary(HardDeliberationProcess.KEY)
public final class HardDeliberationProcess {

  public static final String KEY = "hardDeliberation";

  public static final String CALL_DELIBERATION_ROUND = "Call_DeliberationRound";
  public static final String CALL_HEAR_DEPARTMENTS = "Call_HearDepartments";
  public static final String EVENT_HARD_FINAL_RESOLUTION = "Event_HardFinalResolution";
  public static final String EVENT_HARD_RAISED = "Event_HardRaised";
  public static final String EVENT_HARD_RAISED_AFTER_LAST_ROUND = "Event_HardRaisedAfterLastRound";
  public static final String EVENT_HARD_RECEIVED = "Event_HardReceived";
  public static final String EVENT_HARD_REJECTED = "Event_HardRejected";
  public static final String EVENT_HARD_REJECTED_AFTER_LAST_ROUND =
      "Event_HardRejectedAfterLastRound";
  public static final String EVENT_HARD_RESOLVED = "Event_HardResolved";
  public static final String GATEWAY_DEPARTMENTS_HEARD = "Gateway_DepartmentsHeard";
  public static final String GATEWAY_FINAL_STEP = "Gateway_FinalStep";
  public static final String GATEWAY_HEARING_DONE = "Gateway_HearingDone";
  public static final String GATEWAY_NEXT_STEP = "Gateway_NextStep";
  public static final String GATEWAY_ROUND_PASSED = "Gateway_RoundPassed";
  public static final String GATEWAY_ROUND_STARTS = "Gateway_RoundStarts";
  public static final String GATEWAY_ROUNDS_LEFT = "Gateway_RoundsLeft";
  public static final String TASK_DECIDE_AFTER_LAST_ROUND = "Task_DecideAfterLastRound";
  public static final String TASK_DECIDE_NEXT_STEP = "Task_DecideNextStep";
  public static final String TASK_HEAR_PARTY = "Task_HearParty";
  public static final String TASK_IDENTIFY_PARTIES = "Task_IdentifyParties";
  public static final String TASK_PREPARE_ROUND = "Task_PrepareRound";

  /**
   * Output of the timeLimits decision (a key of timeLimits): most rounds before the matter must be
   * raised or decided.
   */
  public static final String MAX_ROUNDS = "maxRounds";

  /**
   * This process's own round counter (1, 2, …). Not {@code round}: that is the lifecycle's
   * evaluation round.
   */
  public static final Variable<Integer> DELIBERATION_ROUND = Variable.integer("deliberationRound");

  /** Task_HearParty (multi-instance, task-local input): the opinion of the party heard. */
  public static final Variable<String> PARTY_OPINION = Variable.text("partyOpinion");

  /**
   * Every opinion heard, the parties' and the departments': a JSON array (Spin) of {party, opinion,
   * round}.
   */
  @NotInDiagram("written by hardPartyHearing; the forms read its entries' party and opinion")
  public static final Variable<Object> PARTY_OPINIONS = Variable.any("partyOpinions");

  /** Key of a partyOpinions (and departmentViews) entry, shown by the forms. */
  public static final Variable<String> PARTY = Variable.text("party");

  /** Key of a partyOpinions (and departmentViews) entry, shown by the forms. */
  public static final Variable<String> OPINION = Variable.text("opinion");

  // Task_DecideNextStep, Task_DecideAfterLastRound
  public static final Variable<String> NEXT_STEP = Variable.text("nextStep");

  /** The plan the level resolves after the last round (becomes resolution). */
  public static final Variable<String> FINAL_RESOLUTION = Variable.text("finalResolution");

  /** The views that disagree with the final resolution, recorded with it. */
  public static final Variable<String> DISSENT = Variable.text("dissent");

  // values of nextStep
  public static final String NEXT_ROUND = "NEXT_ROUND";
  public static final String RAISE = "RAISE";
  public static final String REJECT = "REJECT";

  /** nextStep after the last round: resolve finally, recording the dissent. */
  public static final String RESOLVE_FINALLY = "FINAL_RESOLUTION";

  private HardDeliberationProcess() {}
}
