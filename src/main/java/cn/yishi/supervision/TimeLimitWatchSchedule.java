package cn.yishi.supervision;

import cn.yishi.common.DiagramCallable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often the time-limit watch runs, as the bean {@code timeLimitWatchSchedule} for the timer
 * start event of {@code timeLimitWatch}: {@code ${timeLimitWatchSchedule.cycle()}} from {@code
 * yishi.supervision.check-every} (ISO-8601, default PT15M, at least a minute).
 *
 * <p>A bean of its own, without any engine service: the engine evaluates a timer start event's
 * cycle while the deployment runs at engine start, before its services can be injected anywhere.
 */
@DiagramCallable
@Component("timeLimitWatchSchedule")
public class TimeLimitWatchSchedule {

  public static final String CHECK_EVERY_KEY = "yishi.supervision.check-every";

  private final Duration checkEvery;

  public TimeLimitWatchSchedule(@Value("${" + CHECK_EVERY_KEY + ":PT15M}") String checkEvery) {
    this.checkEvery = interval(checkEvery);
  }

  /** The ISO repeating interval of the timer start event, e.g. R/PT15M. */
  public String cycle() {
    return "R/" + checkEvery;
  }

  static Duration interval(String text) {
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
