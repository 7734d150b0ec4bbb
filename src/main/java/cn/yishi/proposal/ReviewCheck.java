package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.organisation.Units;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Review at a level (逐级审议): the decision must be SETTLE, PASS_UP or SEND_BACK; nothing is above
 * the district; sending back needs a reason (DOMAIN "each level may settle it, pass it up, or send
 * it back with a reason"). On create it clears the previous level's decision and reason.
 */
@DiagramCallable
@Component("reviewCheck")
public class ReviewCheck implements TaskListener {

  public static final Set<String> DECISIONS = Set.of("SETTLE", "PASS_UP", "SEND_BACK");

  private final Units units;

  public ReviewCheck(Units units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // a new level decides afresh: the previous level's decision and reason are not prefilled
      task.getExecution().setVariable(REVIEW_DECISION, null);
      task.getExecution().setVariable(REVIEW_REASON, null);
      return;
    }
    String decision = SortingCheck.trimmed(task.getVariable(REVIEW_DECISION));
    if (decision == null || !DECISIONS.contains(decision)) {
      throw new InvalidProposalException(
          List.of(new FieldError(REVIEW_DECISION, "请选择审议意见：本级协商、上报上级或退回下级")));
    }
    String unit = (String) task.getVariable(REVIEW_UNIT);
    if ("PASS_UP".equals(decision) && !units.hasAbove(unit)) {
      throw new InvalidProposalException(
          List.of(new FieldError(REVIEW_DECISION, units.name(unit) + "已是最高层级，不能再上报")));
    }
    if ("SEND_BACK".equals(decision) && SortingCheck.trimmed(task.getVariable(REVIEW_REASON)) == null) {
      throw new InvalidProposalException(List.of(new FieldError(REVIEW_REASON, "退回须说明理由")));
    }
    task.setVariable(REVIEW_DECISION, decision);
  }
}
