package cn.yishi.deliberation;

import static cn.yishi.deliberation.HardDeliberationVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.organisation.Units;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on hardDeliberation's two decisions after a round that did not
 * pass. Whether rounds are left is the diagram's gateway (还有协商轮次？ on {@code
 * timeLimits.maxRounds}), not this class: it only checks the answers.
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
  private static final Set<String> AFTER_LAST_ROUND = Set.of(FINAL_RESOLUTION, RAISE, REJECT);

  private final Units units;
  private final HardHearingCheck hearing;

  public HardNextStepCheck(Units units) {
    this.units = units;
    this.hearing = new HardHearingCheck(units);
  }

  @Override
  public void notify(DelegateTask task) {
    boolean lastRound = TASK_DECIDE_AFTER_LAST_ROUND.equals(task.getTaskDefinitionKey());
    Object step = task.getVariable(NEXT_STEP);
    Set<String> allowed = lastRound ? AFTER_LAST_ROUND : WITH_ROUNDS_LEFT;
    if (step == null || !allowed.contains(step.toString())) {
      throw new InvalidStepInputException(
          NEXT_STEP,
          lastRound
              ? "协商轮次已满：请选择作出最终决议（记录异议）、提交上级协商或不予通过"
              : "请选择下一步：再议一轮、提交上级协商或不予通过");
    }
    switch (step.toString()) {
      case NEXT_ROUND -> nextRound(task);
      case FINAL_RESOLUTION -> {
        requireText(task, FINAL_RESOLUTION_TEXT, MAX_RESOLUTION, "请填写最终决议的内容");
        requireText(task, DISSENT, MAX_DISSENT, "请记录不同意见（异议），与最终决议一并存档");
      }
      case RAISE -> {
        String unit = (String) task.getVariable(DELIBERATION_UNIT);
        if (!units.hasAbove(unit)) {
          throw new InvalidStepInputException(
              NEXT_STEP,
              lastRound
                  ? "区级已是最高层级，无法提交上级协商：请作出最终决议或不予通过"
                  : "区级已是最高层级，无法提交上级协商：请再议一轮或不予通过");
        }
        requireText(task, RAISE_REASON, MAX_REASON, "请写明提交上级协商的理由");
      }
      default -> requireText(task, REJECTION_REASON, MAX_REASON, "请写明不予通过的理由，理由将告知提案人");
    }
  }

  /** The next round hears the parties named again (none is allowed) and the departments chosen. */
  private void nextRound(DelegateTask task) {
    List<String> parties = TextLines.of(task.getVariable(STAKEHOLDER_NAMES));
    if (parties.size() > StakeholderList.MAX_STAKEHOLDERS) {
      throw new InvalidStepInputException(
          STAKEHOLDER_NAMES, "利益相关方不能超过" + StakeholderList.MAX_STAKEHOLDERS + "位");
    }
    for (String party : parties) {
      if (party.length() > StakeholderList.NAME_MAX_LENGTH) {
        throw new InvalidStepInputException(
            STAKEHOLDER_NAMES, "每位利益相关方的名称不能超过" + StakeholderList.NAME_MAX_LENGTH + "个字：" + party);
      }
    }
    hearing.departmentsToHear(task);
    task.setVariable(STAKEHOLDERS, parties);
  }

  private static void requireText(DelegateTask task, String field, int max, String message) {
    Object text = task.getVariable(field);
    if (text == null || text.toString().isBlank()) {
      throw new InvalidStepInputException(field, message);
    }
    if (text.toString().length() > max) {
      throw new InvalidStepInputException(field, "内容不能超过" + max + "字");
    }
  }
}
