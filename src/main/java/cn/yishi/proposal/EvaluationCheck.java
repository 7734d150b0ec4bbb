package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalLifecycleProcess.EVALUATION_COMMENT;
import static cn.yishi.proposal.ProposalLifecycleProcess.RATING;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The submitter's rating (回访评价) must be one of CONTRACT §4's three; each evaluation starts blank.
 */
@DiagramCallable
@Component("evaluationCheck")
public class EvaluationCheck implements TaskListener {

  /** In the order the form and the messages list them. */
  public static final List<String> RATINGS =
      List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // a reopened proposal is rated afresh: the first rating stays in the history only
      RATING.set(task.getExecution(), null);
      EVALUATION_COMMENT.set(task.getExecution(), null);
      return;
    }
    StepCheck.of(task).oneOf(RATING, RATINGS, "请选择评价：满意、基本满意或不满意");
  }
}
