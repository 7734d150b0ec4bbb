package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.DELIBERATION_UNIT;
import static cn.yishi.common.CommonVariables.RAISE_REASON;
import static cn.yishi.common.CommonVariables.REJECTION_REASON;
import static cn.yishi.common.CommonVariables.STAKEHOLDERS;
import static cn.yishi.common.CommonVariables.SUMMONED_DEPARTMENTS;
import static cn.yishi.deliberation.HardDeliberationProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import cn.yishi.organisation.Units;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on hardDeliberation's two decisions after a round that did not
 * pass. Whether rounds are left is the diagram's gateway (还有协商轮次？ on {@code timeLimits.maxRounds}),
 * not this class: it only checks the answers.
 *
 * <ul>
 *   <li>Task_DecideNextStep (rounds left): another round, naming who is heard again (parties, one
 *       per line, possibly none; departments for their view, as {@link HardHearingCheck}); raising
 *       needs a reason and a level above (not at the district); rejecting needs a reason.
 *   <li>Task_DecideAfterLastRound: a final resolution needs its text and the dissent recorded with
 *       it; raising and rejecting as above. Possible at every level.
 * </ul>
 */
@DiagramCallable
@Component("hardNextStepCheck")
public class HardNextStepCheck implements TaskListener {

  static final int MAX_REASON = 1000;
  static final int MAX_RESOLUTION = 5000;
  static final int MAX_DISSENT = 2000;
  private static final Set<String> WITH_ROUNDS_LEFT = Set.of(NEXT_ROUND, RAISE, REJECT);
  private static final Set<String> AFTER_LAST_ROUND = Set.of(RESOLVE_FINALLY, RAISE, REJECT);

  private final Units units;
  private final HardHearingCheck hearing;

  public HardNextStepCheck(Units units) {
    this.units = units;
    this.hearing = new HardHearingCheck(units);
  }

  @Override
  public void notify(DelegateTask task) {
    boolean lastRound = TASK_DECIDE_AFTER_LAST_ROUND.equals(task.getTaskDefinitionKey());
    StepCheck check = StepCheck.of(task);
    String step =
        check.oneOf(
            NEXT_STEP,
            lastRound ? AFTER_LAST_ROUND : WITH_ROUNDS_LEFT,
            lastRound ? "协商轮次已满：请选择作出最终决议（记录异议）、提交上级协商或不予通过" : "请选择下一步：再议一轮、提交上级协商或不予通过");
    switch (step) {
      case NEXT_ROUND -> {
        // the next round hears the parties named again (none is allowed) and the departments chosen
        List<String> parties = StakeholderList.names(check);
        SUMMONED_DEPARTMENTS.set(task, hearing.departmentsToHear(check));
        STAKEHOLDERS.set(task, parties);
      }
      case RESOLVE_FINALLY -> {
        check.requiredText(
            FINAL_RESOLUTION, MAX_RESOLUTION, "请填写最终决议的内容", "内容" + "不能超过" + MAX_RESOLUTION + "字");
        check.requiredText(
            DISSENT, MAX_DISSENT, "请记录不同意见（异议），与最终决议一并存档", "内容" + "不能超过" + MAX_DISSENT + "字");
      }
      case RAISE -> {
        check.rule(
            units.hasAbove(DELIBERATION_UNIT.get(task)),
            NEXT_STEP,
            lastRound ? "区级已是最高层级，无法提交上级协商：请作出最终决议或不予通过" : "区级已是最高层级，无法提交上级协商：请再议一轮或不予通过");
        check.requiredText(
            RAISE_REASON, MAX_REASON, "请写明提交上级协商的理由", "内容" + "不能超过" + MAX_REASON + "字");
      }
      default ->
          check.requiredText(
              REJECTION_REASON,
              MAX_REASON,
              "请写明不予通过的理由，理由将告知提案人",
              "内容" + "不能超过" + MAX_REASON + "字");
    }
  }
}
