package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static cn.yishi.deliberation.DeliberationDayProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Every path of deliberationDay (爱邻议事日): the monthly timer fires on the 20th at 09:00 Shanghai time
 * and each courtyard with pending courtyard deliberations gets one agenda task for its convenor;
 * without pending matters nothing is asked of anyone. Real organisation, real timeLimits table,
 * real CourtyardAgenda; courtyard deliberations are the test double.
 */
@Deployment(
    resources = {
      "processes/deliberationDay.bpmn",
      "decisions/timeLimits.dmn",
      "stubs/courtyardDeliberation.bpmn"
    })
@SuppressWarnings("unchecked")
class DeliberationDayProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final OrganisationService ORGANISATION =
      new OrganisationService(new DefaultResourceLoader(), "classpath:organisation/jinniu.json");
  private static final String JINGHUAYUAN = "jn-jld-jldbl-jhy"; // 菁华园
  private static final String XINGHUI_6 = "jn-smq-grc-xhzl6"; // 星辉中路6号院

  /** Sunday 22 November 2026, 08:00 in Shanghai. */
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  /** The 20th of December, 09:00 in Shanghai. */
  private static final Instant DECEMBER_20TH = Instant.parse("2026-12-20T01:00:00Z");

  @BeforeEach
  void beans() {
    // before the deployment: the timer's cycle is evaluated when the diagram is deployed
    ClockUtil.setCurrentTime(Date.from(NOW));
    Mocks.register(
        DeliberationDayProcess.KEY,
        new DeliberationDaySchedule(20, "09:00", "Asia/Shanghai", null));
    Mocks.register("groups", new Groups(ORGANISATION));
    Mocks.register(
        "courtyardAgenda",
        new CourtyardAgenda(
            extension.getProcessEngine().getRuntimeService(),
            new Units(ORGANISATION),
            new DeliberationDaySchedule(20, "09:00", "Asia/Shanghai", null)));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private static ProcessInstance pendingCourtyardMatter(
      String courtyard, String number, String title) {
    return runtimeService()
        .startProcessInstanceByKey(
            CourtyardDeliberationProcess.KEY,
            number,
            Map.of(
                DELIBERATION_UNIT.name(), courtyard, NUMBER.name(), number, TITLE.name(), title));
  }

  private static Job deliberationDayTimer() {
    return managementService().createJobQuery().processDefinitionKey(KEY).timers().singleResult();
  }

  /** Lets the timer fire at its due time, as the job executor would. */
  private static ProcessInstance deliberationDayComes() {
    Job timer = deliberationDayTimer();
    ClockUtil.setCurrentTime(timer.getDuedate());
    java.util.Set<String> earlier = new java.util.HashSet<>();
    historyService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(KEY)
        .list()
        .forEach(h -> earlier.add(h.getId()));
    execute(timer);
    String id =
        historyService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(KEY)
            .list()
            .stream()
            .map(h -> h.getId())
            .filter(i -> !earlier.contains(i))
            .findFirst()
            .orElseThrow();
    return runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult()
            != null
        ? runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult()
        : endedInstance(id);
  }

  /** An ended instance, for camunda-bpm-assert (which reads its history by id). */
  private static ProcessInstance endedInstance(String id) {
    ProcessInstance ended = org.mockito.Mockito.mock(ProcessInstance.class);
    org.mockito.Mockito.when(ended.getId()).thenReturn(id);
    org.mockito.Mockito.when(ended.getProcessInstanceId()).thenReturn(id);
    return ended;
  }

  private static Duration minorStepWithin() {
    String stepWithin =
        decisionService()
            .evaluateDecisionTableByKey(TIME_LIMITS.name(), Map.of(TRACK.name(), "MINOR"))
            .getSingleResult()
            .getEntry("stepWithin");
    return Duration.parse(stepWithin);
  }

  @Test
  void timerWaitsForThe20thAtNineInShanghaiAndThenEveryMonth() {
    org.assertj.core.api.Assertions.assertThat(deliberationDayTimer().getDuedate().toInstant())
        .isEqualTo(DECEMBER_20TH);

    deliberationDayComes();

    org.assertj.core.api.Assertions.assertThat(deliberationDayTimer().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2027-01-20T01:00:00Z"));
  }

  @Test
  void aChangedDayMovesTheWaitingTimerAndItsMonthlyRepeat() {
    DeliberationDayRescheduler restart =
        new DeliberationDayRescheduler(
            extension.getProcessEngine(),
            new DeliberationDaySchedule(25, "10:30", "Asia/Shanghai", null));

    org.assertj.core.api.Assertions.assertThat(restart.reschedule()).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(restart.reschedule()).as("already fits").isZero();

    // 25 November 10:30 in Shanghai is still ahead of NOW (22 November)
    org.assertj.core.api.Assertions.assertThat(deliberationDayTimer().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-11-25T02:30:00Z"));
    deliberationDayComes();
    org.assertj.core.api.Assertions.assertThat(deliberationDayTimer().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-12-25T02:30:00Z"));
  }

  @Test
  void anUnchangedDayLeavesTheTimerAlone() {
    Job before = deliberationDayTimer();

    int moved =
        new DeliberationDayRescheduler(
                extension.getProcessEngine(),
                new DeliberationDaySchedule(20, "09:00", "Asia/Shanghai", null))
            .reschedule();

    org.assertj.core.api.Assertions.assertThat(moved).isZero();
    org.assertj.core.api.Assertions.assertThat(deliberationDayTimer().getDuedate())
        .isEqualTo(before.getDuedate());
  }

  @Test
  void eachCourtyardWithPendingMattersGetsOneAgendaForItsConvenorDueWithinTheMinorStepLimit() {
    pendingCourtyardMatter(JINGHUAYUAN, "JN-2026-000012", "菁华园瀑布噪音扰民");
    pendingCourtyardMatter(JINGHUAYUAN, "JN-2026-000007", "菁华园楼道堆物清理");
    pendingCourtyardMatter(XINGHUI_6, "JN-2026-000009", "星辉中路6号院加装电梯");

    ProcessInstance day = deliberationDayComes();

    assertThat(day).isWaitingAt(TASK_REVIEW_AGENDA);
    assertThat(day).variables().containsKey(TIME_LIMITS.name());
    List<Task> agendas = taskQuery().processInstanceId(day.getId()).list();
    org.assertj.core.api.Assertions.assertThat(agendas).hasSize(2);

    Task jinghuayuan = agendaOf(agendas, JINGHUAYUAN + ".caseworker");
    Map<String, Object> shown = taskService().getVariablesLocal(jinghuayuan.getId());
    org.assertj.core.api.Assertions.assertThat(shown)
        .containsEntry(COURTYARD_NAME.name(), "菁华园")
        .containsEntry(MATTER_COUNT.name(), 2)
        .containsEntry(AGENDA_ITEMS.name(), "JN-2026-000007 菁华园楼道堆物清理\nJN-2026-000012 菁华园瀑布噪音扰民");
    Task xinghui = agendaOf(agendas, XINGHUI_6 + ".caseworker");
    org.assertj.core.api.Assertions.assertThat(taskService().getVariablesLocal(xinghui.getId()))
        .containsEntry(COURTYARD_NAME.name(), "星辉中路6号院")
        .containsEntry(AGENDA_ITEMS.name(), "JN-2026-000009 星辉中路6号院加装电梯");
    Instant due = DECEMBER_20TH.plus(minorStepWithin());
    org.assertj.core.api.Assertions.assertThat(jinghuayuan.getDueDate().toInstant()).isEqualTo(due);
    org.assertj.core.api.Assertions.assertThat(xinghui.getDueDate().toInstant()).isEqualTo(due);

    complete(jinghuayuan, Map.of(ARRANGEMENTS.name(), "12月20日19:00，菁华园活动室，议事小组全体"));
    assertThat(day).isWaitingAt(TASK_REVIEW_AGENDA);
    complete(xinghui, Map.of(ARRANGEMENTS.name(), "12月20日15:00，6号院坝坝会"));

    assertThat(day).hasPassed(EVENT_AGENDAS_REVIEWED).isEnded();
  }

  private static Object variable(ProcessInstance instance, String name) {
    return runtimeService().getVariable(instance.getId(), name);
  }

  @Test
  void theConvenorRecordsEachListedMatterAsDeliberatedTodayOrPostponedAndEachMatterShowsIt() {
    ProcessInstance stairs = pendingCourtyardMatter(JINGHUAYUAN, "JN-2026-000007", "菁华园楼道堆物清理");
    ProcessInstance noise = pendingCourtyardMatter(JINGHUAYUAN, "JN-2026-000012", "菁华园瀑布噪音扰民");

    ProcessInstance day = deliberationDayComes();

    // on the agenda: each pending courtyard deliberation shows the day it was listed on
    org.assertj.core.api.Assertions.assertThat(
            variable(stairs, CourtyardDeliberationProcess.AGENDA_RECORD.name()))
        .isEqualTo("2026-12-20 爱邻议事日：列入议程，待议");
    org.assertj.core.api.Assertions.assertThat(
            variable(noise, CourtyardDeliberationProcess.AGENDA_RECORD.name()))
        .isEqualTo("2026-12-20 爱邻议事日：列入议程，待议");
    Task agenda = taskQuery().processInstanceId(day.getId()).singleResult();
    org.camunda.spin.json.SpinJsonNode options =
        (org.camunda.spin.json.SpinJsonNode)
            taskService().getVariableLocal(agenda.getId(), AGENDA_OPTIONS.name());
    org.assertj.core.api.Assertions.assertThat(options.toString())
        .isEqualTo(
            "[{\"label\":\"JN-2026-000007 菁华园楼道堆物清理\",\"value\":\"JN-2026-000007\"},"
                + "{\"label\":\"JN-2026-000012 菁华园瀑布噪音扰民\",\"value\":\"JN-2026-000012\"}]");

    // Tasklist's checklist sends a JSON array
    complete(
        agenda,
        Map.of(
            DELIBERATED_TODAY.name(),
            org.camunda.spin.Spin.JSON("[\"JN-2026-000007\"]"),
            ARRANGEMENTS.name(),
            "12月20日19:00，菁华园活动室，议事小组全体"));

    assertThat(day).hasPassed(EVENT_AGENDAS_REVIEWED).isEnded();
    org.assertj.core.api.Assertions.assertThat(
            variable(stairs, CourtyardDeliberationProcess.AGENDA_RECORD.name()))
        .isEqualTo("2026-12-20 爱邻议事日：当日已议");
    org.assertj.core.api.Assertions.assertThat(
            variable(noise, CourtyardDeliberationProcess.AGENDA_RECORD.name()))
        .isEqualTo("2026-12-20 爱邻议事日：延期，下一个议事日再议");
    org.assertj.core.api.Assertions.assertThat(
            (List<Object>) variable(noise, CourtyardDeliberationProcess.AGENDA_HISTORY.name()))
        .containsExactly(
            Map.of("day", "2026-12-20", DeliberationDayProcess.Agenda.ENTRY_OUTCOME, POSTPONED));
    Object outcomes =
        historyService()
            .createHistoricVariableInstanceQuery()
            .taskIdIn(agenda.getId())
            .variableName(AGENDA_OUTCOMES.name())
            .singleResult()
            .getValue();
    org.assertj.core.api.Assertions.assertThat((List<Object>) outcomes)
        .containsExactly(
            Map.of(
                DeliberationDayProcess.Agenda.ENTRY_NUMBER,
                "JN-2026-000007",
                DeliberationDayProcess.Agenda.ENTRY_OUTCOME,
                DELIBERATED),
            Map.of(
                DeliberationDayProcess.Agenda.ENTRY_NUMBER,
                "JN-2026-000012",
                DeliberationDayProcess.Agenda.ENTRY_OUTCOME,
                POSTPONED));
  }

  @Test
  void aPostponedMatterComesBackOnTheNextDeliberationDayMarkedAsPostponed() {
    ProcessInstance noise = pendingCourtyardMatter(JINGHUAYUAN, "JN-2026-000012", "菁华园瀑布噪音扰民");
    ProcessInstance december = deliberationDayComes();
    complete(
        taskQuery().processInstanceId(december.getId()).singleResult(),
        Map.of(ARRANGEMENTS.name(), "议事日因雨改期"));
    assertThat(december).isEnded();

    ProcessInstance january = deliberationDayComes();

    Task agenda = taskQuery().processInstanceId(january.getId()).singleResult();
    org.assertj.core.api.Assertions.assertThat(
            taskService().getVariableLocal(agenda.getId(), AGENDA_ITEMS.name()))
        .isEqualTo("JN-2026-000012 菁华园瀑布噪音扰民（上次议事日延期）");
    org.assertj.core.api.Assertions.assertThat(
            variable(noise, CourtyardDeliberationProcess.AGENDA_RECORD.name()))
        .isEqualTo("2026-12-20 爱邻议事日：延期，下一个议事日再议\n2027-01-20 爱邻议事日：列入议程，待议");

    complete(
        agenda,
        Map.of(
            DELIBERATED_TODAY.name(),
            List.of("JN-2026-000012"),
            ARRANGEMENTS.name(),
            "1月20日19:00，菁华园活动室"));

    org.assertj.core.api.Assertions.assertThat(
            variable(noise, CourtyardDeliberationProcess.AGENDA_RECORD.name()))
        .isEqualTo("2026-12-20 爱邻议事日：延期，下一个议事日再议\n2027-01-20 爱邻议事日：当日已议");
  }

  @Test
  void aNumberNotOnTheAgendaIsRefusedAndAMatterSettledMeanwhileIsLeftAlone() {
    ProcessInstance stairs = pendingCourtyardMatter(JINGHUAYUAN, "JN-2026-000007", "菁华园楼道堆物清理");
    ProcessInstance day = deliberationDayComes();
    Task agenda = taskQuery().processInstanceId(day.getId()).singleResult();

    StepInputAssertions.assertRefused(
        taskService(),
        agenda.getId(),
        Map.of(DELIBERATED_TODAY.name(), "[\"JN-2026-000009\"]", ARRANGEMENTS.name(), "x"),
        DELIBERATED_TODAY.name(),
        "不在本院落议程上的事项：JN-2026-000009");
    StepInputAssertions.assertRefused(
        taskService(),
        agenda.getId(),
        Map.of(DELIBERATED_TODAY.name(), "[\"JN-2026", ARRANGEMENTS.name(), "x"),
        DELIBERATED_TODAY.name(),
        "今日已议事项的格式不正确");

    // the courtyard settled it before the convenor recorded the day
    complete(taskQuery().processInstanceId(stairs.getId()).singleResult());
    complete(
        agenda,
        Map.of(DELIBERATED_TODAY.name(), "JN-2026-000007", ARRANGEMENTS.name(), "12月20日19:00"));

    assertThat(day).isEnded();
    assertThat(stairs).isEnded();
  }

  @Test
  void withoutPendingCourtyardMattersNoAgendaIsSent() {
    ProcessInstance day = deliberationDayComes();

    assertThat(day).hasPassed(EVENT_NO_AGENDAS).hasNotPassed(TASK_REVIEW_AGENDA).isEnded();
    org.assertj.core.api.Assertions.assertThat(taskQuery().count()).isZero();
  }

  @Test
  void aMatterWithoutACourtyardIsLeftOffTheAgendas() {
    runtimeService()
        .startProcessInstanceByKey(
            CourtyardDeliberationProcess.KEY,
            "JN-2026-000001",
            Map.of(NUMBER.name(), "JN-2026-000001"));

    ProcessInstance day = deliberationDayComes();

    assertThat(day).hasPassed(EVENT_NO_AGENDAS).isEnded();
  }

  private static Task agendaOf(List<Task> agendas, String group) {
    return agendas.stream()
        .filter(
            t ->
                taskService().getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(l -> group.equals(l.getGroupId())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no agenda task for " + group));
  }
}
