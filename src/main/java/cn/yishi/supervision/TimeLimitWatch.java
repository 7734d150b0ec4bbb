package cn.yishi.supervision;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.DiagramCallable;
import cn.yishi.statistics.StatisticsService;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The delegate {@code timeLimitWatch} of the process {@code timeLimitWatch} (办理时效监督): each round
 * (timer from {@link TimeLimitWatchSchedule}) runs {@link SupervisionService#watch} on the engine's
 * clock, and tells the statistics which handling deadlines have passed since the last round ({@link
 * StatisticsService#deadlinesPassed}: the resolution rate lags a passing deadline by at most one
 * round).
 */
@DiagramCallable
@Component(TimeLimitWatchProcess.WATCH_DELEGATE)
public class TimeLimitWatch implements JavaDelegate {

  private final SupervisionService supervision;
  private final StatisticsService statistics;
  private final BusinessTime time;

  public TimeLimitWatch(
      SupervisionService supervision, StatisticsService statistics, BusinessTime time) {
    this.supervision = supervision;
    this.statistics = statistics;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    supervision.watch(now);
    statistics.deadlinesPassed(time.at(now));
  }
}
