package cn.yishi.summons;

import static cn.yishi.common.CommonVariables.DEPARTMENT_VIEWS;
import static cn.yishi.summons.DepartmentSummonsProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on the steps of a summoned department: report in (报到), give its
 * view (发表意见, before a deliberation meeting) or do its part (办理), be rated (评价). Refuses what the
 * form cannot check (a blank answer sent through the REST API, an unknown rating, a dissatisfied
 * rating without a reason) through {@link StepCheck}, and notes who completed the step and when,
 * for the rating record.
 */
@DiagramCallable
@Component("departmentStepCheck")
public class DepartmentStepCheck implements TaskListener {

  static final int MAX_TEXT = 2000;
  static final int MAX_COMMENT = 1000;
  private static final String TOO_LONG = "内容不能超过" + MAX_TEXT + "字";

  @Override
  public void notify(DelegateTask task) {
    StepCheck check = StepCheck.of(task);
    String who = who(task);
    Date now = ClockUtil.getCurrentTime();
    switch (task.getTaskDefinitionKey()) {
      case TASK_REPORT_IN -> {
        check.requiredText(REPORT_IN_NOTE, MAX_TEXT, "请填写报到说明（报到人员及联系方式）", TOO_LONG);
        REPORTED_IN_AT.set(task, now);
        REPORTED_IN_BY.set(task, who);
      }
      case TASK_DO_DEPARTMENT_PART -> {
        check.requiredText(DEPARTMENT_WORK, MAX_TEXT, "请填写部门办理情况", TOO_LONG);
        DONE_AT.set(task, now);
        DONE_BY.set(task, who);
      }
      case TASK_GIVE_VIEW -> {
        String view = check.requiredText(DEPARTMENT_VIEW, MAX_TEXT, "请填写部门意见", TOO_LONG);
        DONE_AT.set(task, now);
        DONE_BY.set(task, who);
        addView(task, view);
      }
      case TASK_RATE_DEPARTMENT -> {
        DepartmentRating rating = DepartmentRating.parse(check.raw(DEPARTMENT_RATING));
        check.rule(rating != null, DEPARTMENT_RATING, "请选择评价：满意、基本满意或不满意");
        String comment =
            check.optionalText(
                DEPARTMENT_RATING_COMMENT, MAX_COMMENT, "评价意见不能超过" + MAX_COMMENT + "字");
        check.rule(
            rating != DepartmentRating.DISSATISFIED || comment != null,
            DEPARTMENT_RATING_COMMENT,
            "评价为不满意时，请写明原因");
        RATED_AT.set(task, now);
        RATED_BY.set(task, who);
      }
      default ->
          throw new IllegalStateException(
              "departmentStepCheck is not meant for task " + task.getTaskDefinitionKey());
    }
  }

  /**
   * Adds the department's view to {@code departmentViews} on the summons' process instance (a JSON
   * array of {party, department, opinion}, handed back to the caller). Parallel departments
   * completing at the same moment conflict on it; the engine's optimistic locking refuses one,
   * completed again.
   */
  private static void addView(DelegateTask task, String opinion) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("party", String.valueOf(DEPARTMENT_NAME.get(task)));
    view.put(DEPARTMENT.name(), String.valueOf(DEPARTMENT.get(task)));
    view.put("opinion", opinion);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    SpinJsonNode views =
        DEPARTMENT_VIEWS.get(instance) instanceof SpinJsonNode earlier && earlier.isArray()
            ? earlier
            : Spin.JSON("[]");
    views.append(Spin.JSON(view));
    DEPARTMENT_VIEWS.set(instance, views);
  }

  /** The authenticated user completing the task, else its assignee. */
  private static String who(DelegateTask task) {
    String user = DepartmentRatings.currentUser();
    return user != null ? user : task.getAssignee();
  }
}
