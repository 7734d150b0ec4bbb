package cn.yishi.deliberation;

import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;

/**
 * The boundary of {@code courtyardDeliberation} (院落协商, {@code
 * processes/courtyardDeliberation.bpmn}). Hands back deliberationOutcome RESOLVED (settled by the
 * courtyard) or RAISED (raised to a community proposal), as every track procedure (shared names in
 * {@link cn.yishi.common.CommonVariables}). The instance keeps deliberationUnit, number and title:
 * the monthly deliberation day (爱邻议事日) lists pending matters from them.
 */
@ProcessBoundary(CourtyardDeliberationProcess.KEY)
public final class CourtyardDeliberationProcess {

  public static final String KEY = "courtyardDeliberation";

  public static final String CALL_COURTYARD_MEETING = "Call_CourtyardMeeting";
  public static final String EVENT_COURTYARD_DELIBERATION_STARTED =
      "Event_CourtyardDeliberationStarted";
  public static final String EVENT_RAISED_TO_COMMUNITY = "Event_RaisedToCommunity";
  public static final String EVENT_SETTLED_BY_COURTYARD = "Event_SettledByCourtyard";
  public static final String GATEWAY_HOW_TO_CONTINUE = "Gateway_HowToContinue";
  public static final String GATEWAY_MEETING_PASSED = "Gateway_MeetingPassed";
  public static final String GATEWAY_PREPARE_DELIBERATION = "Gateway_PrepareDeliberation";
  public static final String GATEWAY_PUT_TO_GROUP = "Gateway_PutToGroup";
  public static final String GATEWAY_RAISE = "Gateway_Raise";
  public static final String TASK_DECIDE_COURTYARD_NEXT_STEP = "Task_DecideCourtyardNextStep";
  public static final String TASK_PREPARE_COURTYARD_DELIBERATION =
      "Task_PrepareCourtyardDeliberation";

  /** The convenor's choice in 院落议事准备: {@link #DELIBERATE} or {@link #RAISE}. */
  public static final Variable<String> COURTYARD_PREPARATION =
      Variable.text("courtyardPreparation");

  /** The convenor's choice after a rejection: {@link #REVISE} or {@link #RAISE}. */
  public static final Variable<String> COURTYARD_NEXT_STEP = Variable.text("courtyardNextStep");

  // written by the deliberation day (爱邻议事日, courtyardAgenda)
  /**
   * Each deliberation day this matter was listed on: {@code day} (ISO date) and {@code outcome}.
   */
  @NotInDiagram("written by courtyardAgenda (deliberationDay); the forms show agendaRecord")
  public static final Variable<Object> AGENDA_HISTORY = Variable.any("agendaHistory");

  /**
   * The same as text, one day per line ("2026-12-20 爱邻议事日：当日已议"), shown by the convenor's forms.
   */
  public static final Variable<String> AGENDA_RECORD = Variable.text("agendaRecord");

  // values
  public static final String DELIBERATE = "DELIBERATE";
  public static final String RAISE = "RAISE";
  public static final String REVISE = "REVISE";

  /** The body that votes in a courtyard group (CONTRACT §3). */
  public static final String DELIBERATION_COMMITTEE = "DELIBERATION_COMMITTEE";

  /** meetingStep of the courtyard meeting. */
  public static final String COURTYARD_MEETING_STEP = "院落协商";

  public static final int PLAN_MAX_LENGTH = 5000;
  public static final int REASON_MAX_LENGTH = 1000;

  private CourtyardDeliberationProcess() {}
}
