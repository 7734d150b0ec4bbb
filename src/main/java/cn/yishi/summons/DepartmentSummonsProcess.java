package cn.yishi.summons;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;
import java.util.Date;

/**
 * The process {@code departmentSummons} (吹哨报到): its key, the element ids Java and the tests need,
 * and its own variables. Its inputs {@code summonedDepartments}, {@code summoningUnit}, {@code
 * summonsTask}, {@code summonsPurpose} and its output {@code departmentViews} are named by its
 * callers too ({@link CommonVariables}). The per-department variables are local to one department's
 * subprocess instance, so that parallel departments never overwrite each other's answers.
 */
@ProcessBoundary("departmentSummons")
public final class DepartmentSummonsProcess {

  public static final String KEY = "departmentSummons";

  // elements
  public static final String TASK_REPORT_IN = "Task_ReportIn";
  public static final String TASK_DO_DEPARTMENT_PART = "Task_DoDepartmentPart";
  public static final String TASK_GIVE_VIEW = "Task_GiveView";
  public static final String TASK_RATE_DEPARTMENT = "Task_RateDepartment";
  public static final String TASK_REQUEST_REDO = "Task_RequestRedo";
  public static final String EVENT_REPORT_IN_OVERDUE = "Event_ReportInOverdue";
  public static final String EVENT_REPORT_IN_LATE_MARKED = "Event_ReportInLateMarked";
  public static final String EVENT_SUMMONS_COMPLETED = "Event_SummonsCompleted";

  /** Id of the summons record written when the process starts. */
  @NotInDiagram("written by departmentRatings.summon, read by departmentRatings.record")
  public static final Variable<String> SUMMONS_ID = Variable.text("summonsId");

  // local to one department (element variable and subprocess variables)
  /** The multi-instance element variable: the code of this instance's department. */
  public static final Variable<String> DEPARTMENT = Variable.text("department");

  /** Chinese names shown in the forms. */
  public static final Variable<String> DEPARTMENT_NAME = Variable.text("departmentName");

  public static final Variable<String> SUMMONING_UNIT_NAME = Variable.text("summoningUnitName");

  /** Form of Task_ReportIn: who reports in, how to reach them. */
  public static final Variable<String> REPORT_IN_NOTE = Variable.text("reportInNote");

  public static final Variable<Date> REPORTED_IN_AT = Variable.date("reportedInAt");
  public static final Variable<String> REPORTED_IN_BY = Variable.text("reportedInBy");

  /**
   * True once the report-in timer fired: the late report-in is kept in the rating record. The
   * supervision (督办) of the overdue report-in is timeLimitWatch's, not this process's.
   */
  public static final Variable<Boolean> REPORT_IN_OVERDUE = Variable.flag("reportInOverdue");

  /** Form of Task_DoDepartmentPart: what the department did. */
  public static final Variable<String> DEPARTMENT_WORK = Variable.text("departmentWork");

  /** Form of Task_GiveView: the department's view. */
  public static final Variable<String> DEPARTMENT_VIEW = Variable.text("departmentView");

  public static final Variable<Date> DONE_AT = Variable.date("doneAt");
  public static final Variable<String> DONE_BY = Variable.text("doneBy");

  /** Form of Task_RateDepartment: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
  public static final Variable<String> DEPARTMENT_RATING = Variable.text("departmentRating");

  public static final Variable<String> DEPARTMENT_RATING_COMMENT =
      Variable.text("departmentRatingComment");
  public static final Variable<Date> RATED_AT = Variable.date("ratedAt");
  public static final Variable<String> RATED_BY = Variable.text("ratedBy");

  /**
   * Set by Task_RequestRedo when the first rating was DISSATISFIED: the department does its part
   * once more and its second rating is final.
   */
  public static final Variable<Boolean> REDO_REQUESTED = Variable.flag("redoRequested");

  // values
  /** Of {@code summonsPurpose}: report in and give a view before a meeting (难事广议). */
  public static final String PURPOSE_VIEW = "VIEW";

  private DepartmentSummonsProcess() {}
}
