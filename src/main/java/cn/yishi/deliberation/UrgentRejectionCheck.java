package cn.yishi.deliberation;

import static cn.yishi.deliberation.UrgentDeliberationVariables.REJECTION_REASON;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on urgentDeliberation's Task_RecordRejection: a rejection
 * always tells the submitter why, so the reason is required even when the task is completed
 * through the REST API rather than the form.
 */
@DiagramCallable
@Component("urgentRejectionCheck")
public class UrgentRejectionCheck implements TaskListener {

  static final int MAX_REASON = 1000;

  @Override
  public void notify(DelegateTask task) {
    Object reason = task.getVariable(REJECTION_REASON);
    if (reason == null || reason.toString().isBlank()) {
      throw new InvalidStepInputException(REJECTION_REASON, "请写明不予通过的理由，理由将告知提案人");
    }
    if (reason.toString().length() > MAX_REASON) {
      throw new InvalidStepInputException(REJECTION_REASON, "不予通过的理由不能超过" + MAX_REASON + "字");
    }
  }
}
