package cn.yishi.notification;

import cn.yishi.common.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channel for development and demos: writes each notification to the log, phone numbers masked
 * (138****0000), until an SMS or mini-program channel is connected. The message and the other
 * values are escaped ({@link LogText}): a title with a newline cannot forge a log line.
 */
@Component
public class LogNotificationChannel implements NotificationChannel {

  public static final String NAME = "log";
  private static final Logger LOG = LoggerFactory.getLogger(LogNotificationChannel.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(Notification notification) {
    LOG.info(
        "通知 {} → {}（提案 {}）：{}",
        LogText.safe(notification.id()),
        LogText.safe(notification.maskedRecipient()),
        LogText.safe(notification.proposalNumber()),
        LogText.safe(notification.message()));
  }
}
