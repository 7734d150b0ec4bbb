package cn.yishi.supervision;

import static cn.yishi.common.CommonVariables.TIME_LIMITS;
import static cn.yishi.supervision.TimeLimitWatchProcess.REMINDER_BEFORE;

import cn.yishi.common.EveryUserTask;
import cn.yishi.common.LogText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives every new user task that has a due date a follow-up date: {@code reminderBefore} (from the
 * proposal's {@code timeLimits}, the time-limit table) before it is due, the moment the time-limit
 * watch reminds its group. Tasklist sorts and filters by it (the shared filter 待跟进). A task without
 * a due date, or a proposal without the table's lead time, gets none; a follow-up date the diagram
 * sets itself is kept.
 */
@Component
public class FollowUpDates extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(FollowUpDates.class);

  static final TaskListener SET_FOLLOW_UP = FollowUpDates::setFollowUp;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.onCreate(configuration, SET_FOLLOW_UP);
  }

  static void setFollowUp(DelegateTask task) {
    if (task.getDueDate() == null || task.getFollowUpDate() != null) {
      return;
    }
    Duration lead = reminderBefore(TIME_LIMITS.get(task), task.getId());
    if (lead != null) {
      task.setFollowUpDate(Date.from(task.getDueDate().toInstant().minus(lead)));
    }
  }

  /**
   * The time-limit table's reminder lead time in a proposal's {@code timeLimits}, or null when it
   * has none (or, logged, one that is not a duration).
   */
  static Duration reminderBefore(Object limits, String taskId) {
    if (!(limits instanceof Map<?, ?> map) || map.get(REMINDER_BEFORE) == null) {
      return null;
    }
    try {
      return Duration.parse(map.get(REMINDER_BEFORE).toString());
    } catch (DateTimeParseException e) {
      LOG.warn(
          "Task {}: reminderBefore '{}' is not a duration",
          taskId,
          LogText.safe(map.get(REMINDER_BEFORE)));
      return null;
    }
  }
}
