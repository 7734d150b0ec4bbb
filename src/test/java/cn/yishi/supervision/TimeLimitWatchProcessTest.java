package cn.yishi.supervision;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The watch process (办理时效监督): its timer fires at the configured interval and each round runs the
 * watch asynchronously (a failure is retried, the timer goes on).
 */
@Deployment(resources = "processes/timeLimitWatch.bpmn")
class TimeLimitWatchProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final Instant DEPLOYED = Instant.parse("2026-11-22T01:00:00Z");
  private final SupervisionService supervision = mock(SupervisionService.class);

  @BeforeEach
  void beans() {
    ClockUtil.setCurrentTime(Date.from(DEPLOYED));
    Mocks.register(
        "timeLimitWatchSchedule", new TimeLimitWatchSchedule(new SupervisionProperties("PT10M")));
    Mocks.register(
        TimeLimitWatchProcess.KEY,
        new TimeLimitWatch(
            supervision,
            mock(cn.yishi.statistics.StatisticsService.class),
            new cn.yishi.common.BusinessTime("Asia/Shanghai")));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private static Job timer() {
    return managementService()
        .createJobQuery()
        .processDefinitionKey(TimeLimitWatchProcess.KEY)
        .timers()
        .singleResult();
  }

  @Test
  void everyConfiguredIntervalTheWatchRunsOnTheEnginesClock() throws Exception {
    org.assertj.core.api.Assertions.assertThat(timer().getDuedate().toInstant())
        .isEqualTo(DEPLOYED.plus(Duration.ofMinutes(10)));

    Instant firstRound = DEPLOYED.plus(Duration.ofMinutes(10));
    ClockUtil.setCurrentTime(Date.from(firstRound));
    execute(timer());
    ProcessInstance round =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(TimeLimitWatchProcess.KEY)
            .singleResult();
    assertThat(round).isWaitingAt(TimeLimitWatchProcess.TASK_WATCH_TIME_LIMITS);
    verify(supervision, never()).watch(any());

    execute(job(round));

    assertThat(round).hasPassed(TimeLimitWatchProcess.EVENT_WATCHED).isEnded();
    verify(supervision, times(1)).watch(firstRound);
    org.assertj.core.api.Assertions.assertThat(timer().getDuedate().toInstant())
        .isEqualTo(firstRound.plus(Duration.ofMinutes(10)));
    org.assertj.core.api.Assertions.assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(TimeLimitWatchProcess.KEY)
                .count())
        .isEqualTo(1);
  }
}
