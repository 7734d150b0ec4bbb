package cn.yishi.deliberation;

import static cn.yishi.deliberation.CourtyardDeliberationVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} task listener {@code courtyardStepCheck} of the convenor's two steps in
 * 院落协商: 院落议事准备 (put a plan to the group, or raise the matter at once) and 院落协商未通过
 * (revise the plan, or raise the matter). A plan must be written when it is put to the group, and
 * a reason when the matter is raised to a community proposal: the form shows only the field that
 * applies, so the server checks the pair.
 */
@DiagramCallable
@Component("courtyardStepCheck")
public class CourtyardStepCheck implements TaskListener {

  private static final Set<String> PREPARATIONS = Set.of(DELIBERATE, RAISE);
  private static final Set<String> NEXT_STEPS = Set.of(REVISE, RAISE);

  @Override
  public void notify(DelegateTask task) {
    boolean preparing = TASK_PREPARE.equals(task.getTaskDefinitionKey());
    String field = preparing ? COURTYARD_PREPARATION : COURTYARD_NEXT_STEP;
    String choice = text(task.getVariable(field));
    if (choice == null) {
      throw new InvalidStepInputException(field, preparing ? "请选择提交院落议事或提升为社区提案" : "请选择修改方案或提升为社区提案");
    }
    if (!(preparing ? PREPARATIONS : NEXT_STEPS).contains(choice)) {
      throw new InvalidStepInputException(field, "未知的选项：" + choice);
    }
    if (DELIBERATE.equals(choice)) {
      requireText(task, MEETING_PLAN, "请填写提交院落议事小组的方案", "方案", PLAN_MAX_LENGTH);
    } else if (RAISE.equals(choice)) {
      requireText(task, RAISE_REASON, "提升为社区提案时，请说明理由", "提升理由", REASON_MAX_LENGTH);
    }
  }

  private static void requireText(DelegateTask task, String field, String missing, String label, int max) {
    String value = text(task.getVariable(field));
    if (value == null) {
      throw new InvalidStepInputException(field, missing);
    }
    if (value.length() > max) {
      throw new InvalidStepInputException(field, label + "不能超过" + max + "字");
    }
    task.getExecution().setVariable(field, value);
  }

  private static String text(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().strip();
  }
}
