package cn.yishi.common;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who completes a task: the staff member logged in to Tasklist or the REST API, else the task's
 * assignee. Records that name a person (corrections, meeting records, results) take it from here.
 */
public final class StepActor {

  private StepActor() {}

  /** The authenticated user, else the assignee; empty when there is neither. */
  public static Optional<String> of(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return Optional.of(authentication.getUserId());
    }
    String assignee = task.getAssignee();
    return assignee == null || assignee.isBlank() ? Optional.empty() : Optional.of(assignee);
  }
}
