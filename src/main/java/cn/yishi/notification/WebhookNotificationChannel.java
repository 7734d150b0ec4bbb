package cn.yishi.notification;

import cn.yishi.common.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Channel {@code webhook}: POSTs each notification as JSON to {@code
 * yishi.notification.webhook.url} (an SMS gateway's or the mini-program backend's adapter), signed
 * with HMAC-SHA256 over {@code timestamp + "." + body} with the shared secret (README, "通知
 * webhook"). Only a 2xx answer counts as delivered; any other answer, a timeout or a connection
 * failure throws, so {@code notificationDelivery} retries, and the receiver may see a notification
 * more than once (its {@code id} says which).
 *
 * <p>Chosen with {@code yishi.notification.channel: webhook}, Yishi does not start without a usable
 * URL and secret. Redirects are not followed: the signed body goes to the configured address only.
 */
@Component
public class WebhookNotificationChannel implements NotificationChannel {

  public static final String NAME = "webhook";
  public static final String ID_HEADER = "X-Yishi-Notification-Id";
  public static final String TIMESTAMP_HEADER = "X-Yishi-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Yishi-Signature";
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private static final String HMAC = "HmacSHA256";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationProperties.Webhook settings;
  private final BusinessTime time;
  private HttpClient client;
  private URI uri;

  public WebhookNotificationChannel(NotificationProperties properties, BusinessTime time) {
    this.settings = properties.webhook();
    this.time = time;
    if (NAME.equals(properties.channel())) {
      connect(); // a channel in use that cannot work stops the start
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Checks the settings and builds the client once; a row queued for {@code webhook} while another
   * channel is configured fails here (and is retried) until the webhook is set up.
   */
  private synchronized HttpClient connect() {
    if (client == null) {
      uri = settings.checkedUri();
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(settings.connectTimeout())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return client;
  }

  @Override
  public void send(Notification notification) {
    HttpClient http = connect();
    byte[] body = body(notification);
    long timestamp = time.now().toEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Content-Type", CONTENT_TYPE)
            .header(ID_HEADER, notification.id())
            .header(TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(SIGNATURE_HEADER, "sha256=" + signature(settings.secret(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    String target = receiver();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (HttpConnectTimeoutException e) {
      throw failure(notification, target + " 连接超时（" + settings.connectTimeout() + " 内未连上）", e);
    } catch (HttpTimeoutException e) {
      throw failure(notification, target + " 答复超时（" + settings.timeout() + " 内没有答复）", e);
    } catch (ConnectException e) {
      throw failure(notification, "无法连接 " + target + "（" + cause(e) + "）", e);
    } catch (IOException e) {
      throw failure(notification, "与 " + target + " 通信失败（" + cause(e) + "）", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(notification, "等待 " + target + " 答复时被中断", e);
    }
    if (status < 200 || status > 299) {
      throw failure(notification, target + " 答复 HTTP " + status + "（只有 2xx 算送达）", null);
    }
  }

  /** The JSON the receiver gets (UTF-8; field order fixed). */
  byte[] body(Notification notification) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", notification.id());
    fields.put("proposalNumber", notification.proposalNumber());
    fields.put("recipientKind", notification.recipientKind());
    fields.put("recipient", notification.recipient());
    fields.put("message", notification.message());
    fields.put("createdAt", BusinessTime.format(time.inZone(notification.createdAt())));
    fields.put("attempt", notification.attempts() + 1);
    try {
      return JSON.writeValueAsBytes(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("通知 " + notification.id() + " 无法写成 JSON", e);
    }
  }

  /**
   * Lower-case hex of HMAC-SHA256 with the secret (UTF-8) over {@code timestamp + "." + body}: what
   * {@value #SIGNATURE_HEADER} carries after {@code sha256=}.
   */
  public static String signature(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("无法计算通知签名（" + HMAC + "）", e);
    }
  }

  /** Scheme, host and port of the receiver: no path or query, which might carry a token. */
  private String receiver() {
    return "webhook 接收方 "
        + uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  private static String cause(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static IllegalStateException failure(
      Notification notification, String what, Exception cause) {
    return new IllegalStateException("通知 " + notification.id() + " 未送达：" + what, cause);
  }
}
