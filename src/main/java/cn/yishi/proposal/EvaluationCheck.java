package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalVariables.*;

import cn.yishi.common.DiagramCallable;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The submitter's rating (回访评价) must be one of CONTRACT §4's three; each evaluation starts blank. */
@DiagramCallable
@Component("evaluationCheck")
public class EvaluationCheck implements TaskListener {

  public static final Set<String> RATINGS = Set.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // a reopened proposal is rated afresh: the first rating stays in the history only
      task.getExecution().setVariable(RATING, null);
      task.getExecution().setVariable(EVALUATION_COMMENT, null);
      return;
    }
    Object rating = task.getVariable(RATING);
    if (rating == null || !RATINGS.contains(rating.toString())) {
      throw new InvalidProposalException(
          List.of(new FieldError(RATING, "请选择评价：满意、基本满意或不满意")));
    }
  }
}
