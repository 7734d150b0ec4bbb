package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalLifecycleProcess.HANDLING_UNIT;
import static cn.yishi.proposal.ProposalLifecycleProcess.HANDLING_UNIT_NAME;
import static cn.yishi.proposal.ProposalLifecycleProcess.REVIEW_DECISION;
import static cn.yishi.proposal.ProposalLifecycleProcess.REVIEW_REASON;
import static cn.yishi.proposal.ProposalLifecycleProcess.REVIEW_UNIT;
import static cn.yishi.proposal.ProposalLifecycleProcess.REVIEW_UNIT_NAME;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import cn.yishi.organisation.Units;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Review at a level (逐级审议, processes/README.md "Routes"). On create: the names of the reviewing and
 * the handling unit for the form, and the route's own answer preselected (below the handling unit:
 * pass it up; at or above it: deliberate it here), so that the table, not each caseworker, takes
 * the proposal up to its handling level. On complete: SETTLE, PASS_UP or SEND_BACK; a reason for
 * every departure from the route (settling below the handling unit, passing up from the handling
 * unit or above) and for every sending back; nothing is above the district.
 */
@DiagramCallable
@Component("reviewCheck")
public class ReviewCheck implements TaskListener {

  public static final Set<String> DECISIONS = Set.of("SETTLE", "PASS_UP", "SEND_BACK");

  /** As the review form allows. */
  static final int MAX_REASON = 1000;

  private final Units units;

  public ReviewCheck(Units units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    String unit = REVIEW_UNIT.get(task);
    String handlingUnit = HANDLING_UNIT.get(task);
    boolean belowHandlingUnit = units.isBelow(unit, units.levelOf(handlingUnit));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      REVIEW_UNIT_NAME.setLocal(task, units.name(unit));
      HANDLING_UNIT_NAME.setLocal(task, units.name(handlingUnit));
      // a new level decides afresh: the route's answer is preselected, the previous reason is not
      REVIEW_DECISION.set(task.getExecution(), belowHandlingUnit ? "PASS_UP" : "SETTLE");
      REVIEW_REASON.set(task.getExecution(), null);
      return;
    }
    StepCheck check = StepCheck.of(task);
    String decision = check.oneOf(REVIEW_DECISION, DECISIONS, "请选择审议意见：在本级协商、上报上级或退回");
    boolean reason = check.optionalText(REVIEW_REASON, MAX_REASON) != null;
    boolean passUp = "PASS_UP".equals(decision);
    boolean settle = "SETTLE".equals(decision);
    check.rule(!passUp || units.hasAbove(unit), REVIEW_DECISION, units.name(unit) + "已是最高层级，不能再上报");
    check.rule(
        !passUp || belowHandlingUnit || reason,
        REVIEW_REASON,
        "本级已是办理层级（" + units.name(handlingUnit) + "），再上报须说明理由");
    check.rule(
        !settle || !belowHandlingUnit || reason,
        REVIEW_REASON,
        "办理层级是" + units.name(handlingUnit) + "，在本级协商须说明理由");
    check.rule(!"SEND_BACK".equals(decision) || reason, REVIEW_REASON, "退回须说明理由");
  }
}
