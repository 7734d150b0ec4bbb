package cn.yishi.supervision;

import cn.yishi.common.DiagramCallable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The delegate {@code timeLimitWatch} of the process {@code timeLimitWatch} (办理时效监督): each round
 * (timer from {@link TimeLimitWatchSchedule}) runs {@link SupervisionService#watch} on the engine's
 * clock.
 */
@DiagramCallable
@Component(TimeLimitWatchProcess.WATCH_DELEGATE)
public class TimeLimitWatch implements JavaDelegate {

  private final SupervisionService supervision;

  public TimeLimitWatch(SupervisionService supervision) {
    this.supervision = supervision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    supervision.watch(ClockUtil.getCurrentTime().toInstant());
  }
}
