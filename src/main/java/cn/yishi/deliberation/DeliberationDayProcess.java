package cn.yishi.deliberation;

import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;

/**
 * The boundary of the deliberation day ({@code deliberationDay}, 爱邻议事日, {@code
 * processes/deliberationDay.bpmn}): its own variables, the keys of one agenda and of its items
 * (maps, so that EL reads {@code agenda.courtyard}), and the outcomes of a listed matter.
 */
@ProcessBoundary(DeliberationDayProcess.KEY)
public final class DeliberationDayProcess {

  public static final String KEY = "deliberationDay";

  public static final String EVENT_AGENDAS_REVIEWED = "Event_AgendasReviewed";
  public static final String EVENT_DELIBERATION_DAY = "Event_DeliberationDay";
  public static final String EVENT_NO_AGENDAS = "Event_NoAgendas";
  public static final String GATEWAY_HAS_AGENDAS = "Gateway_HasAgendas";
  public static final String TASK_COLLECT_AGENDAS = "Task_CollectAgendas";
  public static final String TASK_LOOK_UP_TIME_LIMITS = "Task_LookUpTimeLimits";
  public static final String TASK_REVIEW_AGENDA = "Task_ReviewAgenda";

  /** List of agendas, one per courtyard with pending matters (see {@link CourtyardAgenda}). */
  public static final Variable<java.util.List<java.util.Map<String, Object>>> AGENDAS =
      Variable.records("agendas");

  /** The multi-instance element: one agenda. */
  public static final Variable<java.util.Map<String, Object>> AGENDA = Variable.record("agenda");

  // local variables of one agenda task, shown by the form
  public static final Variable<String> COURTYARD_NAME = Variable.text("courtyardName");
  public static final Variable<String> AGENDA_ITEMS = Variable.text("agendaItems");
  public static final Variable<Integer> MATTER_COUNT = Variable.integer("matterCount");

  /** Entered by the convenor: time, place and who took part. */
  public static final Variable<String> ARRANGEMENTS = Variable.text("arrangements");

  /**
   * The date of this deliberation day (ISO date in the business time zone), on the instance and
   * each agenda.
   */
  @NotInDiagram("set by courtyardAgenda, kept for the record")
  public static final Variable<String> AGENDA_DAY = Variable.text("agendaDay");

  /**
   * Task-local: the checklist's choices, one per listed matter ({@code label}, {@code value} =
   * number).
   */
  @NotInDiagram("task-local, set by courtyardAgenda for the checklist")
  public static final Variable<Object> AGENDA_OPTIONS = Variable.any("agendaOptions");

  /**
   * Entered by the convenor (checklist): the numbers of the matters deliberated today; the others
   * are postponed.
   */
  public static final Variable<Object> DELIBERATED_TODAY = Variable.any("deliberatedToday");

  /** Task-local, on completion: each listed matter's {@code number} and {@code outcome}. */
  @NotInDiagram("task-local, written by courtyardAgenda on completion")
  public static final Variable<Object> AGENDA_OUTCOMES = Variable.any("agendaOutcomes");

  /** Keys of one agenda (a map) and of its items; also set task-local as {@code courtyard}. */
  public static final class Agenda {
    public static final String COURTYARD = "courtyard";
    public static final String COURTYARD_NAME = "courtyardName";
    public static final String DAY = "agendaDay";
    public static final String ITEMS = "items";

    /** The matters as text, one per line, for the agenda form. */
    public static final String SUMMARY = "summary";

    public static final String ITEM_NUMBER = "number";
    public static final String ITEM_TITLE = "title";

    /** The id of the pending courtyardDeliberation instance. */
    public static final String ITEM_INSTANCE = "instance";

    /** True when an earlier deliberation day postponed the item. */
    public static final String ITEM_POSTPONED_BEFORE = "postponedBefore";

    /** Keys of an agendaHistory / agendaOutcomes entry. */
    public static final String ENTRY_DAY = "day";

    public static final String ENTRY_NUMBER = "number";
    public static final String ENTRY_OUTCOME = "outcome";

    private Agenda() {}
  }

  // outcomes of a matter on a deliberation day
  /** Listed; the convenor has not yet recorded the day. */
  public static final String ON_AGENDA = "ON_AGENDA";

  public static final String DELIBERATED = "DELIBERATED";

  /** Not deliberated on the day: listed again on the next deliberation day. */
  public static final String POSTPONED = "POSTPONED";

  private DeliberationDayProcess() {}
}
