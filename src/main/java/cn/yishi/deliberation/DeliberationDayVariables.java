package cn.yishi.deliberation;

/**
 * The process variable names of the deliberation day ({@code deliberationDay}, 爱邻议事日) and
 * what it reads from pending courtyard deliberations, in one place.
 */
public final class DeliberationDayVariables {

  public static final String PROCESS_KEY = "deliberationDay";
  /** Where the pending matters come from: running instances of this process. */
  public static final String COURTYARD_PROCESS_KEY = "courtyardDeliberation";

  /** Read from a courtyard deliberation: the courtyard code that deliberates it. */
  public static final String DELIBERATION_UNIT = "deliberationUnit";
  public static final String NUMBER = "number";
  public static final String TITLE = "title";

  /** The decision input that selects the time limits (courtyard matters are MINOR). */
  public static final String TRACK = "track";
  public static final String TIME_LIMITS = "timeLimits";

  /** List of agendas, one per courtyard with pending matters (see {@link CourtyardAgenda}). */
  public static final String AGENDAS = "agendas";
  /** The multi-instance element: one agenda. */
  public static final String AGENDA = "agenda";

  // keys of one agenda (a map, so that EL reads agenda.courtyard)
  public static final String AGENDA_COURTYARD = "courtyard";
  public static final String AGENDA_COURTYARD_NAME = "courtyardName";
  public static final String AGENDA_ITEMS = "items";
  /** The matters as text, one per line, for the agenda form. */
  public static final String AGENDA_SUMMARY = "summary";

  // local variables of one agenda task (input mappings), shown by the form
  public static final String COURTYARD_NAME = "courtyardName";
  public static final String AGENDA_ITEMS_TEXT = "agendaItems";
  public static final String MATTER_COUNT = "matterCount";
  /** Entered by the convenor: time, place and who took part. */
  public static final String ARRANGEMENTS = "arrangements";

  /** The date of this deliberation day (ISO date in the business time zone), on the instance and each agenda. */
  public static final String AGENDA_DAY = "agendaDay";
  /** Key of an agenda item: the id of the pending courtyardDeliberation instance. */
  public static final String ITEM_INSTANCE = "instance";
  /** Key of an agenda item: true when an earlier deliberation day postponed it. */
  public static final String ITEM_POSTPONED_BEFORE = "postponedBefore";
  /** Task-local: the checklist's choices, one per listed matter ({@code label}, {@code value} = number). */
  public static final String AGENDA_OPTIONS = "agendaOptions";
  /** Entered by the convenor (checklist): the numbers of the matters deliberated today; the others are postponed. */
  public static final String DELIBERATED_TODAY = "deliberatedToday";
  /** Task-local, on completion: each listed matter's {@code number} and {@code outcome}. */
  public static final String AGENDA_OUTCOMES = "agendaOutcomes";

  // what a pending courtyard deliberation shows about its deliberation days
  /** On the courtyardDeliberation instance: each deliberation day it was listed on ({@code day}, {@code outcome}). */
  public static final String AGENDA_HISTORY = CourtyardDeliberationVariables.AGENDA_HISTORY;
  /** On the courtyardDeliberation instance: the same as text, one day per line, for its forms. */
  public static final String AGENDA_RECORD = CourtyardDeliberationVariables.AGENDA_RECORD;

  // outcomes of a matter on a deliberation day
  /** Listed; the convenor has not yet recorded the day. */
  public static final String ON_AGENDA = "ON_AGENDA";
  public static final String DELIBERATED = "DELIBERATED";
  /** Not deliberated on the day: listed again on the next deliberation day. */
  public static final String POSTPONED = "POSTPONED";

  private DeliberationDayVariables() {}
}
