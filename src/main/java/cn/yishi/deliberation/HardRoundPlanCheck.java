package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.MEETING_PLAN;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
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
    StepCheck.of(task)
        .requiredText(MEETING_PLAN, MAX_PLAN, "请填写提交协商会议的方案", "协商方案" + "不能超过" + MAX_PLAN + "字");
  }
}
