package cn.yishi.notification;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.notification.NotificationDeliveryProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.common.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** notificationDelivery: one outbox row, sent once, retried when the channel fails, never lost. */
@Deployment(resources = "processes/notificationDelivery.bpmn")
class NotificationDeliveryProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final String ID = "6f1c1f1e-0000-4000-8000-000000000001";
  private static final String PHONE = "13800000000";
  private static final Instant NOW = Instant.parse("2026-03-05T01:30:00Z");

  private final NotificationOutbox outbox = mock(NotificationOutbox.class);
  private final RecordingChannel channel = new RecordingChannel();

  @BeforeEach
  void registerDelegate() {
    Mocks.register(
        "deliverNotification",
        new DeliverNotification(
            outbox,
            List.of(channel),
            new BusinessTime("Asia/Shanghai"),
            new NotificationProperties(LogNotificationChannel.NAME)));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private static Notification queued(OffsetDateTime deliveredAt) {
    return new Notification(
        ID,
        "JN-2026-000001",
        Notification.PHONE,
        PHONE,
        "您的提案已受理。",
        "log",
        OffsetDateTime.parse("2026-03-05T09:30:00+08:00"),
        deliveredAt,
        deliveredAt == null ? 0 : 1,
        null);
  }

  private ProcessInstance queue() {
    return BpmnAwareTests.runtimeService()
        .startProcessInstanceByKey(KEY, Map.of(NOTIFICATION_ID.name(), ID));
  }

  private static ManagementService management() {
    return BpmnAwareTests.managementService();
  }

  @Test
  void queuedNotificationIsSentOnceAfterTheStepAndMarkedDelivered() {
    when(outbox.find(ID)).thenReturn(Optional.of(queued(null)));

    ProcessInstance instance = queue();

    // nothing is sent in the step's own transaction: delivery waits for the job
    BpmnAwareTests.assertThat(instance)
        .isWaitingAt(NotificationDeliveryProcess.TASK_DELIVER_NOTIFICATION);
    assertThat(channel.sent).isEmpty();

    BpmnAwareTests.execute(BpmnAwareTests.job(instance));

    BpmnAwareTests.assertThat(instance)
        .hasPassed(NotificationDeliveryProcess.EVENT_NOTIFICATION_DELIVERED)
        .isEnded();
    assertThat(channel.sent).extracting(Notification::recipient).containsExactly(PHONE);
    verify(outbox).markDelivered(eq(ID), any(OffsetDateTime.class));
    verify(outbox, never()).recordFailedAttempt(anyString(), anyString());
  }

  @Test
  void failingChannelIsRetriedAtGrowingIntervalsThenAnIncidentAndTheNotificationStaysUndelivered() {
    when(outbox.find(ID)).thenReturn(Optional.of(queued(null)));
    channel.failing = true;
    ClockUtil.setCurrentTime(Date.from(NOW));
    ProcessInstance instance = queue();

    // PT1M,PT5M,PT15M,PT1H,PT4H: the first try, then five retries, each waiting longer
    List<Duration> waits = new ArrayList<>();
    List<Integer> retriesLeft = new ArrayList<>();
    Job job = BpmnAwareTests.job(instance);
    while (job.getRetries() > 0) {
      String jobId = job.getId();
      Instant failedAt = ClockUtil.getCurrentTime().toInstant();
      assertThatThrownBy(() -> management().executeJob(jobId)).hasMessageContaining("短信网关不可用");
      job = BpmnAwareTests.job(instance);
      retriesLeft.add(job.getRetries());
      if (job.getRetries() > 0) {
        waits.add(Duration.between(failedAt, job.getDuedate().toInstant()));
        ClockUtil.setCurrentTime(job.getDuedate()); // the job executor would pick it up then
      }
    }

    assertThat(waits)
        .containsExactly(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(4));
    assertThat(retriesLeft).containsExactly(5, 4, 3, 2, 1, 0);
    assertThat(channel.attempts).isEqualTo(6);
    DeliveryIncidents.theFailedDelivery(
        BpmnAwareTests.runtimeService()
            .createIncidentQuery()
            .processInstanceId(instance.getId())
            .list());
    BpmnAwareTests.assertThat(instance)
        .isWaitingAt(NotificationDeliveryProcess.TASK_DELIVER_NOTIFICATION);
    verify(outbox, times(6)).recordFailedAttempt(eq(ID), anyString());
    verify(outbox, never()).markDelivered(anyString(), any());
  }

  @Test
  void notificationDeliveredBeforeIsNotSentAgain() {
    when(outbox.find(ID))
        .thenReturn(Optional.of(queued(OffsetDateTime.parse("2026-03-05T09:31:00+08:00"))));
    ProcessInstance instance = queue();

    BpmnAwareTests.execute(BpmnAwareTests.job(instance));

    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(channel.attempts).isZero();
    verify(outbox, never()).markDelivered(anyString(), any());
  }

  @Test
  void unknownNotificationFailsTheJobNamingIt() {
    when(outbox.find(ID)).thenReturn(Optional.empty());
    ProcessInstance instance = queue();
    String jobId = BpmnAwareTests.job(instance).getId();

    assertThatThrownBy(() -> management().executeJob(jobId)).hasMessageContaining(ID);
    assertThat(channel.attempts).isZero();
  }

  /** A channel that records what it sent, or fails like an unreachable SMS gateway. */
  static class RecordingChannel implements NotificationChannel {
    final List<Notification> sent = new ArrayList<>();
    boolean failing;
    int attempts;

    @Override
    public String name() {
      return "log";
    }

    @Override
    public void send(Notification notification) {
      attempts++;
      if (failing) {
        throw new IllegalStateException("短信网关不可用");
      }
      sent.add(notification);
    }
  }
}
