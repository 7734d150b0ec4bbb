package cn.yishi.deliberation;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.DiagramCallable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When the monthly deliberation day (爱邻议事日, DOMAIN §8) falls, as the bean {@code deliberationDay}
 * for the timer start event of {@code deliberationDay}: {@code ${deliberationDay.cycle()}}.
 *
 * <p>The day and time are configuration ({@link DeliberationDayProperties}) read in the business
 * time zone ({@link BusinessTime}), never the JVM's zone (the servers run UTC). The cycle is an ISO
 * repeating interval that starts at the next occurrence with its offset, e.g. {@code
 * R/2026-12-20T09:00:00+08:00/P1M}, so the engine needs no time zone of its own. A changed day
 * takes effect at the next start through {@link DeliberationDayRescheduler}.
 */
@DiagramCallable
@Component("deliberationDay")
public class DeliberationDaySchedule {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final int dayOfMonth;
  private final LocalTime time;
  private final ZoneId zone;
  private final Clock clock;

  /** Spring's constructor: times come from the engine's clock (ClockUtil), so tests can set it. */
  @Autowired
  public DeliberationDaySchedule(DeliberationDayProperties properties, BusinessTime businessTime) {
    this(properties, businessTime.zone(), null);
  }

  /** With a fixed clock (tests); {@code null} uses the engine's clock. */
  public DeliberationDaySchedule(int dayOfMonth, String time, String zone, Clock clock) {
    this(new DeliberationDayProperties(dayOfMonth, time), zoneOf(zone), clock);
  }

  private DeliberationDaySchedule(DeliberationDayProperties properties, ZoneId zone, Clock clock) {
    this.dayOfMonth = properties.dayOfMonth();
    this.time = properties.localTime();
    this.zone = zone;
    this.clock = clock;
  }

  private static ZoneId zoneOf(String zone) {
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException(
          "yishi.time-zone must be a time zone like Asia/Shanghai, but is '" + zone + "'", e);
    }
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
