package cn.yishi.supervision;

import cn.yishi.common.DiagramCallable;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How often the time-limit watch runs, as the bean {@code timeLimitWatchSchedule} for the timer
 * start event of {@code timeLimitWatch}: {@code ${timeLimitWatchSchedule.cycle()}} from {@code
 * yishi.supervision.check-every} ({@link SupervisionProperties}).
 *
 * <p>A bean of its own, without any engine service: the engine evaluates a timer start event's
 * cycle while the deployment runs at engine start, before its services can be injected anywhere.
 */
@DiagramCallable
@Component("timeLimitWatchSchedule")
public class TimeLimitWatchSchedule {

  private final Duration checkEvery;

  public TimeLimitWatchSchedule(SupervisionProperties properties) {
    this.checkEvery = properties.interval();
  }

  /** The ISO repeating interval of the timer start event, e.g. R/PT15M. */
  public String cycle() {
    return "R/" + checkEvery;
  }
}
