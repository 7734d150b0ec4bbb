package cn.yishi.supervision;

/**
 * The process variable names of {@code timeLimitWatch} (办理时效监督) and {@code supervision}
 * (督办), and what the watch reads from the proposal processes, in one place.
 */
public final class SupervisionVariables {

  public static final String WATCH_PROCESS_KEY = "timeLimitWatch";
  public static final String SUPERVISION_PROCESS_KEY = "supervision";

  // read from the watched proposal process
  public static final String NUMBER = "number";
  public static final String TITLE = "title";
  /** The timeLimits decision result of the proposal: reminderBefore, responseWithin, … */
  public static final String TIME_LIMITS = "timeLimits";
  public static final String REMINDER_BEFORE = "reminderBefore";
  /** The unit that summoned departments (吹哨报到): the unit of a department's step. */
  public static final String SUMMONING_UNIT = "summoningUnit";

  // inputs of a supervision instance
  /** The unit above the overdue step's unit: its caseworkers supervise. */
  public static final String SUPERVISING_UNIT = "supervisingUnit";
  public static final String SUPERVISING_UNIT_NAME = "supervisingUnitName";
  /** The unit (or department) that owns the overdue step. */
  public static final String SUPERVISED_UNIT = "supervisedUnit";
  public static final String SUPERVISED_UNIT_NAME = "supervisedUnitName";
  public static final String SUPERVISED_GROUP = "supervisedGroup";
  public static final String SUPERVISED_TASK_ID = "supervisedTaskId";
  /** The overdue step's name, e.g. 分拣提案. */
  public static final String SUPERVISED_STEP = "supervisedStep";
  public static final String SUPERVISED_DUE = "supervisedDue";
  /** The due date as text in the business time zone, for the form. */
  public static final String SUPERVISED_DUE_TEXT = "supervisedDueText";

  /** What is supervised: {@value #KIND_STEP} (an overdue step) or {@value #KIND_DEADLINE}. */
  public static final String SUPERVISION_KIND = "supervisionKind";
  /** An overdue step (a user task with a due date), or an unanswered supervision task (escalation). */
  public static final String KIND_STEP = "STEP";
  /** The proposal missed its handling deadline (resolveWithin from the end of sorting). */
  public static final String KIND_DEADLINE = "DEADLINE";
  /** 1 for the first supervision, 2 and 3 as an unanswered one escalates towards the district. */
  public static final String SUPERVISION_LEVEL = "supervisionLevel";
  /** The step (or 提案办理时限) the chain of supervisions started with, and its unit's name. */
  public static final String ORIGINAL_STEP = "originalStep";
  public static final String ORIGINAL_UNIT_NAME = "originalUnitName";
  /** The supervision instance whose unanswered task this one escalates (none at level 1). */
  public static final String ESCALATED_FROM = "escalatedFrom";
  /** What the supervisor is asked to urge, in Chinese, for the form. */
  public static final String SUPERVISION_SUBJECT = "supervisionSubject";

  /** The name of the supervised "step" when the proposal missed its handling deadline. */
  public static final String DEADLINE_STEP_NAME = "提案办理时限";

  /** Entered by the supervisor: what was urged, on whom, and the answer. */
  public static final String SUPERVISION_NOTE = "supervisionNote";

  private SupervisionVariables() {}
}
