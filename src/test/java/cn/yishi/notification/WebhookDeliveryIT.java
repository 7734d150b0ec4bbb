package cn.yishi.notification;

import static cn.yishi.common.CommonVariables.COMMUNITY;
import static cn.yishi.common.CommonVariables.DESCRIPTION;
import static cn.yishi.common.CommonVariables.NUMBER;
import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.proposal.ProposalLifecycleProcess.AFFECTED_HOUSEHOLDS;
import static cn.yishi.proposal.ProposalLifecycleProcess.COURTYARD;
import static cn.yishi.proposal.ProposalLifecycleProcess.ESTIMATED_COST;
import static cn.yishi.proposal.ProposalLifecycleProcess.SCOPE;
import static cn.yishi.proposal.ProposalLifecycleProcess.SUBMITTER_NAME;
import static cn.yishi.proposal.ProposalLifecycleProcess.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications through the channel {@code webhook} on the real engine and database (H2 and
 * PostgreSQL), to a local receiver: a submission's notification to its submitter reaches the
 * receiver once, signed; while the receiver is down the delivery is retried after the back-off's
 * first interval and arrives when it is back; a receiver down for good leaves an incident in
 * Cockpit and the notification in the outbox until an operator retries the job. The job executor is
 * off: the test runs the delivery jobs.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "yishi.notification.channel=webhook",
      "yishi.notification.webhook.secret=" + WebhookDeliveryIT.SECRET,
      "yishi.notification.webhook.timeout=5s"
    })
class WebhookDeliveryIT {

  static final String SECRET = "webhook-it-secret-0123456789abcdefghij";
  private static final String PHONE = "13712345678";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final WebhookReceiver receiver = WebhookReceiver.start();

