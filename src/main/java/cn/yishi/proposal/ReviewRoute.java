package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.COMMUNITY;
import static cn.yishi.common.CommonVariables.DELIBERATION_UNIT;
import static cn.yishi.common.CommonVariables.RAISED_FROM;
import static cn.yishi.common.CommonVariables.TRACK;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.organisation.Units;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who reviews and who deliberates a proposal, as the named service tasks of the lifecycle call it
 * ({@code ${reviewRoute.up(execution)}} on 确定上一级审议单位, …): each method is one step of the route of
 * processes/README.md "Routes" and sets only the unit variables it names. The handling level itself
 * is the decision {@code handlingLevel}; this bean only walks the organisation tree.
 */
@DiagramCallable
@Component("reviewRoute")
public class ReviewRoute {

  private final Units units;

  public ReviewRoute(Units units) {
    this.units = units;
  }

  /**
   * 确定办理单位: where the proposal enters (its courtyard for a courtyard matter naming one, else its
   * community), the unit at the level the handlingLevel table gave, and the first reviewer (the
   * entry unit).
   */
  public void determineHandlingUnit(DelegateExecution execution) {
    String entry =
        units.entry(
            COMMUNITY.get(execution), COURTYARD.get(execution), MATTER_SCOPE.get(execution));
    ENTRY_UNIT.set(execution, entry);
    HANDLING_UNIT.set(execution, units.handlingUnit(entry, LEVEL.get(execution)));
    REVIEW_UNIT.set(execution, entry);
  }

  /** 确定上一级审议单位: the review goes on at the unit above the reviewing one. */
  public void up(DelegateExecution execution) {
    REVIEW_UNIT.set(execution, units.above(REVIEW_UNIT.get(execution)));
  }

  /** 确定下一级审议单位: sent back, the review goes on one level down towards the entry unit. */
  public void down(DelegateExecution execution) {
    REVIEW_UNIT.set(execution, units.below(REVIEW_UNIT.get(execution), ENTRY_UNIT.get(execution)));
  }

  /** 退回分拣: the entry level sent it back; the community sorts it again. */
  public void backToSorting(DelegateExecution execution) {
    SORTED.set(execution, false);
    SENT_BACK_TO_SORTING.set(execution, true);
  }

  /** 记录在办理层级以下协商: the fact and its reason, for auditors and statistics. */
  public void settledBelowHandlingLevel(DelegateExecution execution) {
    SETTLED_BELOW_HANDLING_LEVEL.set(execution, true);
    SETTLED_BELOW_REASON.set(execution, REVIEW_REASON.get(execution));
  }

  /**
   * 确定协商单位: the reviewing unit deliberates; a major or hard matter at least at the community (四议两公开
   * and 难事广议 are led by the community or above).
   */
  public void deliberateAtReviewUnit(DelegateExecution execution) {
    String unit = REVIEW_UNIT.get(execution);
    String track = TRACK.get(execution);
    DELIBERATION_UNIT.set(
        execution,
        "MAJOR".equals(track) || "HARD".equals(track) ? units.atLeastCommunity(unit) : unit);
  }

  /** 急事交办理单位: an urgent matter is deliberated at once by its handling unit, without review. */
  public void urgentAtHandlingUnit(DelegateExecution execution) {
    DELIBERATION_UNIT.set(execution, HANDLING_UNIT.get(execution));
  }

  /** 确定上一级协商单位: an urgent plan raised goes to the unit above, which deliberates it at once. */
  public void urgentUnitAbove(DelegateExecution execution) {
    String unit = DELIBERATION_UNIT.get(execution);
    RAISED_FROM.set(execution, unit);
    DELIBERATION_UNIT.set(execution, units.above(unit));
  }

  /**
   * 确定上一级审议单位（上报）: a deliberation raised the proposal; the unit above the deliberating one reviews
   * it (the district, with nothing above it, reviews it again).
   */
  public void raiseForReview(DelegateExecution execution) {
    String unit = DELIBERATION_UNIT.get(execution);
    RAISED_FROM.set(execution, unit);
    REVIEW_UNIT.set(execution, units.hasAbove(unit) ? units.above(unit) : unit);
  }

  /** 确定跟进单位: a department's work order is followed (and rated) by the proposal's community. */
  public void departmentOrder(DelegateExecution execution) {
    DELIBERATION_UNIT.set(execution, COMMUNITY.get(execution));
  }
}
