package cn.yishi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook channel: what it posts and how it signs it, that only a 2xx answer counts, that every
 * other outcome throws in Chinese without the secret, and that a webhook that cannot work stops the
 * start.
 */
class WebhookNotificationChannelTest {

  private static final String SECRET = "yishi-webhook-test-secret-0123456789";
  private static final BusinessTime TIME = new BusinessTime("Asia/Shanghai");
  private static final Instant NOW = Instant.parse("2026-03-05T01:30:00Z");
  private static final String ID = "6f1c1f1e-0000-4000-8000-000000000001";
  private static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static NotificationProperties webhook(String url, String secret, Duration timeout) {
    return new NotificationProperties(
        WebhookNotificationChannel.NAME,
        new NotificationProperties.Webhook(url, secret, Duration.ofSeconds(2), timeout));
  }

  private static WebhookNotificationChannel channel(String url) {
    return new WebhookNotificationChannel(webhook(url, SECRET, Duration.ofSeconds(5)), TIME);
  }

  private static Notification notification(int attempts) {
    return new Notification(
        ID,
        "JN-2026-000001",
        Notification.PHONE,
        "13800000000",
        "您的提案已受理。",
        WebhookNotificationChannel.NAME,
        OffsetDateTime.parse("2026-03-05T01:29:30Z"), // as PostgreSQL may return it: in UTC
        null,
        attempts,
        attempts == 0 ? null : "earlier failure");
  }

  // --- the signature ---------------------------------------------------------------------------

  @Test
  void signatureIsLowerCaseHexHmacSha256OfTimestampDotBody() throws Exception {
    byte[] body =
        "{\"id\":\"6f1c1f1e-0000-4000-8000-000000000001\",\"message\":\"您的提案已受理。\"}"
            .getBytes(StandardCharsets.UTF_8);

    String signature = WebhookNotificationChannel.signature(SECRET, 1772674200L, body);

    // computed with: printf '%s' '1772674200.<body>' | openssl dgst -sha256 -hmac '<secret>'
    assertThat(signature)
        .isEqualTo("999ae25df12a8bdbd2c5f1746e4f69a9fb84588c7bedb6c944cff176b64467d2");
    assertThat(signature).isEqualTo(hmac(SECRET, "1772674200." + new String(body, "UTF-8")));
    assertThat(WebhookNotificationChannel.signature(SECRET, 1772674201L, body))
        .isNotEqualTo(signature);
    assertThat(WebhookNotificationChannel.signature(SECRET + "x", 1772674200L, body))
        .isNotEqualTo(signature);
  }

