package cn.yishi.notification;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.LogText;
import cn.yishi.common.Variable;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bean {@code notifications}: queues a message to a proposal's submitter or to a task's candidate
 * group (reminders). "Every step is told at once" (办理流程即时通知), and never lost: the outbox row and a
 * {@code notificationDelivery} instance that delivers it are written in the step's transaction;
 * sending happens afterwards, asynchronously and retried.
 */
@Component("notifications")
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final NotificationOutbox outbox;
  private final RuntimeService runtimeService;
  private final BusinessTime time;
  private final String channel;

  public Notifications(
      NotificationOutbox outbox,
      RuntimeService runtimeService,
      BusinessTime time,
      NotificationProperties properties) {
    this.outbox = outbox;
    this.runtimeService = runtimeService;
    this.time = time;
    this.channel = properties.channel();
  }

  /**
   * A message to a submitter's phone about a proposal; returns the notification id, or null when
   * the proposal has no phone number to write to.
   */
  public String toSubmitter(String proposalNumber, String phone, String message) {
    if (phone == null || phone.isBlank()) {
      LOG.warn("提案 {} 没有提交人手机号，通知未发出：{}", LogText.safe(proposalNumber), LogText.safe(message));
      return null;
    }
    return queue(proposalNumber, Notification.PHONE, phone, message);
  }

  /**
   * A message to a co-signing household's phone (联署人, who asked to be told of each step); returns
   * the notification id.
   */
  public String toCoSigner(String proposalNumber, String phone, String message) {
    return queue(proposalNumber, Notification.PHONE, phone, message);
  }

  /** A message to the members of a candidate group (e.g. a reminder before a due date). */
  public String toGroup(String proposalNumber, String groupId, String message) {
    return queue(proposalNumber, Notification.GROUP, groupId, message);
  }

  private String queue(String proposalNumber, String kind, String recipient, String message) {
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("通知没有收件人（提案 " + proposalNumber + "）");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("通知内容为空（提案 " + proposalNumber + "）");
    }
    String id = outbox.add(proposalNumber, kind, recipient.trim(), message, channel, time.now());
    var delivery =
        runtimeService
            .createProcessInstanceByKey(NotificationDeliveryProcess.KEY)
            .setVariables(Variable.values(NotificationDeliveryProcess.NOTIFICATION_ID.is(id)));
    if (proposalNumber != null) {
      delivery.businessKey(proposalNumber);
    }
    delivery.execute();
    return id;
  }
}
