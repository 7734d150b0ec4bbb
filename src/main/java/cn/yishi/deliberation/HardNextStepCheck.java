package cn.yishi.deliberation;

import static cn.yishi.deliberation.HardDeliberationVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.organisation.Units;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on hardDeliberation's Task_DecideNextStep (研判): another
 * round only while {@value HardDeliberationVariables#DELIBERATION_ROUND} is below the timeLimits
 * decision's {@code maxRounds}; raising needs a reason and a level above (not at the district);
 * rejecting needs a reason. The limit is policy (the decision table), never a Java constant.
 */
@DiagramCallable
@Component("hardNextStepCheck")
public class HardNextStepCheck implements TaskListener {

  static final int MAX_REASON = 1000;
  private static final Set<String> STEPS = Set.of(NEXT_ROUND, RAISE, REJECT);

  private final Units units;

  public HardNextStepCheck(Units units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    Object step = task.getVariable(NEXT_STEP);
    if (step == null || !STEPS.contains(step.toString())) {
      throw new InvalidStepInputException(NEXT_STEP, "请选择下一步：再议一轮、提交上级协商或不予通过");
    }
    switch (step.toString()) {
      case NEXT_ROUND -> {
        int round = intOf(task.getVariable(DELIBERATION_ROUND), 1);
        int maxRounds = maxRounds(task.getVariable(TIME_LIMITS));
        if (round >= maxRounds) {
          throw new InvalidStepInputException(
              NEXT_STEP,
              "已协商" + round + "轮，达到协商轮次上限（" + maxRounds + "轮），不能再议：请提交上级协商或不予通过");
        }
      }
      case RAISE -> {
        String unit = (String) task.getVariable(DELIBERATION_UNIT);
        if (!units.hasAbove(unit)) {
          throw new InvalidStepInputException(NEXT_STEP, "区级已是最高层级，无法提交上级协商：请再议一轮或不予通过");
        }
        requireReason(task, RAISE_REASON, "请写明提交上级协商的理由");
      }
      default -> requireReason(task, REJECTION_REASON, "请写明不予通过的理由，理由将告知提案人");
    }
  }

  private static void requireReason(DelegateTask task, String field, String message) {
    Object reason = task.getVariable(field);
    if (reason == null || reason.toString().isBlank()) {
      throw new InvalidStepInputException(field, message);
    }
    if (reason.toString().length() > MAX_REASON) {
      throw new InvalidStepInputException(field, "理由不能超过" + MAX_REASON + "字");
    }
  }

  /** maxRounds of the timeLimits result (a map: the decision's single result). */
  private static int maxRounds(Object timeLimits) {
    if (timeLimits instanceof Map<?, ?> map && map.get(MAX_ROUNDS) != null) {
      return intOf(map.get(MAX_ROUNDS), 1);
    }
    throw new IllegalStateException("timeLimits has no " + MAX_ROUNDS + ": " + timeLimits);
  }

  private static int intOf(Object value, int otherwise) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value != null) {
      return Integer.parseInt(value.toString().trim());
    }
    return otherwise;
  }
}
