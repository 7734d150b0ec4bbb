package cn.yishi.deliberation;

import cn.yishi.common.DiagramCallable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the monthly deliberation day (爱邻议事日, DOMAIN §8) falls, as the bean {@code
 * deliberationDay} for the timer start event of {@code deliberationDay}: {@code
 * ${deliberationDay.cycle()}}.
 *
 * <p>The day and time are configuration ({@code yishi.deliberation-day.day-of-month}, 1–28 so
 * that every month has it; {@code yishi.deliberation-day.time}, HH:mm) read in the business time
 * zone {@code yishi.time-zone}, never the JVM's zone (the servers run UTC). The cycle is an ISO
 * repeating interval that starts at the next occurrence with its offset, e.g. {@code
 * R/2026-12-20T09:00:00+08:00/P1M}, so the engine needs no time zone of its own. A changed day
 * takes effect at the next start through {@link DeliberationDayRescheduler}.
 */
@DiagramCallable
@Component("deliberationDay")
public class DeliberationDaySchedule {

  public static final String DAY_OF_MONTH_KEY = "yishi.deliberation-day.day-of-month";
  public static final String TIME_KEY = "yishi.deliberation-day.time";
  public static final int LAST_DAY_EVERY_MONTH_HAS = 28;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final int dayOfMonth;
  private final LocalTime time;
  private final ZoneId zone;
  private final Clock clock;

  /** Spring's constructor: times come from the engine's clock (ClockUtil), so tests can set it. */
  @Autowired
  public DeliberationDaySchedule(
      @Value("${" + DAY_OF_MONTH_KEY + ":20}") int dayOfMonth,
      @Value("${" + TIME_KEY + ":09:00}") String time,
      @Value("${yishi.time-zone:Asia/Shanghai}") String zone) {
    this(dayOfMonth, time, zone, null);
  }

  /** With a fixed clock (tests); {@code null} uses the engine's clock. */
  public DeliberationDaySchedule(int dayOfMonth, String time, String zone, Clock clock) {
    if (dayOfMonth < 1 || dayOfMonth > LAST_DAY_EVERY_MONTH_HAS) {
      throw new IllegalArgumentException(
          DAY_OF_MONTH_KEY + " must be a day between 1 and " + LAST_DAY_EVERY_MONTH_HAS
              + " (a day every month has, e.g. 20 for the 20th), but is " + dayOfMonth);
    }
    try {
      this.time = LocalTime.parse(time.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(
          TIME_KEY + " must be a time of day like 09:00, but is '" + time + "'", e);
    }
    try {
      this.zone = ZoneId.of(zone.trim());
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException(
          "yishi.time-zone must be a time zone like Asia/Shanghai, but is '" + zone + "'", e);
    }
    this.dayOfMonth = dayOfMonth;
    this.clock = clock;
  }

  /** The timer cycle for the timer start event: every month from the next occurrence on. */
  public String cycle() {
    return "R/" + ISO.format(next()) + "/P1M";
  }

  /** The next deliberation day after now. */
  public ZonedDateTime next() {
    return nextAfter(now());
  }

  /** The first deliberation day strictly after {@code instant}, in the business time zone. */
  public ZonedDateTime nextAfter(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalDate thisMonth = local.toLocalDate().withDayOfMonth(dayOfMonth);
    ZonedDateTime candidate = ZonedDateTime.of(thisMonth, time, zone);
    if (!candidate.toInstant().isAfter(instant)) {
      candidate = ZonedDateTime.of(thisMonth.plusMonths(1), time, zone);
    }
    return candidate;
  }

  /** True when {@code instant} is a configured deliberation day and time (in the business zone). */
  public boolean isOccurrence(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    return local.getDayOfMonth() == dayOfMonth && local.toLocalTime().equals(time);
  }

  public int dayOfMonth() {
    return dayOfMonth;
  }

  public LocalTime time() {
    return time;
  }

  public ZoneId zone() {
    return zone;
  }

  private Instant now() {
    return clock != null ? clock.instant() : ClockUtil.getCurrentTime().toInstant();
  }
}
