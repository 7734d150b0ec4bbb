package cn.yishi.notice;

import static cn.yishi.notice.PublicNoticeVariables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of publicNotice (公示): the period runs out, or a resident objects within it. */
@Deployment(resources = "processes/publicNotice.bpmn")
class PublicNoticeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private FakeNotices notices;

  @BeforeEach
  void registerNotices() {
    notices = new FakeNotices();
    Mocks.register("notices", notices);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  private static Map<String, Object> resultNotice(String noticePeriod) {
    Map<String, Object> v = new HashMap<>();
    v.put("number", "JN-2026-000123");
    v.put("title", "马鞍北路8号院清理飞线充电");
    v.put(NOTICE_KIND, KIND_RESULT);
    v.put(NOTICE_CONTENT, "居民已自行拆除飞线，院内新设充电桩12个。");
    Map<String, Object> timeLimits = new HashMap<>();
    timeLimits.put(NOTICE_PERIOD, noticePeriod);
    v.put(TIME_LIMITS, timeLimits);
    return v;
  }

  /** Starts a notice and runs the asynchronous publication, as the job executor would. */
  private ProcessInstance publish(Map<String, Object> variables) {
    int postedBefore = notices.published.size();
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(PROCESS_KEY, "JN-2026-000123", variables);
    assertThat(instance).isWaitingAt("Task_PublishNotice");
    Assertions.assertThat(notices.published).as("nothing is posted before the job runs").hasSize(postedBefore);
    execute(job(instance));
    Assertions.assertThat(notices.published).hasSize(postedBefore + 1);
    return instance;
  }

  @Test
  void noticeWithoutObjectionEndsNoObjectionWhenTheSevenDayPeriodIsOver() {
    Instant before = Instant.now();
    ProcessInstance instance = publish(resultNotice("P7D"));

    assertThat(instance).isWaitingAt("Gateway_AnyObjection");
    Assertions.assertThat(notices.published).containsExactly("RESULT: 居民已自行拆除飞线，院内新设充电桩12个。");
    assertThat(instance).variables().containsEntry(NOTICE_ID, "notice-1").containsKey(NOTICE_UNTIL);
    Job timer = jobQuery().processInstanceId(instance.getId()).timers().singleResult();
    Assertions.assertThat(timer.getDuedate().toInstant())
        .isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));

    execute(timer);

    assertThat(instance).hasPassed("Task_CloseNoticeAtPeriodEnd").isEnded();
    assertThat(instance).hasPassed("Event_NoObjection").hasNotPassed("Event_ObjectionReceived");
    assertThat(instance)
        .variables()
        .containsEntry(NOTICE_OUTCOME, NO_OBJECTION)
        .containsEntry(NOTICE_ID, "notice-1");
    Assertions.assertThat(notices.closed).containsExactly("notice-1 " + NO_OBJECTION);
  }

  @Test
  void urgentMattersAreNoticedForTheirShorterPeriod() {
    Instant before = Instant.now();
    ProcessInstance instance = publish(resultNotice("P3D"));

    Job timer = jobQuery().processInstanceId(instance.getId()).timers().singleResult();
    Assertions.assertThat(timer.getDuedate().toInstant())
        .isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
  }

  @Test
  void objectionWithinThePeriodEndsTheNoticeObjectedAndClosesIt() {
    ProcessInstance instance = publish(resultNotice("P7D"));

    runtimeService()
        .createMessageCorrelation(OBJECTION_MESSAGE)
        .processInstanceVariableEquals(NOTICE_ID, "notice-1")
        .correlate();

    assertThat(instance).hasPassed("Event_ObjectionReceived", "Task_CloseNoticeOnObjection", "Event_Objected");
    assertThat(instance).isEnded().hasNotPassed("Event_NoticePeriodEnded");
    assertThat(instance).variables().containsEntry(NOTICE_OUTCOME, OBJECTED);
    Assertions.assertThat(notices.closed).containsExactly("notice-1 " + OBJECTED);
    Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count())
        .as("the notice period timer is gone")
        .isZero();
  }

  @Test
  void objectionReachesOnlyTheNoticeItIsAbout() {
    ProcessInstance first = publish(resultNotice("P7D"));
    Map<String, Object> resolution = resultNotice("P7D");
    resolution.put(NOTICE_KIND, KIND_RESOLUTION);
    resolution.put(NOTICE_CONTENT, "决议：在院内设集中充电点。");
    ProcessInstance second = publish(resolution);
    assertThat(second).variables().containsEntry(NOTICE_ID, "notice-2");

    runtimeService()
        .createMessageCorrelation(OBJECTION_MESSAGE)
        .processInstanceVariableEquals(NOTICE_ID, "notice-2")
        .correlate();

    assertThat(second).isEnded().variables().containsEntry(NOTICE_OUTCOME, OBJECTED);
    assertThat(first).isWaitingAt("Gateway_AnyObjection");
    Assertions.assertThat(notices.published).contains("RESOLUTION: 决议：在院内设集中充电点。");
  }

  @Test
  void failedPublicationIsRetriedByTheEngineAndPostsNothing() {
    notices.failPublishing = true;
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(PROCESS_KEY, resultNotice("P7D"));
    Job publication = job(instance);

    Assertions.assertThatThrownBy(() -> managementService().executeJob(publication.getId()))
        .hasMessageContaining("notice board unavailable");

    Assertions.assertThat(job(instance).getRetries()).isEqualTo(2);
    assertThat(instance).isWaitingAt("Task_PublishNotice");
    Assertions.assertThat(notices.published).isEmpty();
  }

  /** Stands in for the {@code notices} service: numbers notices and records what was posted and closed. */
  public static class FakeNotices {
    final List<String> published = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    boolean failPublishing;

    public void publish(DelegateExecution execution) {
      if (failPublishing) {
        throw new IllegalStateException("notice board unavailable");
      }
      published.add(execution.getVariable(NOTICE_KIND) + ": " + execution.getVariable(NOTICE_CONTENT));
      execution.setVariable(NOTICE_ID, "notice-" + published.size());
      execution.setVariable(NOTICE_UNTIL, new java.util.Date());
    }

    public void close(DelegateExecution execution) {
      closed.add(execution.getVariable(NOTICE_ID) + " " + execution.getVariable(NOTICE_OUTCOME));
    }
  }
}
