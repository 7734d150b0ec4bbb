package cn.yishi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PhoneMaskingTest {

  @Test
  void mobileNumberKeepsThreeLeadingAndFourTrailingDigits() {
    assertThat(PhoneMasking.mask("13800000000")).isEqualTo("138****0000");
    assertThat(PhoneMasking.mask(" 13912345678 ")).isEqualTo("139****5678");
  }

  @Test
  void shortOrMissingNumbersRevealNothing() {
    assertThat(PhoneMasking.mask("1234567")).isEqualTo("*******");
    assertThat(PhoneMasking.mask(null)).isNull();
  }

  @Test
  void logsShowPhonesMaskedAndGroupsAsTheyAre() {
    OffsetDateTime at = OffsetDateTime.parse("2026-03-05T09:30:00+08:00");
    assertThat(
            new Notification(
                    "1",
                    "JN-2026-000001",
                    Notification.PHONE,
                    "13800000000",
                    "m",
                    "log",
                    at,
                    null,
                    0,
                    null)
                .maskedRecipient())
        .isEqualTo("138****0000");
    assertThat(
            new Notification(
                    "2",
                    "JN-2026-000001",
                    Notification.GROUP,
                    "jn-jld-jldbl.caseworker",
                    "m",
                    "log",
                    at,
                    null,
                    0,
                    null)
                .maskedRecipient())
        .isEqualTo("jn-jld-jldbl.caseworker");
  }
}
