package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives the test doubles of called processes (src/test/resources/stubs: they wait in {@code
 * Task_Stub}) from a caller's engine test.
 */
final class CalledProcessStubs {

  private final ProcessEngineServices engine;

  CalledProcessStubs(ProcessEngineServices engine) {
    this.engine = engine;
  }

  /** The instance the caller is waiting on; fails unless it is of {@code processKey}. */
  ProcessInstance called(ProcessInstance caller, String processKey) {
    ProcessInstance called =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .superProcessInstanceId(caller.getId())
            .singleResult();
    assertThat(called).as("%s is waiting on a called process", caller.getId()).isNotNull();
    String key =
        engine
            .getRepositoryService()
            .getProcessDefinition(called.getProcessDefinitionId())
            .getKey();
    assertThat(key).isEqualTo(processKey);
    return called;
  }

  Map<String, Object> variables(ProcessInstance called) {
    return engine.getRuntimeService().getVariables(called.getId());
  }

  /** Completes the stub with the outputs the caller maps back. */
  void finish(ProcessInstance called, Map<String, Object> outputs) {
    Task stub =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(called.getId())
            .taskDefinitionKey("Task_Stub")
            .singleResult();
    assertThat(stub).as("stub task of %s", called.getId()).isNotNull();
    engine.getTaskService().complete(stub.getId(), outputs);
  }
}
