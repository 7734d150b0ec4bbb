package cn.yishi.supervision;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.supervision.SupervisionProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yishi.organisation.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The supervision (督办) process: the level above gets the task, due within responseWithin. */
@Deployment(resources = {"processes/supervision.bpmn", "processes/supervise.form"})
class SupervisionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

  @BeforeEach
  void beans() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    Groups groups = mock(Groups.class);
    when(groups.caseworkers("jn-jld")).thenReturn("jn-jld.caseworker");
    Mocks.register("groups", groups);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theStreetsCaseworkersSuperviseAnOverdueCommunityStepAndRecordTheirNote() {
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER.name(), "JN-2026-000123");
    v.put(TITLE.name(), "菁华园瀑布噪音扰民");
    v.put(TIME_LIMITS.name(), Map.of("responseWithin", "P2D", "reminderBefore", "PT4H"));
    v.put(SUPERVISING_UNIT.name(), "jn-jld");
    v.put(SUPERVISED_UNIT.name(), "jn-jld-jldbl");
    v.put(SUPERVISED_STEP.name(), "分拣提案");
    v.put(SUPERVISED_DUE.name(), Date.from(NOW.minus(Duration.ofHours(1))));
    ProcessInstance instance =
        runtimeService().startProcessInstanceByKey(SupervisionProcess.KEY, "JN-2026-000123", v);

    assertThat(instance).isWaitingAt(SupervisionProcess.TASK_SUPERVISE);
    Task supervise = task(instance);
    assertThat(supervise).hasCandidateGroup("jn-jld.caseworker");
    org.assertj.core.api.Assertions.assertThat(supervise.getDueDate().toInstant())
        .isEqualTo(NOW.plus(Duration.ofDays(2)));

    complete(supervise, Map.of(SUPERVISION_NOTE.name(), "已电话督促九里堤北路社区，承诺明日完成分拣。"));

    assertThat(instance).hasPassed(SupervisionProcess.EVENT_SUPERVISED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(SUPERVISION_NOTE.name(), "已电话督促九里堤北路社区，承诺明日完成分拣。");
  }
}
