package cn.yishi.deliberation;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks 方案处理 (what to do with a plan a meeting rejected) when it is completed (task listener
 * {@code complete}, bean {@code planHandlingCheck}), in every procedure that has this step: the
 * choice is {@value #REVISE} (revise the plan and deliberate again) or {@value #END} (the
 * proposal is rejected), and ending needs a reason: the submitter is told why (CONTRACT: a
 * rejection always says why).
 */
@DiagramCallable
@Component("planHandlingCheck")
public class PlanHandlingCheck implements TaskListener {

  /** The choice made in 方案处理. */
  public static final String PLAN_HANDLING = "planHandling";
  /** Why the proposal ends; an output of the track procedure when it is rejected. */
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String REVISE = "REVISE";
  public static final String END = "END";
  public static final int REASON_MAX_LENGTH = 1000;

  private static final Set<String> CHOICES = Set.of(REVISE, END);

  @Override
  public void notify(DelegateTask task) {
    Object choice = task.getVariable(PLAN_HANDLING);
    if (choice == null || !CHOICES.contains(choice.toString())) {
      throw new InvalidStepInputException(PLAN_HANDLING, "请选择修改方案后重新协商，或终止协商");
    }
    if (END.equals(choice)) {
      Object reason = task.getVariable(REJECTION_REASON);
      if (reason == null || reason.toString().isBlank()) {
        throw new InvalidStepInputException(REJECTION_REASON, "终止协商须填写理由，理由将告知提案人");
      }
      if (reason.toString().length() > REASON_MAX_LENGTH) {
        throw new InvalidStepInputException(REJECTION_REASON, "理由不能超过" + REASON_MAX_LENGTH + "个字");
      }
    }
  }
}
