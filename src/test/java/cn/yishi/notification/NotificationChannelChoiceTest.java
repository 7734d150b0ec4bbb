package cn.yishi.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import cn.yishi.common.BusinessTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A misspelt yishi.notification.channel stops Yishi at start instead of failing every delivery
 * later.
 */
class NotificationChannelChoiceTest {

  @Test
  void aConfiguredChannelThatDoesNotExistStopsTheStartNamingTheChannels() {
    NotificationChannel log = new LogNotificationChannel();
    assertThatThrownBy(
            () ->
                new DeliverNotification(
                    mock(NotificationOutbox.class),
                    List.of(log),
                    new BusinessTime("Asia/Shanghai"),
                    new NotificationProperties("sms")))
        .hasMessageContaining("'sms'")
        .hasMessageContaining("log");
  }
}
