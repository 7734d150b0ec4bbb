package cn.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The deployed timeLimitWatch against real tasks in Yishi (Flyway table, real organisation,
 * real supervision process): its timer job runs, an overdue community step gets a supervision
 * task for its street, a step close to its deadline a reminder to its own group. The job
 * executor is off, so the test runs the jobs itself.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class TimeLimitWatchIT {

  private static final String JLDBL = "jn-jld-jldbl"; // 九里堤北路社区
  private static final String JLD = "jn-jld"; // 九里堤街道

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired SupervisionService supervisionService;
  @Autowired JdbcTemplate jdbc;
  @MockitoBean GroupNotifications notifications;

  @BeforeEach
  void testProcess() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("overdueStepTest").count() == 0) {
      repositoryService
          .createDeployment()
          .name("time-limit-watch-test")
          .addClasspathResource("supervision/overdue-step.bpmn")
          .deploy();
    }
  }

  private ProcessInstance step(String number, String group, Instant due) {
    Map<String, Object> v = new HashMap<>();
    v.put("stepGroup", group);
    v.put("stepDue", Date.from(due));
    v.put(SupervisionVariables.NUMBER, number);
    v.put(SupervisionVariables.TITLE, "菁华园瀑布噪音扰民");
    v.put(SupervisionVariables.TIME_LIMITS, Map.of("reminderBefore", "PT30M", "responseWithin", "P1D"));
    return runtimeService.startProcessInstanceByKey("overdueStepTest", number, v);
  }

  /** One round of the watch, as the job executor would run it: the timer, then the async step. */
  private void watchRound() {
    Job timer =
        managementService
            .createJobQuery()
            .processDefinitionKey(SupervisionVariables.WATCH_PROCESS_KEY)
            .timers()
            .singleResult();
    assertThat(timer).as("the watch's timer start job").isNotNull();
    managementService.executeJob(timer.getId());
    for (Job async :
        managementService
            .createJobQuery()
            .processDefinitionKey(SupervisionVariables.WATCH_PROCESS_KEY)
            .messages()
            .list()) {
      managementService.executeJob(async.getId());
    }
  }

  @Test
  void anOverdueCommunityStepGetsOneSupervisionByItsStreetAndShowsOverdue() {
    String number = "JN-2026-900001";
    ProcessInstance proposal = step(number, JLDBL + ".caseworker", Instant.now().minus(Duration.ofHours(1)));
    String stepId = taskService.createTaskQuery().processInstanceId(proposal.getId()).singleResult().getId();

    watchRound();
    watchRound();

    List<Task> supervisions =
        taskService.createTaskQuery().processDefinitionKey(SupervisionVariables.SUPERVISION_PROCESS_KEY).processInstanceBusinessKey(number).list();
    assertThat(supervisions).hasSize(1);
    assertThat(taskService.getIdentityLinksForTask(supervisions.get(0).getId()))
        .anyMatch(link -> (JLD + ".caseworker").equals(link.getGroupId()));
    assertThat(runtimeService.getVariable(supervisions.get(0).getProcessInstanceId(), SupervisionVariables.SUPERVISED_STEP))
        .isEqualTo("办理测试步骤");
    Map<String, Object> record =
        jdbc.queryForMap("SELECT proposal_number, supervision_instance_id FROM supervision_record WHERE task_id = ?", stepId);
    assertThat(record.get("proposal_number")).isEqualTo(number);
    assertThat(record.get("supervision_instance_id")).isEqualTo(supervisions.get(0).getProcessInstanceId());
    assertThat(supervisionService.overdueSteps(number))
        .singleElement()
        .satisfies(step -> {
          assertThat(step.name()).isEqualTo("办理测试步骤");
          assertThat(step.overdue()).isTrue();
          assertThat(step.dueAt().getOffset()).hasToString("+08:00");
        });
  }

  @Test
  void aStepCloseToItsDeadlineIsRemindedOnceToItsOwnGroup() {
    String number = "JN-2026-900002";
    step(number, JLDBL + ".caseworker", Instant.now().plus(Duration.ofMinutes(20)));

    watchRound();
    watchRound();

    verify(notifications, times(1)).toGroup(eq(number), eq(JLDBL + ".caseworker"), contains("办理测试步骤"));
    assertThat(taskService.createTaskQuery().processDefinitionKey(SupervisionVariables.SUPERVISION_PROCESS_KEY).processInstanceBusinessKey(number).count())
        .isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_record WHERE proposal_number = ? AND reminded_at IS NOT NULL", Integer.class, number))
        .isEqualTo(1);
  }
}
