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
  /** Entered by the convenor: time, place and who takes part. */
  public static final String ARRANGEMENTS = "arrangements";

  private DeliberationDayVariables() {}
}
