package cn.yishi.supervision;

import static cn.yishi.supervision.SupervisionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The watch (办理时效监督) against real tasks of the in-memory engine and the real
 * supervision_record table (Flyway V40 run on the engine's H2 database): a reminder once before
 * the deadline to the step's group, a supervision once when overdue, by the right unit.
 */
@Deployment(resources = {"processes/supervision.bpmn", "supervision/overdue-step.bpmn"})
class SupervisionServiceTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final OrganisationService ORGANISATION =
      new OrganisationService(new DefaultResourceLoader(), "classpath:organisation/jinniu.json");
  private static final String NUMBER = "JN-2026-000123";
  private static final String JLDBL = "jn-jld-jldbl"; // 九里堤北路社区
  private static final String JLD = "jn-jld"; // 九里堤街道
  private static final String JINGHUAYUAN = "jn-jld-jldbl-jhy"; // 菁华园
  private static final String DISTRICT = "jn";
  /** 09:00 in Shanghai. */
  private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
  private static JdbcTemplate jdbc;

  private final GroupNotifications notifications = mock(GroupNotifications.class);
  private SupervisionService supervision;

  @BeforeAll
  static void table() throws Exception {
    jdbc =
        new JdbcTemplate(
            new DriverManagerDataSource("jdbc:h2:mem:yishi-engine-test;DB_CLOSE_DELAY=1000", "sa", ""));
    jdbc.execute("DROP TABLE IF EXISTS supervision_record");
    String migration = Files.readString(Path.of("src/main/resources/db/migration/V40__supervision_record.sql"));
    for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
      if (!statement.isBlank()) {
        jdbc.execute(statement);
      }
    }
  }

  @BeforeEach
  void service() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    jdbc.update("DELETE FROM supervision_record");
    Mocks.register("groups", new Groups(ORGANISATION));
    ProcessEngine engine = extension.getProcessEngine();
    supervision =
        new SupervisionService(
            engine.getTaskService(),
            engine.getRuntimeService(),
            engine.getRepositoryService(),
            ORGANISATION,
            new SupervisionRecords(jdbc),
            notifications,
            "Asia/Shanghai");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private static Map<String, Object> timeLimits() {
    Map<String, Object> limits = new HashMap<>();
    limits.put("reminderBefore", "PT30M");
    limits.put("responseWithin", "P1D");
    limits.put("stepWithin", "P3D");
    return limits;
  }

  /** A proposal step of {@code group} due at {@code due}, started with the proposal's variables. */
  private static ProcessInstance step(String group, Instant due, Map<String, Object> extra) {
    Map<String, Object> v = new HashMap<>(extra);
    v.put("stepGroup", group);
    v.put("stepDue", Date.from(due));
    v.put(SupervisionVariables.NUMBER, NUMBER);
    v.put(TITLE, "菁华园瀑布噪音扰民");
    v.put(TIME_LIMITS, timeLimits());
    return runtimeService().startProcessInstanceByKey("overdueStepTest", NUMBER, v);
  }

  private static ProcessInstance step(String group, Instant due) {
    return step(group, due, Map.of());
  }

  private static List<Task> supervisionTasks() {
    return taskQuery().processDefinitionKey(SUPERVISION_PROCESS_KEY).list();
  }

  private static void assertSupervisedBy(String group) {
    List<Task> tasks = supervisionTasks();
    assertThat(tasks).hasSize(1);
    assertThat(taskService().getIdentityLinksForTask(tasks.get(0).getId()))
        .anyMatch(link -> group.equals(link.getGroupId()));
  }

  @Test
  void aStepDueWithinItsReminderLeadIsRemindedOnceToItsGroup() {
    ProcessInstance proposal = step(JLDBL + ".caseworker", NOW.plus(Duration.ofMinutes(20)));

    supervision.watch(NOW);
    supervision.watch(NOW.plus(Duration.ofMinutes(5)));

    verify(notifications, times(1))
        .toGroup(
            eq(NUMBER),
            eq(JLDBL + ".caseworker"),
            eq("提醒：提案 JN-2026-000123「菁华园瀑布噪音扰民」的步骤「办理测试步骤」将于 2026-11-22 09:20 到期，请及时办理。"));
    String taskId = taskQuery().processInstanceId(proposal.getId()).singleResult().getId();
    SupervisionRecord record = new SupervisionRecords(jdbc).find(taskId).orElseThrow();
    assertThat(record.remindedAt().toInstant()).isEqualTo(NOW);
    assertThat(record.proposalNumber()).isEqualTo(NUMBER);
    assertThat(record.supervised()).isFalse();
    assertThat(supervisionTasks()).isEmpty();
  }

  @Test
  void aStepFarFromItsDeadlineIsNeitherRemindedNorSupervised() {
    step(JLDBL + ".caseworker", NOW.plus(Duration.ofHours(2)));

    SupervisionService.WatchResult result = supervision.watch(NOW);

    assertThat(result.remindedTaskIds()).isEmpty();
    assertThat(result.supervisedTaskIds()).isEmpty();
    verify(notifications, never()).toGroup(anyString(), anyString(), anyString());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_record", Integer.class)).isZero();
  }

  @Test
  void anOverdueCommunityStepIsSupervisedOnceByTheStreetsCaseworkers() {
    Instant due = NOW.minus(Duration.ofHours(2));
    ProcessInstance proposal = step(JLDBL + ".caseworker", due);

    supervision.watch(NOW);
    supervision.watch(NOW.plus(Duration.ofMinutes(15)));

    assertSupervisedBy(JLD + ".caseworker");
    Task supervise = supervisionTasks().get(0);
    ProcessInstance supervisionInstance =
        runtimeService().createProcessInstanceQuery().processInstanceId(supervise.getProcessInstanceId()).singleResult();
    assertThat(supervisionInstance.getBusinessKey()).isEqualTo(NUMBER);
    assertThat(runtimeService().getVariables(supervise.getProcessInstanceId()))
        .containsEntry(SUPERVISING_UNIT, JLD)
        .containsEntry(SUPERVISING_UNIT_NAME, "九里堤街道")
        .containsEntry(SUPERVISED_UNIT, JLDBL)
        .containsEntry(SUPERVISED_UNIT_NAME, "九里堤北路社区")
        .containsEntry(SUPERVISED_STEP, "办理测试步骤")
        .containsEntry(SUPERVISED_DUE_TEXT, "2026-11-22 07:00")
        .containsEntry(TITLE, "菁华园瀑布噪音扰民");
    // due within the supervised proposal's responseWithin (P1D)
    assertThat(supervise.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    String taskId = taskQuery().processInstanceId(proposal.getId()).singleResult().getId();
    SupervisionRecord record = new SupervisionRecords(jdbc).find(taskId).orElseThrow();
    assertThat(record.overdueSince().toInstant()).isEqualTo(due);
    assertThat(record.supervisionInstanceId()).isEqualTo(supervise.getProcessInstanceId());
    verify(notifications, never()).toGroup(anyString(), anyString(), anyString());
  }

  @Test
  void aRemindedStepIsStillSupervisedOnceItIsOverdue() {
    step(JLDBL + ".caseworker", NOW.plus(Duration.ofMinutes(10)));

    supervision.watch(NOW);
    supervision.watch(NOW.plus(Duration.ofMinutes(15)));
    supervision.watch(NOW.plus(Duration.ofMinutes(30)));

    verify(notifications, times(1)).toGroup(eq(NUMBER), eq(JLDBL + ".caseworker"), contains("办理测试步骤"));
    assertSupervisedBy(JLD + ".caseworker");
    assertThat(new SupervisionRecords(jdbc).forProposal(NUMBER))
        .singleElement()
        .satisfies(r -> assertThat(r.reminded() && r.supervised()).isTrue());
  }

  @Test
  void anOverdueCourtyardStepIsSupervisedByItsCommunity() {
    step(JINGHUAYUAN + ".caseworker", NOW.minus(Duration.ofMinutes(1)));

    supervision.watch(NOW);

    assertSupervisedBy(JLDBL + ".caseworker");
  }

  @Test
  void anOverdueDepartmentStepIsSupervisedByTheUnitThatSummonedIt() {
    step("dept-river.department", NOW.minus(Duration.ofDays(1)), Map.of(SUMMONING_UNIT, JLD));

    supervision.watch(NOW);

    assertSupervisedBy(JLD + ".caseworker");
    assertThat(runtimeService().getVariables(supervisionTasks().get(0).getProcessInstanceId()))
        .containsEntry(SUPERVISED_UNIT, "dept-river")
        .containsEntry(SUPERVISED_UNIT_NAME, "金牛区河长制办公室")
        .containsEntry(SUPERVISED_GROUP, "dept-river.department");
  }

  @Test
  void anOverdueDepartmentStepWithoutSummoningUnitIsLeftForTheNextWatch() {
    step("dept-river.department", NOW.minus(Duration.ofDays(1)));

    SupervisionService.WatchResult result = supervision.watch(NOW);

    assertThat(result.supervisedTaskIds()).isEmpty();
    assertThat(supervisionTasks()).isEmpty();
  }

  @Test
  void anOverdueDistrictStepIsSupervisedByTheDistrictItself() {
    step(DISTRICT + ".caseworker", NOW.minus(Duration.ofHours(3)));

    supervision.watch(NOW);

    assertSupervisedBy(DISTRICT + ".caseworker");
  }

  @Test
  void stepsWithoutAUnitGroupOrOutsideAProposalAreIgnored() {
    step(Groups.POLICY_STAFF, NOW.minus(Duration.ofHours(1)));
    step("jn-nowhere.caseworker", NOW.minus(Duration.ofHours(1)));
    step(Groups.POLICY_STAFF, NOW.plus(Duration.ofMinutes(1)));
    runtimeService()
        .startProcessInstanceByKey(
            "overdueStepTest",
            Map.of("stepGroup", JLDBL + ".caseworker", "stepDue", Date.from(NOW.minus(Duration.ofHours(1)))));

    SupervisionService.WatchResult result = supervision.watch(NOW);

    assertThat(result.remindedTaskIds()).isEmpty();
    assertThat(result.supervisedTaskIds()).isEmpty();
    assertThat(supervisionTasks()).isEmpty();
  }

  @Test
  void aStepWithoutReminderLeadIsOnlySupervised() {
    Map<String, Object> extra = new HashMap<>();
    step(JLDBL + ".caseworker", NOW.plus(Duration.ofMinutes(1)), extra);
    runtimeService().createProcessInstanceQuery().list()
        .forEach(p -> runtimeService().setVariable(p.getId(), TIME_LIMITS, Map.of("responseWithin", "P1D")));

    supervision.watch(NOW);
    supervision.watch(NOW.plus(Duration.ofMinutes(2)));

    verify(notifications, never()).toGroup(anyString(), anyString(), anyString());
    assertSupervisedBy(JLD + ".caseworker");
  }

  @Test
  void publicStatusShowsOpenStepsWithTheirOverdueFlagButNotTheSupervision() {
    step(JLDBL + ".caseworker", NOW.minus(Duration.ofHours(2)));
    step(JINGHUAYUAN + ".caseworker", NOW.plus(Duration.ofDays(2)));
    supervision.watch(NOW);
    assertThat(supervisionTasks()).hasSize(1);

    List<OverdueStep> steps = supervision.overdueSteps(NUMBER);

    assertThat(steps)
        .containsExactly(
            new OverdueStep("办理测试步骤", "Task_Step", OffsetDateTime.parse("2026-11-22T07:00+08:00"), true),
            new OverdueStep("办理测试步骤", "Task_Step", OffsetDateTime.parse("2026-11-24T09:00+08:00"), false));
    assertThat(supervision.overdueSteps("JN-2026-999999")).isEmpty();
  }

  @Test
  void theSupervisionStaysWhenTheOverdueStepIsDoneMeanwhile() {
    ProcessInstance proposal = step(JLDBL + ".caseworker", NOW.minus(Duration.ofHours(2)));
    supervision.watch(NOW);

    complete(taskQuery().processInstanceId(proposal.getId()).singleResult());
    supervision.watch(NOW.plus(Duration.ofMinutes(15)));

    assertThat(supervisionTasks()).hasSize(1);
    complete(supervisionTasks().get(0), Map.of(SUPERVISION_NOTE, "已督促社区，步骤已于督办期间办结。"));
    assertThat(supervisionTasks()).isEmpty();
  }
}