  @DynamicPropertySource
  static void receiverAddress(DynamicPropertyRegistry registry) {
    registry.add("yishi.notification.webhook.url", receiver::url);
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired NotificationOutbox outbox;

  @BeforeEach
  void receiverUp() {
    receiver.answer(204);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A notification the product queued: the one a resident's submission sends its submitter. */
  private Notification submitted() {
    Map<String, Object> proposal = new HashMap<>();
    proposal.put(TITLE.name(), "金沙国际小区绿地提升");
    proposal.put(DESCRIPTION.name(), "小区中心绿地裸土多，建议补种花木、增设座椅。");
    proposal.put(COMMUNITY.name(), "jn-cdz-hz");
    proposal.put(COURTYARD.name(), "jn-cdz-hz-jsgj");
    proposal.put(SUBMITTER_NAME.name(), "赵女士");
    proposal.put(SUBMITTER_PHONE.name(), PHONE);
    proposal.put(TOPIC.name(), "GREENING");
    proposal.put(SCOPE.name(), "COMMUNITY");
    proposal.put(AFFECTED_HOUSEHOLDS.name(), 300);
    proposal.put(ESTIMATED_COST.name(), 30000);
    ResponseEntity<JsonNode> created =
        http.postForEntity("/api/proposals", proposal, JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = created.getBody().get(NUMBER.name()).asText();
    List<Notification> queued = outbox.ofProposal(number);
    assertThat(queued).singleElement().satisfies(n -> assertThat(n.delivered()).isFalse());
    assertThat(queued.get(0).channel()).isEqualTo(WebhookNotificationChannel.NAME);
    return queued.get(0);
  }

  /** The notificationDelivery instance of the submission's notification. */
  private String deliveryOf(Notification notification) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(NotificationDeliveryProcess.KEY)
        .processInstanceBusinessKey(notification.proposalNumber())
        .singleResult()
        .getId();
  }

  private Job jobOf(String delivery) {
    return managementService.createJobQuery().processInstanceId(delivery).singleResult();
  }

  private Notification row(Notification notification) {
    return outbox.find(notification.id()).orElseThrow();
  }

  private boolean running(String delivery) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(delivery).count() == 1;
  }

  private static JsonNode json(WebhookReceiver.Received request) throws IOException {
    return JSON.readTree(request.body());
  }

  @Test
  void aSubmittersNotificationReachesTheReceiverOnceSignedAndIsMarkedDelivered()
      throws IOException {
    Notification queued = submitted();
    String delivery = deliveryOf(queued);
    assertThat(receiver.about(queued.id())).as("nothing is sent before the job runs").isEmpty();

    managementService.executeJob(jobOf(delivery).getId());

    List<WebhookReceiver.Received> got = receiver.about(queued.id());
    assertThat(got).hasSize(1);
    WebhookReceiver.Received request = got.get(0);
    assertThat(request.header(WebhookNotificationChannel.SIGNATURE_HEADER))
        .isEqualTo(request.expectedSignature(SECRET));
    assertThat(request.expectedSignature(SECRET + "-other"))
        .isNotEqualTo(request.expectedSignature(SECRET));
    JsonNode body = json(request);
    assertThat(body.get("id").asText()).isEqualTo(queued.id());
    assertThat(body.get("proposalNumber").asText()).isEqualTo(queued.proposalNumber());
    assertThat(body.get("recipientKind").asText()).isEqualTo(Notification.PHONE);
    assertThat(body.get("recipient").asText()).isEqualTo(PHONE);
    assertThat(body.get("message").asText()).isEqualTo(queued.message());
    assertThat(body.get("createdAt").asText()).endsWith("+08:00");
    assertThat(body.get("attempt").asInt()).isOne();

    Notification delivered = row(queued);
    assertThat(delivered.delivered()).isTrue();
    assertThat(delivered.attempts()).isOne();
    assertThat(delivered.lastError()).isNull();
    assertThat(running(delivery)).isFalse();
  }

  @Test
  void whileTheReceiverIsDownTheDeliveryWaitsForTheFirstIntervalThenArrivesOnce()
      throws IOException {
    Notification queued = submitted();
    String delivery = deliveryOf(queued);
    String jobId = jobOf(delivery).getId();
    receiver.answer(503);
    Instant failedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(failedAt));

    assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("HTTP 503");

    Job retried = jobOf(delivery);
    assertThat(retried.getId()).isEqualTo(jobId);
    assertThat(retried.getRetries()).isEqualTo(5);
    assertThat(retried.getDuedate().toInstant()).isEqualTo(failedAt.plus(Duration.ofMinutes(1)));
    assertThat(retried.getExceptionMessage()).contains("HTTP 503");
    Notification failed = row(queued);
    assertThat(failed.delivered()).isFalse();
    assertThat(failed.attempts()).isOne();
    assertThat(failed.lastError()).contains("HTTP 503").doesNotContain(SECRET);
    assertThat(running(delivery)).isTrue();

    receiver.answer(200);
    ClockUtil.setCurrentTime(retried.getDuedate());
    managementService.executeJob(jobId);

    List<WebhookReceiver.Received> got = receiver.about(queued.id());
    assertThat(got).extracting(WebhookReceiver.Received::answer).containsExactly(503, 200);
    assertThat(json(got.get(0)).get("attempt").asInt()).isOne();
    assertThat(json(got.get(1)).get("attempt").asInt()).isEqualTo(2);
    assertThat(json(got.get(1)).get("id").asText()).isEqualTo(queued.id());
    assertThat(got.get(1).header(WebhookNotificationChannel.SIGNATURE_HEADER))
        .isEqualTo(got.get(1).expectedSignature(SECRET));
    Notification delivered = row(queued);
    assertThat(delivered.delivered()).isTrue();
    assertThat(delivered.attempts()).isEqualTo(2);
    assertThat(delivered.lastError()).isNull();
    assertThat(running(delivery)).isFalse();
  }

  @Test
  void aReceiverDownForGoodLeavesAnIncidentUntilAnOperatorRetriesTheJobInCockpit() {
    Notification queued = submitted();
    String delivery = deliveryOf(queued);
    String jobId = jobOf(delivery).getId();
    receiver.dropConnections();

    int tries = 0;
    while (jobOf(delivery).getRetries() > 0) {
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasMessageContaining("未送达")
          .hasMessageContaining("通信失败");
      tries++;
    }

    assertThat(tries).as("the first try and five retries").isEqualTo(6);
    Incident incident =
        DeliveryIncidents.theFailedDelivery(
            runtimeService.createIncidentQuery().processInstanceId(delivery).list());
    assertThat(incident.getIncidentMessage()).contains("通信失败");
    Notification stuck = row(queued);
    assertThat(stuck.delivered()).isFalse();
    assertThat(stuck.attempts()).isEqualTo(6);
    assertThat(stuck.lastError()).contains("通信失败");
    assertThat(receiver.about(queued.id()))
        .hasSize(6)
        .noneMatch(WebhookReceiver.Received::accepted);

    receiver.answer(204);
    managementService.setJobRetries(jobId, 1); // Cockpit: "增加重试次数" on the incident
    managementService.executeJob(jobId);

    assertThat(row(queued).delivered()).isTrue();
    assertThat(row(queued).attempts()).isEqualTo(7);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(delivery).count()).isZero();
    assertThat(running(delivery)).isFalse();
    assertThat(receiver.about(queued.id()))
        .filteredOn(WebhookReceiver.Received::accepted)
        .hasSize(1);
  }
}
