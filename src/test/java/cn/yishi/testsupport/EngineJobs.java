package cn.yishi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.supervision.TimeLimitWatchProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Jobs a test with the job executor off runs itself, as the job executor would. */
public final class EngineJobs {

  private EngineJobs() {}

  /** The proposal's executable async continuations, round by round until none is left. */
  public static void runProposalJobs(
      RuntimeService runtimeService, ManagementService managementService, String number) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = new ArrayList<>();
      for (ProcessInstance instance :
          runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()) {
        jobs.addAll(
            managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .messages()
                .list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** One round of the time-limit watch: its timer, then its async step. */
  public static void watchRound(ManagementService managementService) {
    Job timer =
        managementService
            .createJobQuery()
            .processDefinitionKey(TimeLimitWatchProcess.KEY)
            .timers()
            .singleResult();
    assertThat(timer).as("the watch's timer start job").isNotNull();
    managementService.executeJob(timer.getId());
    for (Job async :
        managementService
            .createJobQuery()
            .processDefinitionKey(TimeLimitWatchProcess.KEY)
            .messages()
            .list()) {
      managementService.executeJob(async.getId());
    }
  }
}
