package cn.yishi.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * "Now" and times in the business time zone ({@code yishi.time-zone}, default Asia/Shanghai, read
 * once: {@link TimeProperties}).
 *
 * <p>Now is the process engine's clock ({@link ClockUtil}), the clock due dates and timers use, so
 * that numbers, timelines and notice periods agree with them (and tests can move it).
 */
@Component
public class BusinessTime {

  private final ZoneId zone;

  @Autowired
  public BusinessTime(TimeProperties properties) {
    this(properties.timeZone());
  }

  public BusinessTime(ZoneId zone) {
    this.zone = zone;
  }

  /** A zone id such as {@code Asia/Shanghai} (tests, tools). */
  public BusinessTime(String zone) {
    this(ZoneId.of(zone));
  }

  public ZoneId zone() {
    return zone;
  }

  /** Now in the business time zone, to the millisecond. */
  public OffsetDateTime now() {
    return at(ClockUtil.getCurrentTime().toInstant()).truncatedTo(ChronoUnit.MILLIS);
  }

  /** The instant's wall-clock time in the business time zone. */
  public OffsetDateTime at(Instant instant) {
    return instant.atZone(zone).toOffsetDateTime();
  }

  /** The same instant, shown with the business zone's offset (databases may return UTC). */
  public OffsetDateTime inZone(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
  }

  /** ISO-8601 with the offset, e.g. {@code 2026-03-05T09:30:00+08:00}. */
  public static String format(OffsetDateTime time) {
    return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
