package cn.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.yishi.common.CommonVariables;
import cn.yishi.testsupport.EngineJobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The deployed timeLimitWatch against real tasks in Yishi (Flyway tables, real organisation, real
 * supervision process): its timer job runs, an overdue community step gets a supervision task for
 * its street, a step close to its deadline a reminder to its own group, an unanswered supervision
 * escalates; a real proposal submitted and read through the public HTTP API shows its handling
 * deadline once sorted and is overdue, and supervised once, when it has passed. The job executor is
 * off, so the test runs the jobs itself (and moves the engine's clock).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
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
  @Autowired TestRestTemplate http;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  @BeforeEach
  void testProcess() {
    if (repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("overdueStepTest")
            .count()
        == 0) {
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
    v.put(CommonVariables.NUMBER.name(), number);
    v.put(CommonVariables.TITLE.name(), "菁华园瀑布噪音扰民");
    v.put(
        CommonVariables.TIME_LIMITS.name(),
        Map.of("reminderBefore", "PT30M", "responseWithin", "P1D"));
    return runtimeService.startProcessInstanceByKey("overdueStepTest", number, v);
  }

  /** One round of the watch, as the job executor would run it: the timer, then the async step. */
  private void watchRound() {
    EngineJobs.watchRound(managementService);
  }

  @Test
  void anOverdueCommunityStepGetsOneSupervisionByItsStreetAndShowsOverdue() {
    String number = "JN-2026-900001";
    ProcessInstance proposal =
        step(number, JLDBL + ".caseworker", Instant.now().minus(Duration.ofHours(1)));
    String stepId =
        taskService.createTaskQuery().processInstanceId(proposal.getId()).singleResult().getId();

    watchRound();
    watchRound();

    List<Task> supervisions =
        taskService
            .createTaskQuery()
            .processDefinitionKey(SupervisionProcess.KEY)
            .processInstanceBusinessKey(number)
            .list();
    assertThat(supervisions).hasSize(1);
    assertThat(taskService.getIdentityLinksForTask(supervisions.get(0).getId()))
        .anyMatch(link -> (JLD + ".caseworker").equals(link.getGroupId()));
    assertThat(
            runtimeService.getVariable(
                supervisions.get(0).getProcessInstanceId(),
                SupervisionProcess.SUPERVISED_STEP.name()))
        .isEqualTo("办理测试步骤");
    // the street's caseworkers find it under 督办任务 in Tasklist; the community's do not
    assertThat(supervisionFilter("jld-caseworker", JLD + ".caseworker"))
        .extracting(Task::getId)
        .contains(supervisions.get(0).getId());
    assertThat(supervisionFilter("jldbl-caseworker", JLDBL + ".caseworker"))
        .extracting(Task::getId)
        .doesNotContain(supervisions.get(0).getId(), stepId);
    Map<String, Object> record =
        jdbc.queryForMap(
            "SELECT proposal_number, supervision_instance_id FROM supervision_record WHERE task_id = ?",
            stepId);
    assertThat(record.get("proposal_number")).isEqualTo(number);
    assertThat(record.get("supervision_instance_id"))
        .isEqualTo(supervisions.get(0).getProcessInstanceId());
    assertThat(supervisionService.overdueSteps(number))
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.name()).isEqualTo("办理测试步骤");
              assertThat(step.overdue()).isTrue();
              assertThat(step.dueAt().getOffset()).hasToString("+08:00");
            });
  }

  /** The 督办 filter's tasks as Tasklist lists them for a user of this group. */
  private List<Task> supervisionFilter(String user, String group) {
    String id =
        filterService.createFilterQuery().filterName(SupervisionFilter.NAME).singleResult().getId();
    identityService.setAuthentication(user, List.of(group));
    try {
      return filterService.list(id);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void aStepCloseToItsDeadlineIsRemindedOnceToItsOwnGroup() {
    String number = "JN-2026-900002";
    Instant due = Instant.now().plus(Duration.ofMinutes(20));
    ProcessInstance proposal = step(number, JLDBL + ".caseworker", due);
    // Tasklist's follow-up date is the reminder's time: reminderBefore (PT30M here) before due
    Task task = taskService.createTaskQuery().processInstanceId(proposal.getId()).singleResult();
    assertThat(task.getFollowUpDate().toInstant())
        .isCloseTo(due.minus(Duration.ofMinutes(30)), within(1, ChronoUnit.SECONDS));

    watchRound();
    watchRound();

    verify(notifications, times(1))
        .toGroup(eq(number), eq(JLDBL + ".caseworker"), contains("办理测试步骤"));
    assertThat(
            taskService
                .createTaskQuery()
                .processDefinitionKey(SupervisionProcess.KEY)
                .processInstanceBusinessKey(number)
                .count())
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM supervision_record WHERE proposal_number = ? AND reminded_at IS NOT NULL",
                Integer.class,
                number))
        .isEqualTo(1);
  }

  private List<Task> supervisions(String number) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey(SupervisionProcess.KEY)
        .processInstanceBusinessKey(number)
        .list();
  }

  @Test
  void anUnansweredSupervisionEscalatesToTheDistrictAndNoFurther() {
    String number = "JN-2026-900003";
    Instant start = Instant.now();
    step(number, JLDBL + ".caseworker", start.minus(Duration.ofMinutes(5)));
    watchRound();
    assertThat(supervisions(number)).hasSize(1);

    // each supervision is due within responseWithin (P1D here); unanswered, the next level takes it
    // up
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1))));
    watchRound();
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(2))));
    watchRound();
    watchRound();

    assertThat(supervisions(number))
        .extracting(t -> taskService.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder(JLD + ".caseworker", "jn.caseworker");
  }

  private void runProposalJobs(String number) {
    EngineJobs.runProposalJobs(runtimeService, managementService, number);
  }

  @Test
  void thePublicViewShowsTheHandlingDeadlineFromTheEndOfSortingAndOverdueOnceItHasPassed() {
    Instant submitted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(submitted));
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("title", "九里堤北路社区健身器材维修");
    proposal.put("description", "社区广场健身器材多处损坏，老人锻炼不便，建议维修。");
    proposal.put("community", JLDBL);
    proposal.put("submitterName", "李女士");
    proposal.put("submitterPhone", "13712340001");
    proposal.put("topic", "FACILITIES");
    proposal.put("scope", "COMMUNITY");
    ResponseEntity<JsonNode> created =
        http.postForEntity("/api/proposals", proposal, JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = created.getBody().get("number").asText();
    assertThat(created.getBody().get("status").asText()).isEqualTo("SORTING");
    assertThat(created.getBody().has("deadline")).isTrue();
    assertThat(created.getBody().get("deadline").isNull())
        .as("no deadline before sorting ends")
        .isTrue();
    assertThat(created.getBody().get("overdue").asBoolean()).isFalse();

    Task sorting =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey("Task_SortProposal")
            .singleResult();
    Object limits =
        runtimeService.getVariable(
            sorting.getProcessInstanceId(), CommonVariables.TIME_LIMITS.name());
    Duration resolveWithin = Duration.parse(((Map<?, ?>) limits).get("resolveWithin").toString());
    Instant sorted = submitted.plus(Duration.ofHours(3));
    ClockUtil.setCurrentTime(Date.from(sorted));
    taskService.complete(
        sorting.getId(),
        Map.of(cn.yishi.proposal.ProposalLifecycleProcess.EXCLUSION.name(), "NONE"));
    runProposalJobs(number);

    JsonNode accepted = http.getForEntity("/api/proposals/" + number, JsonNode.class).getBody();
    assertThat(accepted.get("status").asText()).isIn("UNDER_REVIEW", "IN_DELIBERATION");
    Instant deadline = sorted.plus(resolveWithin);
    assertThat(OffsetDateTime.parse(accepted.get("deadline").asText()).toInstant())
        .isEqualTo(deadline);
    assertThat(accepted.get("deadline").asText()).endsWith("+08:00");
    assertThat(accepted.get("overdue").asBoolean()).isFalse();
    List<String> fields = new ArrayList<>();
    accepted.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsSubsequence("submittedAt", "deadline", "overdue", "openSteps", "timeline");

    ClockUtil.setCurrentTime(Date.from(deadline.plus(Duration.ofMinutes(1))));
    JsonNode late = http.getForEntity("/api/proposals/" + number, JsonNode.class).getBody();
    assertThat(late.get("overdue").asBoolean()).isTrue();
    assertThat(late.get("openSteps")).isNotEmpty();
    late.get("openSteps")
        .forEach(step -> assertThat(step.get("overdue").asBoolean()).as(step.toString()).isTrue());

    watchRound();
    watchRound();

    List<Task> supervisions = supervisions(number);
    List<Object> kinds =
        supervisions.stream()
            .map(
                t ->
                    runtimeService.getVariable(
                        t.getProcessInstanceId(), SupervisionProcess.SUPERVISION_KIND.name()))
            .toList();
    assertThat(kinds).containsOnlyOnce(SupervisionProcess.KIND_DEADLINE);
    // one per overdue step besides, however often the watch runs
    assertThat(kinds)
        .filteredOn(SupervisionProcess.KIND_STEP::equals)
        .hasSize(late.get("openSteps").size());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM deadline_supervision WHERE proposal_number = ?",
                Integer.class,
                number))
        .isEqualTo(1);
  }
}
