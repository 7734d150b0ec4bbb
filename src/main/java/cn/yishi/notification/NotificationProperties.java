package cn.yishi.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code yishi.notification.*} (application.yaml).
 *
 * @param channel the {@link NotificationChannel} new notifications go through ({@code log} by
 *     default); one that no channel bean has stops Yishi at start ({@link DeliverNotification})
 * @param webhook where the channel {@code webhook} posts (only read when that channel is used)
 */
@Validated
@ConfigurationProperties("yishi.notification")
public record NotificationProperties(
    @DefaultValue(LogNotificationChannel.NAME) @NotBlank String channel,
    @DefaultValue @NotNull Webhook webhook) {

  /** Bound from the settings (the other constructor would leave Spring unsure which to use). */
  @ConstructorBinding
  public NotificationProperties {}

  /** A channel without webhook settings (tests, the log channel). */
  public NotificationProperties(String channel) {
    this(channel, new Webhook(null, null, Webhook.CONNECT_TIMEOUT, Webhook.TIMEOUT));
  }

  /**
   * {@code yishi.notification.webhook.*}: the receiver of {@link WebhookNotificationChannel}.
   *
   * @param url the receiver's address, {@code http://} or {@code https://} (use https outside a
   *     trusted network: the body carries phone numbers)
   * @param secret the key both sides share for the signature (HMAC-SHA256), at least {@value
   *     #MIN_SECRET_LENGTH} characters; never logged or shown
   * @param connectTimeout how long to wait for the connection
   * @param timeout how long to wait for the receiver's answer once the request is sent
   */
  public record Webhook(
      String url,
      String secret,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration timeout) {

    public static final int MIN_SECRET_LENGTH = 32;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * The receiver's address, checked; throws with a Chinese message naming the setting when the
     * webhook cannot be used (no or a bad URL, a short secret, a timeout that is not positive).
     * Neither the secret nor its length is ever part of the message.
     */
    public URI checkedUri() {
      if (url == null || url.isBlank()) {
        throw new IllegalStateException(
            "通知渠道 webhook 未配置接收地址：请设置 yishi.notification.webhook.url"
                + "（环境变量 YISHI_NOTIFICATION_WEBHOOK_URL）");
      }
      URI uri = httpUri(url.trim());
      if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
        throw new IllegalStateException(
            "通知渠道 webhook 的签名密钥 yishi.notification.webhook.secret（环境变量"
                + " YISHI_NOTIFICATION_WEBHOOK_SECRET）未设置或太短：至少需要 "
                + MIN_SECRET_LENGTH
                + " 个字符");
      }
      requirePositive(connectTimeout, "connect-timeout");
      requirePositive(timeout, "timeout");
      return uri;
    }

    private static URI httpUri(String url) {
      String problem =
          "yishi.notification.webhook.url 必须是以 http:// 或 https:// 开头、带主机名的完整地址" + "（不含用户名和密码）";
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException notAnAddress) {
        throw new IllegalStateException(problem);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        throw new IllegalStateException(problem);
      }
      return uri;
    }

    private static void requirePositive(Duration duration, String name) {
      if (duration == null || duration.isZero() || duration.isNegative()) {
        throw new IllegalStateException(
            "yishi.notification.webhook." + name + " 必须是大于零的时长，例如 5s 或 PT10S");
      }
    }
  }
}
