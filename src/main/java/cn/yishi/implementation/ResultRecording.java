package cn.yishi.implementation;

import static cn.yishi.implementation.ImplementationVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.common.StepActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The step 记录落实结果, as the {@code complete} task listener {@code resultRecording}: the result
 * must be written (it is signed and posted on the notice board as 实施结果公开), and the record
 * keeps who wrote it ({@value ImplementationVariables#RESULT_RECORDED_BY}): the user logged in
 * to Tasklist or the REST API, or else the task's assignee; with neither, the result is refused
 * (a signed result names who recorded it).
 */
@DiagramCallable
@Component("resultRecording")
public class ResultRecording implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object result = task.getVariable(RESULT);
    if (result == null || result.toString().isBlank()) {
      throw new InvalidStepInputException(RESULT, "请填写落实结果");
    }
    String text = result.toString().strip();
    if (text.length() > RESULT_MAX_LENGTH) {
      throw new InvalidStepInputException(RESULT, "落实结果不能超过" + RESULT_MAX_LENGTH + "字");
    }
    String recordedBy =
        StepActor.of(task)
            .orElseThrow(() -> new InvalidStepInputException(RESULT_RECORDED_BY, "无法确定落实结果记录人：请登录并认领任务后再提交"));
    task.getExecution().setVariable(RESULT, text);
    task.getExecution().setVariable(RESULT_RECORDED_BY, recordedBy);
  }
}
