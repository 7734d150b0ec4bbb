package cn.yishi.summons;

/**
 * The process variable names of {@code departmentSummons} (吹哨报到), in one place, for the
 * diagram's Java and its tests. Inputs are the contract names of {@code processes/README.md};
 * the per-department names are local to one department's subprocess instance, so that parallel
 * departments never overwrite each other's answers.
 */
public final class SummonsVariables {

  public static final String PROCESS_KEY = "departmentSummons";

  // inputs (processes/README.md, "Called-process contracts")
  /** List of department codes to summon. */
  public static final String SUMMONED_DEPARTMENTS = "summonedDepartments";
  /** Code of the unit that summons (its caseworkers rate and supervise). */
  public static final String SUMMONING_UNIT = "summoningUnit";
  /** What the departments are called for. */
  public static final String SUMMONS_TASK = "summonsTask";
  /**
   * Optional: {@link #PURPOSE_VIEW} when the departments are called to report in and give their
   * view before a deliberation meeting (难事广议); otherwise they do their part.
   */
  public static final String SUMMONS_PURPOSE = "summonsPurpose";
  public static final String PURPOSE_VIEW = "VIEW";
  /** Output (VIEW): every department's view, a JSON array of {party, department, opinion}. */
  public static final String DEPARTMENT_VIEWS = "departmentViews";
  /** Form of Task_GiveView: the department's view. */
  public static final String DEPARTMENT_VIEW = "departmentView";

  // shared variables read here
  public static final String NUMBER = "number";
  public static final String TIME_LIMITS = "timeLimits";

  /** Id of the summons record written when the process starts. */
  public static final String SUMMONS_ID = "summonsId";

  // local to one department (element variable and subprocess variables)
  /** The multi-instance element variable: the code of this instance's department. */
  public static final String DEPARTMENT = "department";
  /** Chinese names shown in the forms. */
  public static final String DEPARTMENT_NAME = "departmentName";
  public static final String SUMMONING_UNIT_NAME = "summoningUnitName";
  /** Form of Task_ReportIn: who reports in, how to reach them. */
  public static final String REPORT_IN_NOTE = "reportInNote";
  public static final String REPORTED_IN_AT = "reportedInAt";
  public static final String REPORTED_IN_BY = "reportedInBy";
  /**
   * Set to true when the report-in timer fired: the late report-in is kept in the rating record.
   * The supervision (督办) of the overdue report-in is timeLimitWatch's, not this process's.
   */
  public static final String REPORT_IN_OVERDUE = "reportInOverdue";
  /** Form of Task_DoDepartmentPart: what the department did. */
  public static final String DEPARTMENT_WORK = "departmentWork";
  public static final String DONE_AT = "doneAt";
  public static final String DONE_BY = "doneBy";
  /** Form of Task_RateDepartment: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
  public static final String DEPARTMENT_RATING = "departmentRating";
  public static final String DEPARTMENT_RATING_COMMENT = "departmentRatingComment";
  public static final String RATED_AT = "ratedAt";
  public static final String RATED_BY = "ratedBy";
  /**
   * Set by Task_RequestRedo when the first rating was DISSATISFIED: the department does its part
   * once more and its second rating is final.
   */
  public static final String REDO_REQUESTED = "redoRequested";

  // task definition keys the Java refers to
  public static final String TASK_REPORT_IN = "Task_ReportIn";
  public static final String TASK_DO_DEPARTMENT_PART = "Task_DoDepartmentPart";
  public static final String TASK_RATE_DEPARTMENT = "Task_RateDepartment";
  public static final String TASK_REQUEST_REDO = "Task_RequestRedo";
  public static final String TASK_GIVE_VIEW = "Task_GiveView";

  private SummonsVariables() {}
}
