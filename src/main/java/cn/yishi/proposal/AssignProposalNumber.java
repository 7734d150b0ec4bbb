package cn.yishi.proposal;

import cn.yishi.common.DiagramCallable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Delegate {@code ${assignProposalNumber}}: gives a new proposal its number (variable
 * {@code number} and the business key of the process instance) and records when it was submitted
 * ({@code submittedAt}, ISO-8601 in the business time zone). The number is what residents quote
 * and what every called procedure carries as its business key.
 *
 * <p>A proposal that already has a number (a retried step) keeps it.
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
    Object existing = execution.getVariable(ProposalVariables.NUMBER);
    var now = time.now();
    String number = existing instanceof String s && !s.isBlank() ? s : numbers.next(now);
    execution.setVariable(ProposalVariables.NUMBER, number);
    execution.setProcessBusinessKey(number);
    if (execution.getVariable(ProposalStatusVariables.SUBMITTED_AT) == null) {
      execution.setVariable(ProposalStatusVariables.SUBMITTED_AT, BusinessTime.format(now));
    }
  }
}
