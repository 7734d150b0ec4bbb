package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.Test;

/** When the deliberation day falls: in the business time zone, never the JVM's (UTC). */
class DeliberationDayScheduleTest {

  private static DeliberationDaySchedule at(String now, int day, String time) {
    return new DeliberationDaySchedule(
        day, time, "Asia/Shanghai", Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
  }

  @Test
  void the20thAt0900InShanghaiIs0100Utc() {
    DeliberationDaySchedule schedule = at("2026-11-22T00:00:00Z", 20, "09:00");

    assertThat(schedule.next().toInstant()).isEqualTo(Instant.parse("2026-12-20T01:00:00Z"));
    assertThat(schedule.cycle()).isEqualTo("R/2026-12-20T09:00:00+08:00/P1M");
  }

  @Test
  void laterTheSameMonthWhenTheDayHasNotCome() {
    // 2026-11-19T20:00Z is already the 20th, 04:00 in Shanghai: today at 09:00 is still ahead
    assertThat(at("2026-11-19T20:00:00Z", 20, "09:00").next().toInstant())
        .isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
  }

  @Test
  void atTheHourItselfTheNextIsNextMonth() {
    assertThat(at("2026-11-20T01:00:00Z", 20, "09:00").next().toInstant())
        .isEqualTo(Instant.parse("2026-12-20T01:00:00Z"));
  }

  @Test
  void decemberIsFollowedByJanuaryOfTheNextYear() {
    assertThat(at("2026-12-25T00:00:00Z", 5, "18:30").next().toInstant())
        .isEqualTo(Instant.parse("2027-01-05T10:30:00Z"));
  }

  @Test
  void aDayOutsideOneToTwentyEightIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> at("2026-11-22T00:00:00Z", 29, "09:00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yishi.deliberation-day.day-of-month")
        .hasMessageContaining("between 1 and 28")
        .hasMessageContaining("29");
    assertThatThrownBy(() -> at("2026-11-22T00:00:00Z", 0, "09:00"))
        .hasMessageContaining("but is 0");
  }

  @Test
  void aBadTimeOrZoneIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> at("2026-11-22T00:00:00Z", 20, "9 Uhr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yishi.deliberation-day.time");
    assertThatThrownBy(
            () -> new DeliberationDaySchedule(20, "09:00", "Mars/Olympus", Clock.systemUTC()))
        .hasMessageContaining("yishi.time-zone");
  }

  @Test
  void theEngineReadsTheCycleAsTheSameDayEveryMonth() throws Exception {
    DeliberationDaySchedule schedule = at("2026-11-22T00:00:00Z", 20, "09:00");
    DurationHelper engine =
        new DurationHelper(schedule.cycle(), Date.from(Instant.parse("2026-11-22T00:00:00Z")));

    assertThat(engine.getDateAfter(Date.from(Instant.parse("2026-11-22T00:00:00Z"))).toInstant())
        .isEqualTo(Instant.parse("2026-12-20T01:00:00Z"));
    assertThat(engine.getDateAfter(Date.from(Instant.parse("2026-12-20T01:00:30Z"))).toInstant())
        .isEqualTo(Instant.parse("2027-01-20T01:00:00Z"));
    assertThat(engine.getDateAfter(Date.from(Instant.parse("2027-02-21T00:00:00Z"))).toInstant())
        .isEqualTo(Instant.parse("2027-03-20T01:00:00Z"));
  }

  @Test
  void recognisesAConfiguredOccurrence() {
    DeliberationDaySchedule schedule = at("2026-11-22T00:00:00Z", 20, "09:00");

    assertThat(schedule.isOccurrence(Instant.parse("2027-03-20T01:00:00Z"))).isTrue();
    assertThat(schedule.isOccurrence(Instant.parse("2027-03-25T01:00:00Z"))).isFalse();
    assertThat(schedule.isOccurrence(Instant.parse("2027-03-20T02:30:00Z"))).isFalse();
  }
}
