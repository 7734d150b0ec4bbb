package cn.yishi.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class NoticePeriodsTest {

  private static final ZonedDateTime POSTED =
      ZonedDateTime.parse("2026-03-05T09:30:00+08:00[Asia/Shanghai]");

  @Test
  void daysHoursAndMonthsFromTheTimeLimitsTable() {
    assertThat(NoticePeriods.end(POSTED, "P7D")).isEqualTo(POSTED.plusDays(7));
    assertThat(NoticePeriods.end(POSTED, "P3D")).isEqualTo(POSTED.plusDays(3));
    assertThat(NoticePeriods.end(POSTED, "PT72H")).isEqualTo(POSTED.plusHours(72));
    assertThat(NoticePeriods.end(POSTED, "P1M")).isEqualTo(POSTED.plusMonths(1));
    assertThat(NoticePeriods.end(POSTED, "P1DT12H")).isEqualTo(POSTED.plusDays(1).plusHours(12));
  }

  @Test
  void missingOrMalformedPeriodFailsNamingIt() {
    assertThatThrownBy(() -> NoticePeriods.end(POSTED, null)).hasMessageContaining("noticePeriod");
    assertThatThrownBy(() -> NoticePeriods.end(POSTED, "7 days")).hasMessageContaining("7 days");
    assertThatThrownBy(() -> NoticePeriods.end(POSTED, "-P1D")).hasMessageContaining("-P1D");
  }
}
