package cn.yishi.notification;

/**
 * A way to reach people (log, SMS, the mini-program's messages …). The channel in use is chosen by
 * {@code yishi.notification.channel}; {@code notificationDelivery} calls {@link #send} and retries
 * when it throws, so a channel reports failure by throwing and never swallows it.
 */
public interface NotificationChannel {

  /** The name {@code yishi.notification.channel} selects, e.g. {@code log}. */
  String name();

  /** Delivers the message or throws. */
  void send(Notification notification);
}
