package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.yishi.common.InvalidStepInputException;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;

/**
 * Asserts that completing a task is refused by a task listener with {@link
 * InvalidStepInputException} (the engine wraps it), naming the field, with the Chinese message, and
 * that the task stays open.
 */
final class StepInputAssertions {

  private StepInputAssertions() {}

  static void assertRefused(
      TaskService tasks,
      String taskId,
      Map<String, Object> variables,
      String field,
      String message) {
    Throwable thrown = catchThrowable(() -> tasks.complete(taskId, variables));
    InvalidStepInputException refusal = find(thrown);
    assertThat(refusal).as("refusal of task %s, thrown: %s", taskId, thrown).isNotNull();
    assertThat(refusal.field()).isEqualTo(field);
    assertThat(refusal.getMessage()).isEqualTo(message);
    assertThat(thrown.getMessage()).contains(message);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("task stays open").isEqualTo(1);
  }

  private static InvalidStepInputException find(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidStepInputException refusal) {
        return refusal;
      }
    }
    return null;
  }
}
