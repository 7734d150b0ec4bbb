package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.MEETING_PLAN;
import static cn.yishi.common.CommonVariables.RAISE_REASON;
import static cn.yishi.deliberation.CourtyardDeliberationProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import cn.yishi.common.Variable;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} task listener {@code courtyardStepCheck} of the convenor's two steps in
 * 院落协商: 院落议事准备 (put a plan to the group, or raise the matter at once) and 院落协商未通过 (revise the plan,
 * or raise the matter). A plan must be written when it is put to the group, and a reason when the
 * matter is raised to a community proposal: the form shows only the field that applies, so the
 * server checks the pair.
 */
@DiagramCallable
@Component("courtyardStepCheck")
public class CourtyardStepCheck implements TaskListener {

  private static final Set<String> PREPARATIONS = Set.of(DELIBERATE, RAISE);
  private static final Set<String> NEXT_STEPS = Set.of(REVISE, RAISE);

  @Override
  public void notify(DelegateTask task) {
    boolean preparing = TASK_PREPARE_COURTYARD_DELIBERATION.equals(task.getTaskDefinitionKey());
    Variable<String> field = preparing ? COURTYARD_PREPARATION : COURTYARD_NEXT_STEP;
    StepCheck check = StepCheck.of(task);
    String choice = check.optionalText(field, 100);
    check.rule(choice != null, field, preparing ? "请选择提交院落议事或提升为社区提案" : "请选择修改方案或提升为社区提案");
    check.rule((preparing ? PREPARATIONS : NEXT_STEPS).contains(choice), field, "未知的选项：" + choice);
    if (DELIBERATE.equals(choice)) {
      MEETING_PLAN.set(
          task.getExecution(),
          check.requiredText(
              MEETING_PLAN,
              PLAN_MAX_LENGTH,
              "请填写提交院落议事小组的方案",
              "方案" + "不能超过" + PLAN_MAX_LENGTH + "字"));
    } else if (RAISE.equals(choice)) {
      RAISE_REASON.set(
          task.getExecution(),
          check.requiredText(
              RAISE_REASON,
              REASON_MAX_LENGTH,
              "提升为社区提案时，请说明理由",
              "提升理由" + "不能超过" + REASON_MAX_LENGTH + "字"));
    }
  }
}
