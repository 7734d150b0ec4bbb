package cn.yishi.implementation;

import static cn.yishi.implementation.ImplementationProcess.RESULT;
import static cn.yishi.implementation.ImplementationProcess.RESULT_MAX_LENGTH;
import static cn.yishi.implementation.ImplementationProcess.RESULT_RECORDED_BY;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepActor;
import cn.yishi.common.StepCheck;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The step 记录落实结果, as the {@code complete} task listener {@code resultRecording}: the result must
 * be written (it is signed and posted on the notice board as 实施结果公开), and the record keeps who
 * wrote it ({@code resultRecordedBy}): the user logged in to Tasklist or the REST API, or else the
 * task's assignee; with neither, the result is refused (a signed result names who recorded it).
 */
@DiagramCallable
@Component("resultRecording")
public class ResultRecording implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    StepCheck check = StepCheck.of(task);
    String text =
        check.requiredText(
            RESULT, RESULT_MAX_LENGTH, "请填写落实结果", "落实结果不能超过" + RESULT_MAX_LENGTH + "字");
    Optional<String> recordedBy = StepActor.of(task);
    check.rule(recordedBy.isPresent(), RESULT_RECORDED_BY, "无法确定落实结果记录人：请登录并认领任务后再提交");
    RESULT.set(task.getExecution(), text);
    RESULT_RECORDED_BY.set(task.getExecution(), recordedBy.get());
  }
}
