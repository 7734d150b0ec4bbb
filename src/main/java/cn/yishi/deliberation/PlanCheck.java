package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.MEETING_PLAN;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks a drafted plan ({@code meetingPlan}) when the step that drafts it is completed (task
 * listener {@code complete}, bean {@code planCheck}): a meeting must have something to decide, so a
 * blank or overlong plan is refused with a Chinese message even when the form was bypassed.
 */
@DiagramCallable
@Component("planCheck")
public class PlanCheck implements TaskListener {

  public static final int PLAN_MAX_LENGTH = 5000;

  @Override
  public void notify(DelegateTask task) {
    StepCheck.of(task)
        .requiredText(
            MEETING_PLAN, PLAN_MAX_LENGTH, "请填写协商方案", "协商方案" + "不能超过" + PLAN_MAX_LENGTH + "字");
  }
}
