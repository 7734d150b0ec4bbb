package cn.yishi.implementation;

import cn.yishi.common.CommonVariables;

import cn.yishi.notice.PublicNoticeVariables;
import cn.yishi.summons.SummonsVariables;

/**
 * The process variable names and values of {@code implementation} (落实与结果公开), in one place,
 * used by the diagram's listeners and by the tests (processes/README.md, "Called-process
 * contracts").
 */
public final class ImplementationVariables {

  public static final String PROCESS_KEY = "implementation";

  // inputs (beyond the lifecycle's shared variables)
  public static final String DELIBERATION_UNIT = "deliberationUnit";
  /** The adopted plan being carried out; also what departments are summoned for. */
  public static final String RESOLUTION = CommonVariables.RESOLUTION.name();
  /**
   * Who carries it out: {@link #SELF}, {@link #RESIDENTS} or {@link #DEPARTMENTS}; may be preset
   * ({@link #DEPARTMENTS} for a department order). When several share the work, the step
   * 指定落实分工 sets it to their codes joined by commas (e.g. {@code RESIDENTS,DEPARTMENTS}), kept in
   * the signed result record.
   */
  public static final String IMPLEMENTER = "implementer";
  /** Form field of 指定落实分工: the parts, a checklist of {@link #SELF}, {@link #RESIDENTS}, {@link #DEPARTMENTS}. */
  public static final String IMPLEMENTERS = "implementers";
  /** Element variable of the multi-instance 分工落实: the part this instance carries out. */
  public static final String PART = "part";
  /** Form field of 指定落实分工: what the departments are called for (default: the resolution). */
  public static final String DEPARTMENTS_TASK = "departmentsTask";
  /** Department codes to summon (吹哨报到), a list; preset for department orders. */
  public static final String SUMMONED_DEPARTMENTS = SummonsVariables.SUMMONED_DEPARTMENTS;

  // set by the steps
  /** Form field of 指定落实方: the caseworker's note on how it will be carried out. */
  public static final String IMPLEMENTATION_NOTE = "implementationNote";
  /** Choices for the department checklist (a task-local JSON list of label/value). */
  public static final String DEPARTMENT_OPTIONS = "departmentOptions";
  /** Form field of 组织落实: progress notes. */
  public static final String CARRY_OUT_NOTE = "carryOutNote";
  /** Form field of 居民落实: how the residents did their part. */
  public static final String RESIDENTS_NOTE = "residentsNote";
  /** Form field of 记录落实结果: what was done (also the result notice's content). */
  public static final String RESULT = "result";
  /** Who recorded the result: the authenticated user, or the task's assignee. */
  public static final String RESULT_RECORDED_BY = "resultRecordedBy";

  // outputs
  /** {@link #DONE} or {@link #OBJECTED}. */
  public static final String IMPLEMENTATION_OUTCOME = "implementationOutcome";
  /** Set by the delegate {@code signResultRecord}. */
  public static final String RESULT_RECORD_ID = "resultRecordId";

  // the called processes' variables this process maps
  public static final String SUMMONING_UNIT = SummonsVariables.SUMMONING_UNIT;
  public static final String SUMMONS_TASK = SummonsVariables.SUMMONS_TASK;
  public static final String NOTICE_KIND = PublicNoticeVariables.NOTICE_KIND;
  public static final String NOTICE_CONTENT = PublicNoticeVariables.NOTICE_CONTENT;
  public static final String NOTICE_OUTCOME = PublicNoticeVariables.NOTICE_OUTCOME;
  public static final String NOTICE_ID = PublicNoticeVariables.NOTICE_ID;

  // values
  public static final String SELF = "SELF";
  public static final String RESIDENTS = "RESIDENTS";
  public static final String DEPARTMENTS = "DEPARTMENTS";
  public static final String DONE = "DONE";
  public static final String OBJECTED = "OBJECTED";

  /** Maximum length of the recorded result (it is posted on the notice board). */
  public static final int RESULT_MAX_LENGTH = 5000;

  private ImplementationVariables() {}
}
