package cn.yishi.deliberation;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes a changed deliberation day take effect on restart. The engine evaluates the timer start
 * event's cycle ({@code ${deliberationDay.cycle()}}) only when the diagram is deployed, and Yishi
 * does not redeploy an unchanged diagram, so the waiting timer job would keep the old day. After
 * start (the deployment is done by then) this sets that job's due date to the next configured
 * occurrence and its repeat to the configured cycle.
 *
 * <p>A job that already fits the configured day and time is left alone, so a deliberation day
 * missed while Yishi was down still runs at once instead of being skipped.
 */
@Component
public class DeliberationDayRescheduler {

  private static final Logger LOG = LoggerFactory.getLogger(DeliberationDayRescheduler.class);

  private final ProcessEngine engine;
  private final DeliberationDaySchedule schedule;

  public DeliberationDayRescheduler(ProcessEngine engine, DeliberationDaySchedule schedule) {
    this.engine = engine;
    this.schedule = schedule;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    reschedule();
  }

  /** Reschedules the timer start job(s) that do not fit the configuration; returns how many. */
  public int reschedule() {
    ManagementService management = engine.getManagementService();
    List<Job> timers =
        management
            .createJobQuery()
            .processDefinitionKey(DeliberationDayProcess.KEY)
            .timers()
            .list();
    int changed = 0;
    for (Job timer : timers) {
      if (timer.getProcessInstanceId() != null) {
        continue; // not the start event's timer
      }
      Date due = timer.getDuedate();
      if (due != null && schedule.isOccurrence(due.toInstant())) {
        continue;
      }
      moveTo(timer.getId(), schedule.cycle(), Date.from(schedule.next().toInstant()));
      changed++;
      LOG.info(
          "Deliberation day moved to day {} at {} ({}): timer {} was due {}, now due {}",
          schedule.dayOfMonth(),
          schedule.time(),
          schedule.zone(),
          timer.getId(),
          due,
          management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate());
    }
    return changed;
  }

  /**
   * Sets the timer's due date and its repeat (the cycle it computes the following due dates from).
   * The engine's own {@link ManagementService#recalculateJobDuedate} moves only the due date of a
   * timer start event and keeps the old repeat, so the month after would fall back to the old day;
   * hence this small command on the timer entity itself.
   */
  private void moveTo(String jobId, String cycle, Date due) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              TimerEntity timer = (TimerEntity) context.getJobManager().findJobById(jobId);
              timer.setRepeat(cycle);
              timer.setDuedate(due);
              return null;
            });
  }
}
