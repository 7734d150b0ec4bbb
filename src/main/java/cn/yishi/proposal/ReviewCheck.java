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
 * Review at a level (逐级审议, processes/README.md "Routes"). On create: the names of the reviewing
 * and the handling unit for the form, and the route's own answer preselected (below the handling
 * unit: pass it up; at or above it: deliberate it here), so that the table, not each caseworker,
 * takes the proposal up to its handling level. On complete: SETTLE, PASS_UP or SEND_BACK; a reason
 * for every departure from the route (settling below the handling unit, passing up from the
 * handling unit or above) and for every sending back; nothing is above the district.
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
    String unit = (String) task.getVariable(REVIEW_UNIT);
    String handlingUnit = (String) task.getVariable(HANDLING_UNIT);
    boolean belowHandlingUnit = units.isBelow(unit, units.levelOf(handlingUnit));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(REVIEW_UNIT_NAME, units.name(unit));
      task.setVariableLocal(HANDLING_UNIT_NAME, units.name(handlingUnit));
      // a new level decides afresh: the route's answer is preselected, the previous reason is not
      task.getExecution().setVariable(REVIEW_DECISION, belowHandlingUnit ? "PASS_UP" : "SETTLE");
      task.getExecution().setVariable(REVIEW_REASON, null);
      return;
    }
    String decision = SortingCheck.trimmed(task.getVariable(REVIEW_DECISION));
    if (decision == null || !DECISIONS.contains(decision)) {
      throw refused(REVIEW_DECISION, "请选择审议意见：在本级协商、上报上级或退回");
    }
    boolean reason = SortingCheck.trimmed(task.getVariable(REVIEW_REASON)) != null;
    if ("PASS_UP".equals(decision) && !units.hasAbove(unit)) {
      throw refused(REVIEW_DECISION, units.name(unit) + "已是最高层级，不能再上报");
    }
    if ("PASS_UP".equals(decision) && !belowHandlingUnit && !reason) {
      throw refused(REVIEW_REASON, "本级已是办理层级（" + units.name(handlingUnit) + "），再上报须说明理由");
    }
    if ("SETTLE".equals(decision) && belowHandlingUnit && !reason) {
      throw refused(REVIEW_REASON, "办理层级是" + units.name(handlingUnit) + "，在本级协商须说明理由");
    }
    if ("SEND_BACK".equals(decision) && !reason) {
      throw refused(REVIEW_REASON, "退回须说明理由");
    }
    task.setVariable(REVIEW_DECISION, decision);
  }

  private static InvalidProposalException refused(String field, String message) {
    return new InvalidProposalException(List.of(new FieldError(field, message)));
  }
}
