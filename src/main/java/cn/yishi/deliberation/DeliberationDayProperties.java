package cn.yishi.deliberation;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the monthly deliberation day (爱邻议事日) falls: {@code yishi.deliberation-day.day-of-month}
 * (1–28, so that every month has it; default 20) and {@code yishi.deliberation-day.time} (HH:mm,
 * default 09:00), in the business time zone ({@link cn.yishi.common.BusinessTime}). Checked when
 * bound: a wrong value stops the start with an {@link IllegalArgumentException} naming the property
 * (the root cause of the failed start).
 */
@ConfigurationProperties(prefix = "yishi.deliberation-day")
public record DeliberationDayProperties(
    @DefaultValue("20") int dayOfMonth, @DefaultValue("09:00") String time) {

  public static final String DAY_OF_MONTH_KEY = "yishi.deliberation-day.day-of-month";
  public static final String TIME_KEY = "yishi.deliberation-day.time";
  public static final int LAST_DAY_EVERY_MONTH_HAS = 28;

  public DeliberationDayProperties {
    if (dayOfMonth < 1 || dayOfMonth > LAST_DAY_EVERY_MONTH_HAS) {
      throw new IllegalArgumentException(
          DAY_OF_MONTH_KEY
              + " must be a day between 1 and "
              + LAST_DAY_EVERY_MONTH_HAS
              + " (a day every month has, e.g. 20 for the 20th), but is "
              + dayOfMonth);
    }
    localTime(time);
  }

  /** The time of day. */
  public LocalTime localTime() {
    return localTime(time);
  }

  private static LocalTime localTime(String time) {
    try {
      return LocalTime.parse(time.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(
          TIME_KEY + " must be a time of day like 09:00, but is '" + time + "'", e);
    }
  }
}
