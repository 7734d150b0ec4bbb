package cn.yishi.notification;

import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;

/** The process {@code notificationDelivery} (通知投递): its key, elements and single variable. */
@ProcessBoundary("notificationDelivery")
public final class NotificationDeliveryProcess {

  public static final String KEY = "notificationDelivery";

  public static final String TASK_DELIVER_NOTIFICATION = "Task_DeliverNotification";
  public static final String EVENT_NOTIFICATION_DELIVERED = "Event_NotificationDelivered";

  /** Id of the outbox row to deliver. */
  @NotInDiagram("set by the outbox when it queues a row, read by the delegate deliverNotification")
  public static final Variable<String> NOTIFICATION_ID = Variable.text("notificationId");

  private NotificationDeliveryProcess() {}
}
