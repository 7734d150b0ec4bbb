package cn.yishi.deliberation;

import static cn.yishi.deliberation.HardDeliberationVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on hardDeliberation's Task_PrepareRound: requires the plan put
 * to the round's meeting. Departments are summoned for their view before this step (see {@link
 * HardHearingCheck}); doing their part belongs to implementation.
 */
@DiagramCallable
@Component("hardRoundPlanCheck")
public class HardRoundPlanCheck implements TaskListener {

  static final int MAX_PLAN = 5000;

  @Override
  public void notify(DelegateTask task) {
    Object plan = task.getVariable(MEETING_PLAN);
    if (plan == null || plan.toString().isBlank()) {
      throw new InvalidStepInputException(MEETING_PLAN, "请填写提交协商会议的方案");
    }
    if (plan.toString().length() > MAX_PLAN) {
      throw new InvalidStepInputException(MEETING_PLAN, "协商方案不能超过" + MAX_PLAN + "字");
    }
  }
}
