package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.ROUND;
import static cn.yishi.proposal.ProposalLifecycleProcess.CLASSIFICATION_CORRECTED;
import static cn.yishi.proposal.ProposalLifecycleProcess.SORTED;

import cn.yishi.common.DiagramCallable;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the lifecycle's start event: refuses an invalid proposal (every bad field named, in Chinese;
 * the instance is not created) and fills the defaults of absent optional fields, so the tables, the
 * public view and every later step see the same values.
 */
@DiagramCallable
@Component("proposalSubmissionCheck")
public class ProposalSubmissionCheck implements ExecutionListener {

  private final ProposalFields fields;

  public ProposalSubmissionCheck(ProposalFields fields) {
    this.fields = fields;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> submitted = execution.getVariables();
    Map<String, Object> checked = fields.checkSubmission(submitted);
    // only what the check changed or added is written: rewriting an unchanged value would cost an
    // update of the variable and of its history (two rows per field) on every submission
    checked.forEach(
        (name, value) -> {
          if (!submitted.containsKey(name) || !sameValue(submitted.get(name), value)) {
            execution.setVariable(name, value);
          }
        });
    ROUND.set(execution, 1);
    SORTED.set(execution, false);
    CLASSIFICATION_CORRECTED.set(execution, false);
  }

  /** Equal and of the same Java type (an Integer normalised to a Long is a change). */
  private static boolean sameValue(Object before, Object after) {
    return Objects.equals(before, after)
        && (before == null || before.getClass() == after.getClass());
  }
}
