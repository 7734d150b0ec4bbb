package cn.yishi.notification;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.DiagramCallable;
import cn.yishi.common.LogText;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delegate {@code ${deliverNotification}} of {@code notificationDelivery}: sends one outbox row
 * through its channel and marks it delivered. Idempotent: a row already delivered is not sent
 * again. A failing channel throws, so the engine retries the job and raises an incident when the
 * retries run out; the row stays undelivered (and counts the failed attempts) until then.
 */
@DiagramCallable
@Component("deliverNotification")
public class DeliverNotification implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(DeliverNotification.class);

  private final NotificationOutbox outbox;
  private final Map<String, NotificationChannel> channels;
  private final BusinessTime time;

  public DeliverNotification(
      NotificationOutbox outbox,
      List<NotificationChannel> channels,
      BusinessTime time,
      NotificationProperties properties) {
    this.outbox = outbox;
    this.channels =
        channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
    this.time = time;
    String configured = properties.channel();
    if (!this.channels.containsKey(configured)) {
      throw new IllegalStateException(
          "yishi.notification.channel '" + configured + "' 不存在（可用：" + this.channels.keySet() + "）");
    }
  }

  @Override
  public void execute(DelegateExecution execution) {
    deliver(NotificationDeliveryProcess.NOTIFICATION_ID.get(execution));
  }

  /** Sends the outbox row {@code id} unless it was delivered already. */
  public void deliver(String id) {
    Notification notification =
        outbox.find(id).orElseThrow(() -> new IllegalStateException("通知 " + id + " 不存在"));
    if (notification.delivered()) {
      LOG.info("通知 {} 已于 {} 送达，不再重复发送", LogText.safe(id), notification.deliveredAt());
      return;
    }
    NotificationChannel channel = channels.get(notification.channel());
    if (channel == null) {
      throw new IllegalStateException(
          "通知 " + id + " 的渠道 '" + notification.channel() + "' 不存在（可用：" + channels.keySet() + "）");
    }
    try {
      channel.send(notification);
    } catch (RuntimeException failed) {
      try {
        outbox.recordFailedAttempt(id, failed.toString());
      } catch (RuntimeException notRecorded) {
        failed.addSuppressed(notRecorded);
      }
      throw failed;
    }
    outbox.markDelivered(id, time.now());
  }
}
