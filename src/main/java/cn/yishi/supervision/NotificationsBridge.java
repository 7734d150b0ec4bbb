package cn.yishi.supervision;

import cn.yishi.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * {@link GroupNotifications} through the notification feature's bean {@code notifications}: a
 * reminder is queued in its outbox in the watch job's transaction and delivered by {@code
 * notificationDelivery}.
 */
@Component
public class NotificationsBridge implements GroupNotifications {

  private final Notifications notifications;

  public NotificationsBridge(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void toGroup(String number, String groupId, String message) {
    notifications.toGroup(number, groupId, message);
  }
}
