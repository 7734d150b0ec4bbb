package cn.yishi.supervision;

import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;
import java.util.Date;

/**
 * The process {@code supervision} (督办): its key, elements and variables. Started by the time-limit
 * watch ({@link SupervisionService}) for an overdue step, an unanswered supervision or a proposal
 * past its handling deadline; the proposal's {@code number}, {@code title} and {@code timeLimits}
 * are common variables.
 */
@ProcessBoundary("supervision")
public final class SupervisionProcess {

  public static final String KEY = "supervision";

  public static final String TASK_SUPERVISE = "Task_Supervise";
  public static final String EVENT_SUPERVISED = "Event_Supervised";

  /** The unit above the overdue step's unit: its caseworkers supervise. */
  public static final Variable<String> SUPERVISING_UNIT = Variable.text("supervisingUnit");

  public static final Variable<String> SUPERVISING_UNIT_NAME = Variable.text("supervisingUnitName");

  /** The unit (or department) that owns the overdue step. */
  @NotInDiagram("kept for staff views and the records; the form shows supervisedUnitName")
  public static final Variable<String> SUPERVISED_UNIT = Variable.text("supervisedUnit");

  public static final Variable<String> SUPERVISED_UNIT_NAME = Variable.text("supervisedUnitName");

  @NotInDiagram("the overdue step's candidate group, kept for staff views")
  public static final Variable<String> SUPERVISED_GROUP = Variable.text("supervisedGroup");

  @NotInDiagram("the overdue task, kept for staff views (none for a missed handling deadline)")
  public static final Variable<String> SUPERVISED_TASK_ID = Variable.text("supervisedTaskId");

  /** The overdue step's name, e.g. 分拣提案. */
  public static final Variable<String> SUPERVISED_STEP = Variable.text("supervisedStep");

  @NotInDiagram("the overdue step's due date; the form shows supervisedDueText")
  public static final Variable<Date> SUPERVISED_DUE = Variable.date("supervisedDue");

  /** The due date as text in the business time zone, for the form. */
  public static final Variable<String> SUPERVISED_DUE_TEXT = Variable.text("supervisedDueText");

  /** What is supervised: {@link #KIND_STEP} or {@link #KIND_DEADLINE}. */
  @NotInDiagram("carried along an escalating chain by the watch")
  public static final Variable<String> SUPERVISION_KIND = Variable.text("supervisionKind");

  /** 1 for the first supervision, 2 and 3 as an unanswered one escalates towards the district. */
  public static final Variable<Integer> SUPERVISION_LEVEL = Variable.integer("supervisionLevel");

  /** The step (or 提案办理时限) the chain of supervisions started with, and its unit's name. */
  @NotInDiagram("carried along an escalating chain by the watch")
  public static final Variable<String> ORIGINAL_STEP = Variable.text("originalStep");

  @NotInDiagram("carried along an escalating chain by the watch")
  public static final Variable<String> ORIGINAL_UNIT_NAME = Variable.text("originalUnitName");

  /** The supervision instance whose unanswered task this one escalates (none at level 1). */
  @NotInDiagram("links an escalation to the supervision it escalates, for staff views")
  public static final Variable<String> ESCALATED_FROM = Variable.text("escalatedFrom");

  /** What the supervisor is asked to urge, in Chinese, for the form. */
  public static final Variable<String> SUPERVISION_SUBJECT = Variable.text("supervisionSubject");

  /** Entered by the supervisor: what was urged, on whom, and the answer. */
  public static final Variable<String> SUPERVISION_NOTE = Variable.text("supervisionNote");

  // values
  /**
   * An overdue step (a user task with a due date), or an unanswered supervision task (escalation).
   */
  public static final String KIND_STEP = "STEP";

  /** The proposal missed its handling deadline (resolveWithin from the end of sorting). */
  public static final String KIND_DEADLINE = "DEADLINE";

  /** The name of the supervised "step" when the proposal missed its handling deadline. */
  public static final String DEADLINE_STEP_NAME = "提案办理时限";

  private SupervisionProcess() {}
}
