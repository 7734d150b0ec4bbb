package cn.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The watch's timer cycle from yishi.supervision.check-every. */
class TimeLimitWatchScheduleTest {

  private static TimeLimitWatchSchedule every(String interval) {
    return new TimeLimitWatchSchedule(new SupervisionProperties(interval));
  }

  @Test
  void checksEveryFifteenMinutesByDefault() {
    assertThat(every("PT15M").cycle()).isEqualTo("R/PT15M");
  }

  @Test
  void anotherIntervalBecomesTheCycle() {
    assertThat(every(" PT1H ").cycle()).isEqualTo("R/PT1H");
  }

  @Test
  void aMalformedOrTooShortIntervalIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> every("15 minutes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yishi.supervision.check-every");
    assertThatThrownBy(() -> every("PT10S")).hasMessageContaining("at least one minute");
  }
}
