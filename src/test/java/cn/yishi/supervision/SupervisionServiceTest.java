package cn.yishi.supervision;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.supervision.SupervisionProcess.*;
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

import cn.yishi.common.BusinessTime;
import cn.yishi.common.CommonVariables;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.proposal.ProposalViewService;
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
 * The watch (办理时效监督) against real tasks of the in-memory engine and the real supervision_record
 * table (Flyway V40 run on the engine's H2 database): a reminder once before the deadline to the
 * step's group, a supervision once when overdue, by the right unit.
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

  /** The Flyway migrations of the tables the watch reads and writes, in their order. */
  private static final List<String> MIGRATIONS =
      List.of(
          "V2__proposal_view.sql",
          "V10__signature_record.sql",
          "V40__supervision_record.sql",
          "V70__proposal_deadline.sql",
          "V71__deadline_supervision.sql",
          "V81__proposal_cosignature.sql");

  @BeforeAll
  static void tables() throws Exception {
    jdbc =
        new JdbcTemplate(
            new DriverManagerDataSource(
                "jdbc:h2:mem:supervision-test;DB_CLOSE_DELAY=-1", "sa", ""));
    for (String table :
        List.of(
            "deadline_supervision",
            "supervision_record",
            "signature_record",
            "proposal_timeline",
            "proposal_view",
            "proposal_cosignature")) {
      jdbc.execute("DROP TABLE IF EXISTS " + table);
    }
    for (String file : MIGRATIONS) {
      String migration = Files.readString(Path.of("src/main/resources/db/migration/" + file));
      for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          jdbc.execute(statement);
        }
      }
    }
  }

  @BeforeEach
  void service() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    for (String table :
        List.of(
            "deadline_supervision", "supervision_record", "signature_record", "proposal_view")) {
      jdbc.update("DELETE FROM " + table);
    }
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
            new ProposalViewService(
                jdbc,
                new BusinessTime("Asia/Shanghai"),
                new cn.yishi.signature.SignatureService(
                    jdbc, (cn.yishi.signature.SigningKeys) null),
                mock(cn.yishi.notification.Notifications.class),
                new cn.yishi.proposal.CoSignatures(jdbc),
                mock(cn.yishi.proposal.ProposalStatistics.class)),
            new DeadlineSupervisions(jdbc),
            new BusinessTime("Asia/Shanghai"));
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
    v.put(CommonVariables.NUMBER.name(), NUMBER);
    v.put(TITLE.name(), "菁华园瀑布噪音扰民");
    v.put(TIME_LIMITS.name(), timeLimits());
    return runtimeService().startProcessInstanceByKey("overdueStepTest", NUMBER, v);
  }

  private static ProcessInstance step(String group, Instant due) {
    return step(group, due, Map.of());
  }

  private static List<Task> supervisionTasks() {
    return taskQuery().processDefinitionKey(SupervisionProcess.KEY).list();
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
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_record", Integer.class))
        .isZero();
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
        runtimeService()
            .createProcessInstanceQuery()
            .processInstanceId(supervise.getProcessInstanceId())
            .singleResult();
    assertThat(supervisionInstance.getBusinessKey()).isEqualTo(NUMBER);
    assertThat(runtimeService().getVariables(supervise.getProcessInstanceId()))
        .containsEntry(SUPERVISING_UNIT.name(), JLD)
        .containsEntry(SUPERVISING_UNIT_NAME.name(), "九里堤街道")
        .containsEntry(SUPERVISED_UNIT.name(), JLDBL)
        .containsEntry(SUPERVISED_UNIT_NAME.name(), "九里堤北路社区")
        .containsEntry(SUPERVISED_STEP.name(), "办理测试步骤")
        .containsEntry(SUPERVISED_DUE_TEXT.name(), "2026-11-22 07:00")
        .containsEntry(TITLE.name(), "菁华园瀑布噪音扰民");
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

    verify(notifications, times(1))
        .toGroup(eq(NUMBER), eq(JLDBL + ".caseworker"), contains("办理测试步骤"));
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
    step(
        "dept-river.department", NOW.minus(Duration.ofDays(1)), Map.of(SUMMONING_UNIT.name(), JLD));

    supervision.watch(NOW);

    assertSupervisedBy(JLD + ".caseworker");
    assertThat(runtimeService().getVariables(supervisionTasks().get(0).getProcessInstanceId()))
        .containsEntry(SUPERVISED_UNIT.name(), "dept-river")
        .containsEntry(SUPERVISED_UNIT_NAME.name(), "金牛区河长制办公室")
        .containsEntry(SUPERVISED_GROUP.name(), "dept-river.department");
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
            Map.of(
                "stepGroup",
                JLDBL + ".caseworker",
                "stepDue",
                Date.from(NOW.minus(Duration.ofHours(1)))));

    SupervisionService.WatchResult result = supervision.watch(NOW);

    assertThat(result.remindedTaskIds()).isEmpty();
    assertThat(result.supervisedTaskIds()).isEmpty();
    assertThat(supervisionTasks()).isEmpty();
  }

  @Test
  void aStepWithoutReminderLeadIsOnlySupervised() {
    Map<String, Object> extra = new HashMap<>();
    step(JLDBL + ".caseworker", NOW.plus(Duration.ofMinutes(1)), extra);
    runtimeService()
        .createProcessInstanceQuery()
        .list()
        .forEach(
            p ->
                runtimeService()
                    .setVariable(p.getId(), TIME_LIMITS.name(), Map.of("responseWithin", "P1D")));

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
            new OverdueStep(
                "办理测试步骤", "Task_Step", OffsetDateTime.parse("2026-11-22T07:00+08:00"), true),
            new OverdueStep(
                "办理测试步骤", "Task_Step", OffsetDateTime.parse("2026-11-24T09:00+08:00"), false));
    assertThat(supervision.overdueSteps("JN-2026-999999")).isEmpty();
  }

  @Test
  void theSupervisionStaysWhenTheOverdueStepIsDoneMeanwhile() {
    ProcessInstance proposal = step(JLDBL + ".caseworker", NOW.minus(Duration.ofHours(2)));
    supervision.watch(NOW);

    complete(taskQuery().processInstanceId(proposal.getId()).singleResult());
    supervision.watch(NOW.plus(Duration.ofMinutes(15)));

    assertThat(supervisionTasks()).hasSize(1);
    complete(supervisionTasks().get(0), Map.of(SUPERVISION_NOTE.name(), "已督促社区，步骤已于督办期间办结。"));
    assertThat(supervisionTasks()).isEmpty();
  }

  // --- one supervision per overdue step, escalating --------------------------------------------

  private static Task supervisionAt(int level) {
    List<Task> found =
        supervisionTasks().stream()
            .filter(
                t ->
                    Integer.valueOf(level)
                        .equals(
                            runtimeService()
                                .getVariable(t.getProcessInstanceId(), SUPERVISION_LEVEL.name())))
            .toList();
    assertThat(found).as("supervision tasks at level " + level).hasSize(1);
    return found.get(0);
  }

  private static String candidateGroupOf(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .findFirst()
        .orElseThrow()
        .getGroupId();
  }

  @Test
  void everyOverdueStepGetsExactlyOneSupervisionHoweverOftenTheWatchRuns() {
    step(JLDBL + ".caseworker", NOW.minus(Duration.ofHours(2)));
    step(JINGHUAYUAN + ".caseworker", NOW.minus(Duration.ofHours(1)));
    step(
        "dept-river.department",
        NOW.minus(Duration.ofMinutes(5)),
        Map.of(SUMMONING_UNIT.name(), JLDBL));

    SupervisionService.WatchResult first = supervision.watch(NOW);
    SupervisionService.WatchResult second = supervision.watch(NOW.plus(Duration.ofMinutes(15)));
    SupervisionService.WatchResult third = supervision.watch(NOW.plus(Duration.ofMinutes(30)));

    assertThat(first.supervisedTaskIds()).hasSize(3);
    assertThat(second.supervisedTaskIds()).isEmpty();
    assertThat(third.supervisedTaskIds()).isEmpty();
    List<Task> supervisions = supervisionTasks();
    assertThat(supervisions).hasSize(3);
    assertThat(supervisions)
        .extracting(
            t -> runtimeService().getVariable(t.getProcessInstanceId(), SUPERVISED_TASK_ID.name()))
        .doesNotHaveDuplicates()
        .doesNotContainNull();
    assertThat(supervisions)
        .extracting(SupervisionServiceTest::candidateGroupOf)
        .containsExactlyInAnyOrder(
            JLD + ".caseworker", JLDBL + ".caseworker", JLDBL + ".caseworker");
    assertThat(supervisions)
        .allSatisfy(
            t ->
                assertThat(runtimeService().getVariables(t.getProcessInstanceId()))
                    .containsEntry(SUPERVISION_KIND.name(), KIND_STEP)
                    .containsEntry(SUPERVISION_LEVEL.name(), 1));
  }

  @Test
  void
      anUnansweredSupervisionEscalatesFromTheCourtyardsCommunityToTheStreetAndTheDistrictThenStops() {
    ProcessInstance proposal = step(JINGHUAYUAN + ".caseworker", NOW.minus(Duration.ofMinutes(1)));
    String stepId = taskQuery().processInstanceId(proposal.getId()).singleResult().getId();

    supervision.watch(NOW);
    Task community = supervisionAt(1);
    assertThat(candidateGroupOf(community)).isEqualTo(JLDBL + ".caseworker");
    // due within responseWithin (P1D): not escalated before
    assertThat(supervision.watch(NOW.plus(Duration.ofHours(23))).escalatedTaskIds()).isEmpty();

    Instant dayLater = NOW.plus(Duration.ofDays(1));
    ClockUtil.setCurrentTime(Date.from(dayLater));
    SupervisionService.WatchResult toStreet = supervision.watch(dayLater);
    assertThat(toStreet.escalatedTaskIds()).containsExactly(community.getId());
    assertThat(toStreet.supervisedTaskIds()).isEmpty();
    Task street = supervisionAt(2);
    assertThat(candidateGroupOf(street)).isEqualTo(JLD + ".caseworker");
    assertThat(runtimeService().getVariables(street.getProcessInstanceId()))
        .containsEntry(SUPERVISION_KIND.name(), KIND_STEP)
        .containsEntry(SUPERVISING_UNIT.name(), JLD)
        .containsEntry(SUPERVISED_UNIT.name(), JLDBL)
        .containsEntry(SUPERVISED_UNIT_NAME.name(), "九里堤北路社区")
        .containsEntry(SUPERVISED_GROUP.name(), JLDBL + ".caseworker")
        .containsEntry(SUPERVISED_TASK_ID.name(), community.getId())
        .containsEntry(SUPERVISED_STEP.name(), "督办超期事项")
        .containsEntry(SUPERVISED_DUE_TEXT.name(), "2026-11-23 09:00")
        .containsEntry(ORIGINAL_STEP.name(), "办理测试步骤")
        .containsEntry(ORIGINAL_UNIT_NAME.name(), "菁华园")
        .containsEntry(ESCALATED_FROM.name(), community.getProcessInstanceId())
        .containsEntry(
            SUPERVISION_SUBJECT.name(),
            "九里堤北路社区对「办理测试步骤」（菁华园）的督办已于 2026-11-23 09:00 到期仍未答复：请督促九里堤北路社区督办到位。");
    assertThat(street.getDueDate().toInstant()).isEqualTo(dayLater.plus(Duration.ofDays(1)));

    Instant twoDaysLater = dayLater.plus(Duration.ofDays(1));
    ClockUtil.setCurrentTime(Date.from(twoDaysLater));
    assertThat(supervision.watch(twoDaysLater).escalatedTaskIds()).containsExactly(street.getId());
    Task district = supervisionAt(3);
    assertThat(candidateGroupOf(district)).isEqualTo(DISTRICT + ".caseworker");
    assertThat(runtimeService().getVariables(district.getProcessInstanceId()))
        .containsEntry(SUPERVISED_UNIT.name(), JLD)
        .containsEntry(ORIGINAL_STEP.name(), "办理测试步骤")
        .containsEntry(ESCALATED_FROM.name(), street.getProcessInstanceId());

    // at the district nothing further, however long it stays unanswered
    Instant muchLater = twoDaysLater.plus(Duration.ofDays(5));
    ClockUtil.setCurrentTime(Date.from(muchLater));
    assertThat(supervision.watch(muchLater).escalatedTaskIds()).isEmpty();
    assertThat(supervision.watch(muchLater.plus(Duration.ofMinutes(15))).escalatedTaskIds())
        .isEmpty();
    assertThat(supervisionTasks()).hasSize(3);
    // the step itself was supervised once; every escalation is recorded against the task it
    // escalates
    assertThat(new SupervisionRecords(jdbc).forProposal(NUMBER))
        .extracting(SupervisionRecord::taskId)
        .containsExactlyInAnyOrder(stepId, community.getId(), street.getId());
  }

  @Test
  void aSupervisionTaskIsRemindedBeforeItIsDueLikeAnyStep() {
    step(JLDBL + ".caseworker", NOW.minus(Duration.ofMinutes(1)));
    supervision.watch(NOW);
    Task street = supervisionAt(1);

    Instant shortlyBefore = street.getDueDate().toInstant().minus(Duration.ofMinutes(20));
    assertThat(supervision.watch(shortlyBefore).remindedTaskIds()).containsExactly(street.getId());

    verify(notifications).toGroup(eq(NUMBER), eq(JLD + ".caseworker"), contains("督办超期事项"));
  }

  @Test
  void aSupervisionAnsweredInTimeIsNotEscalated() {
    step(JLDBL + ".caseworker", NOW.minus(Duration.ofMinutes(1)));
    supervision.watch(NOW);
    complete(supervisionAt(1), Map.of(SUPERVISION_NOTE.name(), "已督促社区，当日办结。"));

    Instant later = NOW.plus(Duration.ofDays(3));
    SupervisionService.WatchResult result = supervision.watch(later);

    assertThat(result.escalatedTaskIds()).isEmpty();
    assertThat(result.supervisedTaskIds()).isEmpty();
    assertThat(supervisionTasks()).isEmpty();
  }

  @Test
  void anOverdueDistrictStepIsSupervisedByTheDistrictAndNotEscalatedFurther() {
    step(DISTRICT + ".caseworker", NOW.minus(Duration.ofHours(3)));
    supervision.watch(NOW);

    Instant later = NOW.plus(Duration.ofDays(2));
    ClockUtil.setCurrentTime(Date.from(later));
    assertThat(supervision.watch(later).escalatedTaskIds()).isEmpty();
    assertThat(supervisionTasks()).hasSize(1);
  }

  @Test
  void nothingIsEscalatedOnceTheProposalHasEnded() {
    ProcessInstance proposal = step(JLDBL + ".caseworker", NOW.minus(Duration.ofMinutes(1)));
    supervision.watch(NOW);
    complete(taskQuery().processInstanceId(proposal.getId()).singleResult());
    proposalView("CLOSED", null, null, null, null);

    Instant later = NOW.plus(Duration.ofDays(2));
    ClockUtil.setCurrentTime(Date.from(later));
    assertThat(supervision.watch(later).escalatedTaskIds()).isEmpty();
    assertThat(supervisionTasks()).hasSize(1);
  }

  @Test
  void anUnansweredSupervisionWithoutAKnownSupervisingUnitIsLeftAlone() {
    ProcessInstance started =
        runtimeService()
            .startProcessInstanceByKey(
                SupervisionProcess.KEY,
                NUMBER,
                Map.of(
                    NUMBER,
                    NUMBER,
                    TIME_LIMITS.name(),
                    timeLimits(),
                    SUPERVISING_UNIT.name(),
                    JLD));
    // a supervising unit the organisation no longer knows: nothing to escalate from
    runtimeService().setVariable(started.getId(), SUPERVISING_UNIT.name(), "jn-nowhere");

    SupervisionService.WatchResult result = supervision.watch(NOW.plus(Duration.ofDays(2)));

    assertThat(result.escalatedTaskIds()).isEmpty();
    assertThat(supervisionTasks()).hasSize(1);
  }

  // --- the proposal's handling deadline ----------------------------------------------------------

  /**
   * The proposal's read model row: status, 受理 time, deadline, deliberation unit, handling level.
   */
  private static void proposalView(
      String status, Instant acceptedAt, Instant deadline, String deliberationUnit, String level) {
    jdbc.update("DELETE FROM proposal_view WHERE number = ?", NUMBER);
    jdbc.update(
        "INSERT INTO proposal_view (number, title, community, courtyard, status, updated_at, track,"
            + " handling_level, deliberation_unit, accepted_at, deadline, results_before)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        NUMBER,
        "菁华园瀑布噪音扰民",
        JLDBL,
        JINGHUAYUAN,
        status,
        offset(NOW),
        "MINOR",
        level,
        deliberationUnit,
        offset(acceptedAt),
        offset(deadline));
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant == null ? null : instant.atOffset(java.time.ZoneOffset.ofHours(8));
  }

  private static void resultSigned() {
    jdbc.update(
        "INSERT INTO signature_record (id, proposal_number, kind, content, content_hash, signature, key_id,"
            + " signed_by, signed_at) VALUES ('r1', ?, 'RESULT', '{}', 'h', 's', 'k', 'jldbl-caseworker', ?)",
        NUMBER,
        offset(NOW));
  }

  /** A proposal process with its timeLimits and a step far from its due date. */
  private static void runningProposal() {
    step(JLDBL + ".caseworker", NOW.plus(Duration.ofDays(5)));
  }

  private static final Instant ACCEPTED = NOW.minus(Duration.ofDays(8));
  private static final Instant DEADLINE = NOW.minus(Duration.ofDays(1));

  @Test
  void aProposalPastItsDeadlineIsSupervisedOnceByTheLevelAboveItsDeliberationUnit() {
    runningProposal();
    proposalView("IN_DELIBERATION", ACCEPTED, DEADLINE, JLDBL, "COMMUNITY");

    SupervisionService.WatchResult first = supervision.watch(NOW);
    SupervisionService.WatchResult second = supervision.watch(NOW.plus(Duration.ofMinutes(15)));

    assertThat(first.overdueProposals()).containsExactly(NUMBER);
    assertThat(first.supervisedTaskIds()).isEmpty();
    assertThat(second.overdueProposals()).isEmpty();
    assertSupervisedBy(JLD + ".caseworker");
    Task supervise = supervisionTasks().get(0);
    assertThat(runtimeService().getVariables(supervise.getProcessInstanceId()))
        .containsEntry(SUPERVISION_KIND.name(), KIND_DEADLINE)
        .containsEntry(SUPERVISION_LEVEL.name(), 1)
        .containsEntry(SUPERVISING_UNIT.name(), JLD)
        .containsEntry(SUPERVISED_UNIT.name(), JLDBL)
        .containsEntry(SUPERVISED_GROUP.name(), JLDBL + ".caseworker")
        .containsEntry(SUPERVISED_STEP.name(), DEADLINE_STEP_NAME)
        .containsEntry(SUPERVISED_DUE_TEXT.name(), "2026-11-21 09:00")
        .containsEntry(TITLE.name(), "菁华园瀑布噪音扰民")
        .containsEntry(
            SUPERVISION_SUBJECT.name(),
            "提案自 2026-11-14 09:00 受理，办理时限已于 2026-11-21 09:00 届满，仍未记录办理结果（承办单位：九里堤北路社区）：请督促办结。");
    assertThat(
            runtimeService()
                .getVariable(supervise.getProcessInstanceId(), SUPERVISED_TASK_ID.name()))
        .isNull();
    assertThat(supervise.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    Map<String, Object> record =
        jdbc.queryForMap(
            "SELECT supervising_unit, supervision_instance_id FROM deadline_supervision WHERE proposal_number = ?",
            NUMBER);
    assertThat(record.get("supervising_unit")).isEqualTo(JLD);
    assertThat(record.get("supervision_instance_id")).isEqualTo(supervise.getProcessInstanceId());
  }

  @Test
  void theDeadlineSupervisionEscalatesLikeAnyOther() {
    runningProposal();
    proposalView("UNDER_REVIEW", ACCEPTED, DEADLINE, JLDBL, "COMMUNITY");
    supervision.watch(NOW);

    Instant later = NOW.plus(Duration.ofDays(1));
    ClockUtil.setCurrentTime(Date.from(later));
    supervision.watch(later);

    Task district = supervisionAt(2);
    assertThat(candidateGroupOf(district)).isEqualTo(DISTRICT + ".caseworker");
    assertThat(runtimeService().getVariables(district.getProcessInstanceId()))
        .containsEntry(SUPERVISION_KIND.name(), KIND_DEADLINE)
        .containsEntry(ORIGINAL_STEP.name(), DEADLINE_STEP_NAME)
        .containsEntry(ORIGINAL_UNIT_NAME.name(), "九里堤北路社区");
    // one deadline supervision per handling period, escalations aside
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadline_supervision", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void withoutADeliberationUnitTheUnitAtItsHandlingLevelHandlesIt() {
    runningProposal();
    proposalView("UNDER_REVIEW", ACCEPTED, DEADLINE, null, "STREET");

    supervision.watch(NOW);

    // 菁华园 → 九里堤北路社区 → 九里堤街道 handles it: the district supervises
    assertSupervisedBy(DISTRICT + ".caseworker");
    assertThat(
            runtimeService()
                .getVariable(
                    supervisionTasks().get(0).getProcessInstanceId(), SUPERVISED_UNIT.name()))
        .isEqualTo(JLD);
  }

  @Test
  void aProposalHandledAtTheCourtyardIsSupervisedByItsCommunity() {
    runningProposal();
    proposalView("IN_DELIBERATION", ACCEPTED, DEADLINE, "jn-unknown", "COURTYARD");

    supervision.watch(NOW);

    assertSupervisedBy(JLDBL + ".caseworker");
  }

  @Test
  void aProposalHandledByTheDistrictIsSupervisedByTheDistrictItself() {
    runningProposal();
    proposalView("IN_DELIBERATION", ACCEPTED, DEADLINE, DISTRICT, "DISTRICT");

    supervision.watch(NOW);

    assertSupervisedBy(DISTRICT + ".caseworker");
  }

  @Test
  void aProposalWithoutKnownLevelIsHandledByItsCommunity() {
    runningProposal();
    proposalView("IN_DELIBERATION", ACCEPTED, DEADLINE, null, null);

    supervision.watch(NOW);

    assertSupervisedBy(JLD + ".caseworker");
  }

  @Test
  void aProposalWithItsResultRecordedOrEndedOrNotYetDueIsNotSupervised() {
    runningProposal();
    proposalView("IN_NOTICE", ACCEPTED, DEADLINE, JLDBL, "COMMUNITY");
    resultSigned();
    assertThat(supervision.watch(NOW).overdueProposals()).isEmpty();

    jdbc.update("DELETE FROM signature_record");
    proposalView("CLOSED", ACCEPTED, DEADLINE, JLDBL, "COMMUNITY");
    assertThat(supervision.watch(NOW).overdueProposals()).isEmpty();

    proposalView("IN_DELIBERATION", ACCEPTED, NOW.plus(Duration.ofMinutes(1)), JLDBL, "COMMUNITY");
    assertThat(supervision.watch(NOW).overdueProposals()).isEmpty();

    proposalView("SORTING", null, null, null, "COMMUNITY");
    assertThat(supervision.watch(NOW).overdueProposals()).isEmpty();
    assertThat(supervisionTasks()).isEmpty();
  }

  @Test
  void aProposalPastItsDeadlineWithoutAUnitOrTimeLimitsIsLeftForTheNextWatch() {
    proposalView("IN_DELIBERATION", ACCEPTED, DEADLINE, JLDBL, "COMMUNITY");
    assertThat(supervision.watch(NOW).overdueProposals())
        .as("no proposal process with timeLimits")
        .isEmpty();

    runningProposal();
    jdbc.update(
        "UPDATE proposal_view SET community = 'jn-nowhere', courtyard = NULL, deliberation_unit = NULL");
    assertThat(supervision.watch(NOW).overdueProposals())
        .as("no unit of the organisation")
        .isEmpty();

    jdbc.update("UPDATE proposal_view SET community = NULL");
    assertThat(supervision.watch(NOW).overdueProposals()).as("no community").isEmpty();
    assertThat(supervisionTasks()).isEmpty();
  }
}
