package cn.yishi.notification;

/** The process {@code notificationDelivery} (通知投递) and its single variable. */
public final class NotificationDeliveryVariables {

  public static final String PROCESS_KEY = "notificationDelivery";
  /** Id of the outbox row to deliver. */
  public static final String NOTIFICATION_ID = "notificationId";

  private NotificationDeliveryVariables() {}
}
