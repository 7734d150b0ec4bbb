package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalVariables.*;

import cn.yishi.common.DiagramCallable;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the lifecycle's start event: refuses an invalid proposal (every bad field named, in
 * Chinese; the instance is not created) and fills the defaults of absent optional fields, so the
 * tables, the public view and every later step see the same values.
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
    Map<String, Object> checked = fields.checkSubmission(execution.getVariables());
    execution.setVariables(checked);
    execution.setVariable(ROUND, 1);
    execution.setVariable(SORTED, false);
    execution.setVariable(CLASSIFICATION_CORRECTED, false);
  }
}