  /** The receiver's side, written independently of the channel. */
  private static String hmac(String secret, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  // --- delivery --------------------------------------------------------------------------------

  @Test
  void postsTheNotificationAsSignedJsonAndA2xxAnswerIsDelivered() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NOW));
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      receiver.answer(200);

      channel(receiver.url()).send(notification(2));

      WebhookReceiver.Received request = receiver.received().get(0);
      assertThat(receiver.received()).hasSize(1);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
      assertThat(request.header("X-Yishi-Notification-Id")).isEqualTo(ID);
      assertThat(request.header("X-Yishi-Timestamp")).isEqualTo("1772674200");
      assertThat(request.header("X-Yishi-Signature"))
          .isEqualTo("sha256=" + hmac(SECRET, "1772674200." + request.text()))
          .isEqualTo(request.expectedSignature(SECRET));
      JsonNode body = JSON.readTree(request.body());
      assertThat(body.get("id").asText()).isEqualTo(ID);
      assertThat(body.get("proposalNumber").asText()).isEqualTo("JN-2026-000001");
      assertThat(body.get("recipientKind").asText()).isEqualTo("PHONE");
      assertThat(body.get("recipient").asText()).isEqualTo("13800000000");
      assertThat(body.get("message").asText()).isEqualTo("您的提案已受理。");
      assertThat(body.get("createdAt").asText()).isEqualTo("2026-03-05T09:29:30+08:00");
      assertThat(body.get("attempt").asInt())
          .as("two failed before: this is the third")
          .isEqualTo(3);
      assertThat(body.size()).isEqualTo(7);
    }
  }

  @Test
  void aNon2xxAnswerThrowsNamingTheStatusButNeitherSecretNorPath() {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      WebhookNotificationChannel channel = channel(receiver.url() + "?token=abc");
      for (int status : new int[] {503, 400, 302}) {
        receiver.answer(status);
        assertThatThrownBy(() -> channel.send(notification(0)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("HTTP " + status)
            .hasMessageContaining(ID)
            .hasMessageContaining("未送达")
            .hasMessageNotContaining(SECRET)
            .hasMessageNotContaining("token");
      }
      assertThat(receiver.received()).as("a redirect is not followed").hasSize(3);
    }
  }

  @Test
  void aDroppedConnectionOrATimeoutThrows() {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      receiver.dropConnections();
      assertThatThrownBy(() -> channel(receiver.url()).send(notification(0)))
          .hasMessageContaining("通信失败")
          .hasMessageNotContaining(SECRET);

      receiver.stayingSilent();
      WebhookNotificationChannel impatient =
          new WebhookNotificationChannel(
              webhook(receiver.url(), SECRET, Duration.ofMillis(300)), TIME);
      assertThatThrownBy(() -> impatient.send(notification(0)))
          .hasMessageContaining("答复超时")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Test
  void aReceiverThatIsNotListeningThrows() {
    String url;
    try (WebhookReceiver gone = WebhookReceiver.start()) {
      url = gone.url();
    }
    assertThatThrownBy(() -> channel(url).send(notification(0)))
        .hasMessageContaining("无法连接 webhook 接收方 http://127.0.0.1:")
        .hasMessageNotContaining(SECRET);
  }

  // --- settings --------------------------------------------------------------------------------

  @Test
  void webhookInUseWithoutAUsableUrlOrSecretStopsTheStart() {
    String[][] bad = {
      {null, SECRET, "yishi.notification.webhook.url"},
      {"  ", SECRET, "YISHI_NOTIFICATION_WEBHOOK_URL"},
      {"ftp://receiver.example/yishi", SECRET, "http:// 或 https://"},
      {"receiver.example/yishi", SECRET, "http:// 或 https://"},
      {"https://user:pw@receiver.example/yishi", SECRET, "不含用户名和密码"},
      {"https://receiver.example/yishi", null, "yishi.notification.webhook.secret"},
      {"https://receiver.example/yishi", SECRET.substring(0, 31), "至少需要 32 个字符"},
    };
    for (String[] settings : bad) {
      assertThatThrownBy(
              () ->
                  new WebhookNotificationChannel(
                      webhook(settings[0], settings[1], Duration.ofSeconds(5)), TIME))
          .as("url %s", settings[0])
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(settings[2])
          .hasMessageNotContaining(SECRET.substring(0, 31));
    }
    assertThatThrownBy(
            () ->
                new WebhookNotificationChannel(
                    webhook("https://receiver.example/yishi", SECRET, Duration.ZERO), TIME))
        .hasMessageContaining("yishi.notification.webhook.timeout");
    assertThatCode(
            () ->
                new WebhookNotificationChannel(
                    webhook(
                        "https://receiver.example/yishi", "s".repeat(32), Duration.ofSeconds(1)),
                    TIME))
        .doesNotThrowAnyException();
  }

  @Test
  void unusedWebhookNeedsNoSettingsButARowQueuedForItFailsUntilItIsConfigured() {
    WebhookNotificationChannel unused =
        new WebhookNotificationChannel(
            new NotificationProperties(LogNotificationChannel.NAME), TIME);

    assertThatThrownBy(() -> unused.send(notification(0)))
        .hasMessageContaining("yishi.notification.webhook.url");
  }

  @Configuration
  @EnableConfigurationProperties(NotificationProperties.class)
  static class Settings {
    @Bean
    WebhookNotificationChannel webhookChannel(NotificationProperties properties) {
      return new WebhookNotificationChannel(properties, TIME);
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void theSettingsBindFromYishiNotificationWebhookAndABadOneFailsTheStartInChinese() {
    runner
        .withPropertyValues(
            "yishi.notification.channel=webhook",
            "yishi.notification.webhook.url=https://receiver.example/yishi",
            "yishi.notification.webhook.secret=" + SECRET,
            "yishi.notification.webhook.connect-timeout=3s",
            "yishi.notification.webhook.timeout=PT20S")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              NotificationProperties.Webhook webhook =
                  context.getBean(NotificationProperties.class).webhook();
              assertThat(webhook.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat(webhook.timeout()).isEqualTo(Duration.ofSeconds(20));
            });
    runner
        .withPropertyValues("yishi.notification.channel=log")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              NotificationProperties.Webhook defaults =
                  context.getBean(NotificationProperties.class).webhook();
              assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
              assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
            });
    runner
        .withPropertyValues(
            "yishi.notification.channel=webhook",
            "yishi.notification.webhook.url=https://receiver.example/yishi",
            "yishi.notification.webhook.secret=short")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("yishi.notification.webhook.secret")
                    .hasMessageContaining("至少需要 32 个字符"));
  }
}
