package cn.yishi.implementation;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;
import java.util.List;

/**
 * The process {@code implementation} (落实与结果公开): its key, the element ids Java and the tests need,
 * and its own variables (processes/README.md, "Called-process contracts"). The variables it shares
 * with the lifecycle and the called {@code departmentSummons} and {@code publicNotice} ({@code
 * deliberationUnit}, {@code resolution}, {@code summonedDepartments}, {@code
 * implementationOutcome}, {@code noticeKind} …) are in {@link CommonVariables}.
 */
@ProcessBoundary("implementation")
public final class ImplementationProcess {

  public static final String KEY = "implementation";

  // elements
  public static final String TASK_ASSIGN_IMPLEMENTER = "Task_AssignImplementer";
  public static final String TASK_CARRY_OUT = "Task_CarryOut";
  public static final String TASK_RESIDENTS_CARRY_OUT = "Task_ResidentsCarryOut";
  public static final String TASK_RECORD_RESULT = "Task_RecordResult";
  public static final String TASK_SIGN_RESULT = "Task_SignResult";
  public static final String CALL_SUMMON_DEPARTMENTS = "Call_SummonDepartments";
  public static final String CALL_PUBLISH_RESULT = "Call_PublishResult";
  public static final String SUB_PROCESS_PARTS = "SubProcess_Parts";
  public static final String EVENT_IMPLEMENTATION_DONE = "Event_ImplementationDone";
  public static final String EVENT_RESULT_OBJECTED = "Event_ResultObjected";

  /**
   * Who carries it out: {@link #SELF}, {@link #RESIDENTS} or {@link #DEPARTMENTS}; may be preset
   * ({@link #DEPARTMENTS} for a department order). When several share the work, 指定落实分工 sets it to
   * their codes joined by commas (e.g. {@code RESIDENTS,DEPARTMENTS}), kept in the signed result
   * record.
   */
  /**
   * Form field of 指定落实分工: the parts, a checklist of {@link #SELF}, {@link #RESIDENTS}, {@link
   * #DEPARTMENTS}.
   */
  public static final Variable<Object> IMPLEMENTERS = Variable.any("implementers");

  /** Element variable of the multi-instance 分工落实: the part this instance carries out. */
  public static final Variable<String> PART = Variable.text("part");

  /** Form field of 指定落实分工: what the departments are called for (default: the resolution). */
  public static final Variable<String> DEPARTMENTS_TASK = Variable.text("departmentsTask");

  /** Form field of 指定落实方: the caseworker's note on how it will be carried out. */
  public static final Variable<String> IMPLEMENTATION_NOTE = Variable.text("implementationNote");

  /** Choices for the department checklist (a task-local JSON list of label/value). */
  public static final Variable<Object> DEPARTMENT_OPTIONS = Variable.any("departmentOptions");

  /** Form field of 组织落实: progress notes. */
  public static final Variable<String> CARRY_OUT_NOTE = Variable.text("carryOutNote");

  /** Form field of 居民落实: how the residents did their part. */
  public static final Variable<String> RESIDENTS_NOTE = Variable.text("residentsNote");

  /** Form field of 记录落实结果: what was done (also the result notice's content). */
  public static final Variable<String> RESULT = Variable.text("result");

  /** Who recorded the result: the authenticated user, or the task's assignee. */
  @NotInDiagram("written by resultRecording, read by signResultRecord into the signed record")
  public static final Variable<String> RESULT_RECORDED_BY = Variable.text("resultRecordedBy");

  // values
  /** Of {@link cn.yishi.common.CommonVariables#IMPLEMENTER} and {@link #PART}. */
  public static final String SELF = "SELF";

  public static final String RESIDENTS = "RESIDENTS";
  public static final String DEPARTMENTS = "DEPARTMENTS";

  /** Of {@code implementationOutcome}. */
  public static final String DONE = "DONE";

  public static final String OBJECTED = "OBJECTED";

  /** The parts in the order they are shown and joined. */
  public static final List<String> PARTS_IN_ORDER = List.of(SELF, RESIDENTS, DEPARTMENTS);

  /** Maximum length of the recorded result (it is posted on the notice board). */
  public static final int RESULT_MAX_LENGTH = 5000;

  private ImplementationProcess() {}
}
