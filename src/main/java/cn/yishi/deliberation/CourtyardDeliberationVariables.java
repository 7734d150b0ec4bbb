package cn.yishi.deliberation;

/**
 * The process variable names and values of {@code courtyardDeliberation} (院落协商), in one place.
 * The outputs follow the track procedures' contract (processes/README.md): {@value
 * #DELIBERATION_OUTCOME} is {@value #RESOLVED} (settled by the courtyard) or {@value #RAISED}
 * (raised to a community proposal). The instance keeps {@value #DELIBERATION_UNIT}, {@value
 * #NUMBER} and {@value #TITLE}: the monthly deliberation day (爱邻议事日) lists pending matters
 * from them.
 */
public final class CourtyardDeliberationVariables {

  public static final String PROCESS_KEY = "courtyardDeliberation";

  /** The convenor's user tasks (diagram ids). */
  public static final String TASK_PREPARE = "Task_PrepareCourtyardDeliberation";
  public static final String TASK_DECIDE_NEXT_STEP = "Task_DecideCourtyardNextStep";

  // shared inputs
  /** The courtyard that deliberates. */
  public static final String DELIBERATION_UNIT = TrackProcedureVariables.DELIBERATION_UNIT;
  public static final String NUMBER = "number";
  public static final String TITLE = "title";

  // 院落议事准备 and 院落协商未通过
  /** The convenor's choice in 院落议事准备: {@value #DELIBERATE} or {@value #RAISE}. */
  public static final String COURTYARD_PREPARATION = "courtyardPreparation";
  /** The plan put to the courtyard group (input of deliberationMeeting). */
  public static final String MEETING_PLAN = MeetingVariables.MEETING_PLAN;
  /** The convenor's choice after a rejection: {@value #REVISE} or {@value #RAISE}. */
  public static final String COURTYARD_NEXT_STEP = "courtyardNextStep";
  public static final String RAISE_REASON = TrackProcedureVariables.RAISE_REASON;

  // deliberationMeeting's inputs and outputs
  public static final String MEETING_BODY = MeetingVariables.MEETING_BODY;
  public static final String MEETING_STEP = MeetingVariables.MEETING_STEP;
  public static final String MEETING_GROUP = MeetingVariables.MEETING_GROUP;
  public static final String MEETING_OUTCOME = MeetingVariables.MEETING_OUTCOME;
  public static final String MEETING_RECORD_ID = MeetingVariables.MEETING_RECORD_ID;

  // outputs
  public static final String DELIBERATION_OUTCOME = TrackProcedureVariables.DELIBERATION_OUTCOME;
  public static final String RESOLUTION = TrackProcedureVariables.RESOLUTION;

  // values
  public static final String DELIBERATE = "DELIBERATE";
  public static final String RAISE = "RAISE";
  public static final String REVISE = "REVISE";
  public static final String PASSED = MeetingVariables.PASSED;
  public static final String REJECTED = MeetingVariables.REJECTED;
  public static final String RESOLVED = TrackProcedureVariables.RESOLVED;
  public static final String RAISED = TrackProcedureVariables.RAISED;
  /** The body that votes in a courtyard group (CONTRACT §3). */
  public static final String DELIBERATION_COMMITTEE = "DELIBERATION_COMMITTEE";
  /** {@value #MEETING_STEP} of the courtyard meeting. */
  public static final String COURTYARD_MEETING_STEP = "院落协商";

  // written by the deliberation day (爱邻议事日, courtyardAgenda)
  /** Each deliberation day this matter was listed on: {@code day} (ISO date) and {@code outcome}. */
  public static final String AGENDA_HISTORY = "agendaHistory";
  /** The same as text, one day per line ("2026-12-20 爱邻议事日：当日已议"), shown by the convenor's forms. */
  public static final String AGENDA_RECORD = "agendaRecord";

  public static final int PLAN_MAX_LENGTH = 5000;
  public static final int REASON_MAX_LENGTH = 1000;

  private CourtyardDeliberationVariables() {}
}
