package cn.yishi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogNotificationChannelTest {

  @Test
  void aTitleWithANewlineOrANulStaysOnOneLogLine() {
    Logger logger = (Logger) LoggerFactory.getLogger(LogNotificationChannel.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      new LogNotificationChannel()
          .send(
              new Notification(
                  "n-1",
                  "JN-2026-000001",
                  Notification.PHONE,
                  "13800005678",
                  "您的提案“楼道灯\n2026-12-01 INFO 伪造的一行\u0000”已受理",
                  "log",
                  OffsetDateTime.now(),
                  null,
                  0,
                  null));
    } finally {
      logger.detachAppender(appender);
    }
    assertThat(appender.list).hasSize(1);
    String line = appender.list.get(0).getFormattedMessage();
    assertThat(line).doesNotContain("\n", "\u0000", "13800005678");
    assertThat(line).contains("楼道灯\\n2026-12-01 INFO 伪造的一行\\u0000").contains("138****5678");
  }
}
