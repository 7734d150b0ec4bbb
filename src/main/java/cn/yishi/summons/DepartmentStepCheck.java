package cn.yishi.summons;

import static cn.yishi.summons.SummonsVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
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
 * Task listener ({@code complete}) on the steps of a summoned department: report in (报到), give
 * its view (发表意见, before a deliberation meeting) or do its part (办理), be rated (评价). Refuses what the form cannot check (a blank answer sent
 * through the REST API, an unknown rating, a dissatisfied rating without a reason) with a Chinese
 * message, and notes who completed the step and when, for the rating record.
 */
@DiagramCallable
@Component("departmentStepCheck")
public class DepartmentStepCheck implements TaskListener {

  static final int MAX_TEXT = 2000;
  static final int MAX_COMMENT = 1000;

  @Override
  public void notify(DelegateTask task) {
    String who = who(task);
    Date now = ClockUtil.getCurrentTime();
    switch (task.getTaskDefinitionKey()) {
      case TASK_REPORT_IN -> {
        requireText(task, REPORT_IN_NOTE, MAX_TEXT, "请填写报到说明（报到人员及联系方式）");
        task.setVariable(REPORTED_IN_AT, now);
        task.setVariable(REPORTED_IN_BY, who);
      }
      case TASK_DO_DEPARTMENT_PART -> {
        requireText(task, DEPARTMENT_WORK, MAX_TEXT, "请填写部门办理情况");
        task.setVariable(DONE_AT, now);
        task.setVariable(DONE_BY, who);
      }
      case TASK_GIVE_VIEW -> {
        requireText(task, DEPARTMENT_VIEW, MAX_TEXT, "请填写部门意见");
        task.setVariable(DONE_AT, now);
        task.setVariable(DONE_BY, who);
        addView(task);
      }
      case TASK_RATE_DEPARTMENT -> {
        DepartmentRating rating = DepartmentRating.parse(task.getVariable(DEPARTMENT_RATING));
        if (rating == null) {
          throw new InvalidStepInputException(DEPARTMENT_RATING, "请选择评价：满意、基本满意或不满意");
        }
        Object comment = task.getVariable(DEPARTMENT_RATING_COMMENT);
        if (comment != null && comment.toString().length() > MAX_COMMENT) {
          throw new InvalidStepInputException(
              DEPARTMENT_RATING_COMMENT, "评价意见不能超过" + MAX_COMMENT + "字");
        }
        if (rating == DepartmentRating.DISSATISFIED && isBlank(comment)) {
          throw new InvalidStepInputException(DEPARTMENT_RATING_COMMENT, "评价为不满意时，请写明原因");
        }
        task.setVariable(RATED_AT, now);
        task.setVariable(RATED_BY, who);
      }
      default -> throw new IllegalStateException(
          "departmentStepCheck is not meant for task " + task.getTaskDefinitionKey());
    }
  }

  /**
   * Adds the department's view to {@value SummonsVariables#DEPARTMENT_VIEWS} on the summons'
   * process instance (a JSON array, handed back to the caller). Parallel departments completing
   * at the same moment conflict on it; the engine's optimistic locking refuses one, completed again.
   */
  private static void addView(DelegateTask task) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("party", String.valueOf(task.getVariable(DEPARTMENT_NAME)));
    view.put("department", String.valueOf(task.getVariable(DEPARTMENT)));
    view.put("opinion", task.getVariable(DEPARTMENT_VIEW).toString().trim());
    DelegateExecution instance = task.getExecution().getProcessInstance();
    SpinJsonNode views =
        instance.getVariable(DEPARTMENT_VIEWS) instanceof SpinJsonNode earlier && earlier.isArray()
            ? earlier
            : Spin.JSON("[]");
    views.append(Spin.JSON(view));
    instance.setVariable(DEPARTMENT_VIEWS, views);
  }

  private static void requireText(DelegateTask task, String field, int max, String message) {
    Object value = task.getVariable(field);
    if (isBlank(value)) {
      throw new InvalidStepInputException(field, message);
    }
    if (value.toString().length() > max) {
      throw new InvalidStepInputException(field, "内容不能超过" + max + "字");
    }
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }

  /** The authenticated user completing the task, else its assignee. */
  private static String who(DelegateTask task) {
    String user = DepartmentRatings.currentUser();
    return user != null ? user : task.getAssignee();
  }
}
