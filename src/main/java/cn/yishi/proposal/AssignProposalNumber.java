package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.NUMBER;
import static cn.yishi.proposal.ProposalLifecycleProcess.SUBMITTED_AT;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.DiagramCallable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Delegate {@code ${assignProposalNumber}}: gives a new proposal its number (variable {@code
 * number} and the business key of the process instance) and records when it was submitted ({@code
 * submittedAt}, ISO-8601 in the business time zone). The number is what residents quote and what
 * every called procedure carries as its business key.
 *
 * <p>Always a new number and the time of now: a {@code number} or {@code submittedAt} present at
 * the start (which the API and {@code cn.yishi.security.ComputedVariablesGuard} refuse) is
 * overwritten, never kept, so no start can take over another proposal's number. A retried step
 * cannot have a number already: the failed attempt's transaction was rolled back with it.
 */
@DiagramCallable
@Component("assignProposalNumber")
public class AssignProposalNumber implements JavaDelegate {

  private final ProposalNumbers numbers;
  private final BusinessTime time;

  public AssignProposalNumber(ProposalNumbers numbers, BusinessTime time) {
    this.numbers = numbers;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var now = time.now();
    String number = numbers.next(now);
    NUMBER.set(execution, number);
    execution.setProcessBusinessKey(number);
    SUBMITTED_AT.set(execution, BusinessTime.format(now));
  }
}
