package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.PLAN_HANDLING;
import static cn.yishi.common.CommonVariables.REJECTION_REASON;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks 方案处理 (what to do with a plan a meeting rejected) when it is completed (task listener
 * {@code complete}, bean {@code planHandlingCheck}), in every procedure that has this step: the
 * choice is {@value #REVISE} (revise the plan and deliberate again) or {@value #END} (the proposal
 * is rejected), and ending needs a reason: the submitter is told why (CONTRACT: a rejection always
 * says why).
 */
@DiagramCallable
@Component("planHandlingCheck")
public class PlanHandlingCheck implements TaskListener {

  public static final String REVISE = "REVISE";
  public static final String END = "END";
  public static final int REASON_MAX_LENGTH = 1000;

  private static final Set<String> CHOICES = Set.of(REVISE, END);

  @Override
  public void notify(DelegateTask task) {
    StepCheck check = StepCheck.of(task);
    String choice = check.oneOf(PLAN_HANDLING, CHOICES, "请选择修改方案后重新协商，或终止协商");
    if (END.equals(choice)) {
      check.requiredText(
          REJECTION_REASON,
          REASON_MAX_LENGTH,
          "终止协商须填写理由，理由将告知提案人",
          "理由" + "不能超过" + REASON_MAX_LENGTH + "字");
    }
  }
}
