package cn.yishi.deliberation;

import cn.yishi.common.CommonVariables;

/**
 * The process variable names of {@code hardDeliberation} (难事广议), in one place. Outputs, the
 * meeting's and the summons' inputs are the contract names of {@code processes/README.md}.
 */
public final class HardDeliberationVariables {

  public static final String PROCESS_KEY = "hardDeliberation";

  // input and shared variables
  public static final String DELIBERATION_UNIT = TrackProcedureVariables.DELIBERATION_UNIT;
  public static final String TIME_LIMITS = "timeLimits";
  /** Output of the timeLimits decision: most rounds before the matter must be raised or decided. */
  public static final String MAX_ROUNDS = "maxRounds";
  public static final String NUMBER = "number";
  public static final String TITLE = "title";

  /**
   * This process's own round counter (1, 2, …). Not {@code round}: that is the lifecycle's
   * evaluation round.
   */
  public static final String DELIBERATION_ROUND = "deliberationRound";

  // Task_IdentifyParties and the stakeholderList listener
  public static final String STAKEHOLDER_NAMES = "stakeholderNames";
  public static final String STAKEHOLDERS = "stakeholders";
  // Task_HearParty (multi-instance)
  public static final String STAKEHOLDER = "stakeholder";
  public static final String PARTY_OPINION = "partyOpinion";
  /** Every opinion heard, the parties' and the departments': a JSON array (Spin) of {party, opinion, round}. */
  public static final String PARTY_OPINIONS = "partyOpinions";
  /** Call_HearDepartments' output: the departments' views of this round (departmentSummons). */
  public static final String DEPARTMENT_VIEWS = CommonVariables.DEPARTMENT_VIEWS.name();

  // Task_PrepareRound
  public static final String MEETING_PLAN = MeetingVariables.MEETING_PLAN;
  public static final String SUMMONED_DEPARTMENTS = CommonVariables.SUMMONED_DEPARTMENTS.name();
  public static final String SUMMONS_TASK = "summonsTask";
  public static final String SUMMONING_UNIT = "summoningUnit";

  // Task_DecideNextStep
  public static final String NEXT_STEP = "nextStep";
  public static final String NEXT_ROUND = "NEXT_ROUND";
  public static final String RAISE = "RAISE";
  public static final String REJECT = "REJECT";
  // Task_DecideAfterLastRound
  public static final String FINAL_RESOLUTION = "FINAL_RESOLUTION";
  /** The plan the level resolves after the last round (becomes resolution). */
  public static final String FINAL_RESOLUTION_TEXT = "finalResolution";
  /** The views that disagree with the final resolution, recorded with it. */
  public static final String DISSENT = "dissent";
  public static final String TASK_DECIDE_NEXT_STEP = "Task_DecideNextStep";
  public static final String TASK_DECIDE_AFTER_LAST_ROUND = "Task_DecideAfterLastRound";

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

  private HardDeliberationVariables() {}
}
