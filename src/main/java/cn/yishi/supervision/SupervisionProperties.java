package cn.yishi.supervision;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code yishi.supervision.*} (application.yaml), checked at start.
 *
 * @param checkEvery how often the time-limit watch runs: an ISO-8601 duration, at least a minute
 *     (default PT15M)
 */
@Validated
@ConfigurationProperties("yishi.supervision")
public record SupervisionProperties(@DefaultValue("PT15M") String checkEvery) {

  public static final String CHECK_EVERY_KEY = "yishi.supervision.check-every";

  public SupervisionProperties {
    interval(checkEvery);
  }

  /** {@link #checkEvery} as a duration. */
  public Duration interval() {
    return interval(checkEvery);
  }

  private static Duration interval(String text) {
    Duration interval;
    try {
      interval = Duration.parse(text == null ? "" : text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          CHECK_EVERY_KEY + " must be an ISO-8601 duration like PT15M, but is '" + text + "'", e);
    }
    if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException(
          CHECK_EVERY_KEY + " must be at least one minute (PT1M), but is " + text);
    }
    return interval;
  }
}
