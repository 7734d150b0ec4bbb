package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.COMMUNITY;
import static cn.yishi.common.CommonVariables.DELIBERATION_UNIT;
import static cn.yishi.common.CommonVariables.REJECTION_REASON;
import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.common.CommonVariables.TIME_LIMITS;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.common.CommonVariables.TRACK;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;

import cn.yishi.common.DiagramCallable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Bean {@code proposalStatus}, called from any proposal process (the lifecycle or a procedure it
 * calls) as an execution listener, e.g. {@code ${proposalStatus.set(execution, 'UNDER_REVIEW')}}:
 * reads the proposal's number (the business key) and facts and hands them to {@link
 * ProposalViewService}, which keeps the public view and timeline and tells the submitter.
 */
@DiagramCallable
@Component("proposalStatus")
public class ProposalStatusListener {

  private final ProposalViewService views;

  public ProposalStatusListener(ProposalViewService views) {
    this.views = views;
  }

  /** Changes the proposal's public status (one of CONTRACT §4's; anything else fails). */
  public void set(DelegateExecution execution, String status) {
    ProposalStatus next = ProposalStatus.of(status);
    String number = ProposalLifecycleProcess.number(execution);
    STATUS.set(execution, next.name());
    views.changeStatus(number, next, facts(execution), execution.getCurrentActivityName());
  }

  /** A public timeline entry for a step that does not change the status (e.g. 商议 通过). */
  public void step(DelegateExecution execution, String outcome) {
    views.recordStep(
        ProposalLifecycleProcess.number(execution), execution.getCurrentActivityName(), outcome);
  }

  private static ProposalView.Facts facts(DelegateExecution execution) {
    return new ProposalView.Facts(
        TITLE.get(execution),
        COMMUNITY.get(execution),
        COURTYARD.get(execution),
        CATEGORY.get(execution),
        MATTER_SCOPE.get(execution),
        TRACK.get(execution),
        LEVEL.get(execution),
        CO_SIGNERS.get(execution),
        submittedAt(SUBMITTED_AT.get(execution)),
        RATING.get(execution),
        CLOSED_UNRATED.get(execution),
        DELIBERATION_UNIT.get(execution),
        TIME_LIMITS.get(execution),
        SUBMITTER_PHONE.get(execution),
        ROUTE.get(execution),
        EXCLUSION.get(execution),
        REJECTION_REASON.get(execution),
        SELF_HELP_GUIDANCE.get(execution),
        SETTLED_BELOW_HANDLING_LEVEL.get(execution));
  }

  private static OffsetDateTime submittedAt(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("变量 " + SUBMITTED_AT + " 不是 ISO-8601 时间：" + value, e);
    }
  }
}
