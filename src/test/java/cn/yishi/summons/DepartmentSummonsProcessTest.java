package cn.yishi.summons;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.summons.DepartmentSummonsProcess.*;
import static cn.yishi.summons.SummonsTestSupport.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.organisation.Department;
import cn.yishi.organisation.OrganisationService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every path of departmentSummons (吹哨报到): parallel departments report in, do their part and are
 * rated; the report-in timer marks a late report-in (its 督办 is timeLimitWatch's); the server
 * refuses incomplete answers; the summons and each rating are recorded (repository mocked here;
 * DepartmentSummonsIT writes them through the database).
 */
@Deployment(resources = {"processes/departmentSummons.bpmn", "decisions/timeLimits.dmn"})
class DepartmentSummonsProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final String CASEWORKER = "caseworker-jldbl";
  private static final String SUMMONS_TEXT = "菁华园瀑布噪音：现场勘查堰坝并提出降噪方案";

  private SummonsRepository repository;
  private Map<String, Object> timeLimits;

  /** The track's time limits from the deployed table (deployed after @BeforeEach runs). */
  private Map<String, Object> limits() {
    if (timeLimits == null) {
      timeLimits = SummonsTestSupport.timeLimits(decisionService(), "HARD");
    }
    return timeLimits;
  }

  @BeforeEach
  void beans() {
    repository = mock(SummonsRepository.class);
    Mocks.register("groups", groups());
    OrganisationService organisation = mock(OrganisationService.class);
    when(organisation.department(anyString()))
        .thenAnswer(
            i -> new Department(i.getArgument(0), "部门" + i.getArgument(0), "DISTRICT_BUREAU"));
    Mocks.register(
        "departmentRatings", new DepartmentRatings(new SummonsService(repository), organisation));
    Mocks.register("units", units());
    Mocks.register("departmentStepCheck", new DepartmentStepCheck());
  }

  @AfterEach
  void reset() {
    identityService().clearAuthentication();
    Mocks.reset();
    ClockUtil.reset();
  }

  private ProcessInstance summon(List<String> departments) {
    return summon(departments, null);
  }

  private ProcessInstance summon(List<String> departments, String purpose) {
    Map<String, Object> v = new HashMap<>();
    if (purpose != null) {
      v.put(SUMMONS_PURPOSE.name(), purpose);
    }
    v.put(NUMBER.name(), NUMBER_VALUE);
    v.put(CommonVariables.TITLE.name(), "菁华园瀑布噪音扰民");
    v.put(TIME_LIMITS.name(), limits());
    v.put(SUMMONED_DEPARTMENTS.name(), new ArrayList<>(departments));
    v.put(SUMMONING_UNIT.name(), SummonsTestSupport.COMMUNITY);
    v.put(SUMMONS_TASK.name(), SUMMONS_TEXT);
    identityService().setAuthenticatedUserId(CASEWORKER);
    try {
      return runtimeService().startProcessInstanceByKey(KEY, NUMBER_VALUE, v);
    } finally {
      identityService().clearAuthentication();
    }
  }

  private Task taskOf(ProcessInstance instance, String key, String department) {
    return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list().stream()
        .filter(t -> department.equals(taskService().getVariable(t.getId(), DEPARTMENT.name())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " for " + department));
  }

  private void reportIn(ProcessInstance instance, String department) {
    taskService()
        .complete(
            taskOf(instance, TASK_REPORT_IN, department).getId(),
            Map.of(REPORT_IN_NOTE.name(), department + " 派员到场，联系人：李工 13800000001"));
  }

  private void doPart(ProcessInstance instance, String department) {
    taskService()
        .complete(
            taskOf(instance, TASK_DO_DEPARTMENT_PART, department).getId(),
            Map.of(DEPARTMENT_WORK.name(), department + " 已完成现场勘查"));
  }

  private void rate(ProcessInstance instance, String department, String rating, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put(DEPARTMENT_RATING.name(), rating);
    v.put(DEPARTMENT_RATING_COMMENT.name(), comment);
    identityService().setAuthenticatedUserId(CASEWORKER);
    try {
      taskService().complete(taskOf(instance, TASK_RATE_DEPARTMENT, department).getId(), v);
    } finally {
      identityService().clearAuthentication();
    }
  }

  private Job reportInTimer(ProcessInstance instance) {
    return managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(DepartmentSummonsProcess.EVENT_REPORT_IN_OVERDUE)
        .singleResult();
  }

  @Test
  void everySummonedDepartmentReportsInDoesItsPartAndIsRatedByTheSummoningUnit() {
    Instant before = Instant.now();
    ProcessInstance instance = summon(List.of("dept-river", "dept-city-river", "dept-housing"));

    ArgumentCaptor<SummonsRecord> summons = ArgumentCaptor.forClass(SummonsRecord.class);
    verify(repository).insert(summons.capture());
    Assertions.assertThat(summons.getValue().proposalNumber()).isEqualTo(NUMBER_VALUE);
    Assertions.assertThat(summons.getValue().summoningUnit())
        .isEqualTo(SummonsTestSupport.COMMUNITY);
    Assertions.assertThat(summons.getValue().departments())
        .containsExactly("dept-river", "dept-city-river", "dept-housing");
    Assertions.assertThat(summons.getValue().summonsTask()).isEqualTo(SUMMONS_TEXT);
    Assertions.assertThat(summons.getValue().summonedBy()).isEqualTo(CASEWORKER);
    Assertions.assertThat(summons.getValue().processInstanceId()).isEqualTo(instance.getId());
    assertThat(instance).variables().containsEntry(SUMMONS_ID.name(), summons.getValue().id());

    List<Task> reportIns =
        taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_REPORT_IN).list();
    Assertions.assertThat(reportIns).hasSize(3);
    for (String department : List.of("dept-river", "dept-city-river", "dept-housing")) {
      Task reportIn = taskOf(instance, TASK_REPORT_IN, department);
      assertThat(reportIn).hasCandidateGroup(department + ".department");
      Assertions.assertThat(taskService().getVariable(reportIn.getId(), DEPARTMENT_NAME.name()))
          .isEqualTo("部门" + department);
      Assertions.assertThat(isDueWithin(reportIn, before, limit(timeLimits, "reportInWithin")))
          .isTrue();
    }
    Assertions.assertThat(
            managementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(DepartmentSummonsProcess.EVENT_REPORT_IN_OVERDUE)
                .count())
        .isEqualTo(3);

    for (String department : List.of("dept-river", "dept-city-river", "dept-housing")) {
      Instant reported = Instant.now();
      reportIn(instance, department);
      Task part = taskOf(instance, TASK_DO_DEPARTMENT_PART, department);
      assertThat(part).hasCandidateGroup(department + ".department");
      Assertions.assertThat(isDueWithin(part, reported, limit(timeLimits, "resolveWithin")))
          .isTrue();
      doPart(instance, department);
      Task rating = taskOf(instance, TASK_RATE_DEPARTMENT, department);
      assertThat(rating).hasCandidateGroup(SummonsTestSupport.COMMUNITY + ".caseworker");
    }
    // reporting in in time leaves no timer behind
    Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();

    rate(instance, "dept-river", "SATISFIED", null);
    rate(instance, "dept-city-river", "BASICALLY_SATISFIED", "报到及时，方案待细化");
    assertThat(instance).isNotEnded();
    rate(instance, "dept-housing", "DISSATISFIED", "施工拖延");

    // a dissatisfied department is asked to redo its part, once; its second rating is final
    assertThat(instance).isNotEnded().hasPassed(DepartmentSummonsProcess.TASK_REQUEST_REDO);
    Task redo = taskOf(instance, TASK_DO_DEPARTMENT_PART, "dept-housing");
    assertThat(redo).hasCandidateGroup("dept-housing.department");
    Assertions.assertThat(taskService().getVariable(redo.getId(), REDO_REQUESTED.name()))
        .isEqualTo(true);
    Assertions.assertThat(taskService().getVariable(redo.getId(), DEPARTMENT_RATING_COMMENT.name()))
        .isEqualTo("施工拖延");
    Assertions.assertThat(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_DO_DEPARTMENT_PART)
                .count())
        .as("only the dissatisfied department redoes its part")
        .isEqualTo(1);
    taskService().complete(redo.getId(), Map.of(DEPARTMENT_WORK.name(), "dept-housing 已加派人手，工程完工"));
    rate(instance, "dept-housing", "DISSATISFIED", "仍有拖延");

    assertThat(instance).hasPassed(DepartmentSummonsProcess.EVENT_SUMMONS_COMPLETED).isEnded();
    ArgumentCaptor<DepartmentRatingRecord> ratings =
        ArgumentCaptor.forClass(DepartmentRatingRecord.class);
    verify(repository, times(4)).insert(ratings.capture());
    Assertions.assertThat(ratings.getAllValues())
        .extracting(
            DepartmentRatingRecord::department,
            DepartmentRatingRecord::rating,
            DepartmentRatingRecord::ratingComment,
            DepartmentRatingRecord::workDone)
        .containsExactly(
            Assertions.tuple("dept-river", DepartmentRating.SATISFIED, null, "dept-river 已完成现场勘查"),
            Assertions.tuple(
                "dept-city-river",
                DepartmentRating.BASICALLY_SATISFIED,
                "报到及时，方案待细化",
                "dept-city-river 已完成现场勘查"),
            Assertions.tuple(
                "dept-housing", DepartmentRating.DISSATISFIED, "施工拖延", "dept-housing 已完成现场勘查"),
            Assertions.tuple(
                "dept-housing", DepartmentRating.DISSATISFIED, "仍有拖延", "dept-housing 已加派人手，工程完工"));
    DepartmentRatingRecord river = ratings.getAllValues().get(0);
    Assertions.assertThat(river.summonsId()).isEqualTo(summons.getValue().id());
    Assertions.assertThat(river.proposalNumber()).isEqualTo(NUMBER_VALUE);
    Assertions.assertThat(river.summoningUnit()).isEqualTo(SummonsTestSupport.COMMUNITY);
    Assertions.assertThat(river.reportInOverdue()).isFalse();
    Assertions.assertThat(river.workDone()).isEqualTo("dept-river 已完成现场勘查");
    Assertions.assertThat(river.ratedBy()).isEqualTo(CASEWORKER);
    Assertions.assertThat(river.reportedInAt()).isNotNull();
    Assertions.assertThat(river.doneAt()).isNotNull();
    Assertions.assertThat(river.ratedAt()).isNotNull();
    Assertions.assertThat(river.reportedInAt()).isBeforeOrEqualTo(river.doneAt());
    Assertions.assertThat(river.doneAt()).isBeforeOrEqualTo(river.ratedAt());
  }

  @Test
  void aLateReportInIsMarkedForTheRatingRecordWithoutASecondSupervisionTask() {
    // the engine's clock stands still: the task's due date and the timer's are computed a few
    // milliseconds apart, and must be the same moment
    ClockUtil.setCurrentTime(new Date());
    ProcessInstance instance = summon(List.of("dept-river", "dept-water"));
    reportIn(instance, "dept-water");
    Task lateReportIn = taskOf(instance, TASK_REPORT_IN, "dept-river");

    Job timer = reportInTimer(instance);
    Assertions.assertThat(timer).as("only dept-river's report-in timer is left").isNotNull();
    // the report-in step is due when its timer fires: timeLimitWatch sees it overdue then
    Assertions.assertThat(lateReportIn.getDueDate()).isEqualTo(timer.getDuedate());
    execute(timer);

    assertThat(instance)
        .hasPassed(
            DepartmentSummonsProcess.EVENT_REPORT_IN_OVERDUE,
            DepartmentSummonsProcess.EVENT_REPORT_IN_LATE_MARKED);
    // dept-river still to report in, dept-water at its part: no supervision task of the summons
    // itself, the one 督办 of the overdue step is timeLimitWatch's
    Assertions.assertThat(taskQuery().processInstanceId(instance.getId()).list())
        .extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder(TASK_REPORT_IN, TASK_DO_DEPARTMENT_PART);
    // non-interrupting: the department can still report in
    Assertions.assertThat(taskOf(instance, TASK_REPORT_IN, "dept-river").getId())
        .isEqualTo(lateReportIn.getId());

    reportIn(instance, "dept-river");
    for (String department : List.of("dept-river", "dept-water")) {
      doPart(instance, department);
      rate(instance, department, "SATISFIED", null);
    }

    assertThat(instance).isEnded();
    ArgumentCaptor<DepartmentRatingRecord> ratings =
        ArgumentCaptor.forClass(DepartmentRatingRecord.class);
    verify(repository, times(2)).insert(ratings.capture());
    Assertions.assertThat(ratings.getAllValues())
        .extracting(DepartmentRatingRecord::department, DepartmentRatingRecord::reportInOverdue)
        .containsExactlyInAnyOrder(
            Assertions.tuple("dept-river", true), Assertions.tuple("dept-water", false));
  }

  @Test
  void departmentsSummonedForTheirViewReportInGiveItAndAreRatedWithoutDoingAnyPart() {
    Instant before = Instant.now();
    ProcessInstance instance = summon(List.of("dept-river", "dept-city-river"), PURPOSE_VIEW);
    for (String department : List.of("dept-river", "dept-city-river")) {
      reportIn(instance, department);
      Task view = taskOf(instance, TASK_GIVE_VIEW, department);
      assertThat(view).hasCandidateGroup(department + ".department");
      Assertions.assertThat(isDueWithin(view, before, limit(timeLimits, "stepWithin"))).isTrue();
    }
    Assertions.assertThat(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_DO_DEPARTMENT_PART)
                .count())
        .as("a view, not the work")
        .isZero();
    Task river = taskOf(instance, TASK_GIVE_VIEW, "dept-river");
    Assertions.assertThat(
            refusal(
                () -> taskService().complete(river.getId(), Map.of(DEPARTMENT_VIEW.name(), " "))))
        .hasMessage("请填写部门意见");
    taskService().complete(river.getId(), Map.of(DEPARTMENT_VIEW.name(), " 堰坝可降低0.5米 "));
    taskService()
        .complete(
            taskOf(instance, TASK_GIVE_VIEW, "dept-city-river").getId(),
            Map.of(DEPARTMENT_VIEW.name(), "须保证行洪"));

    SpinJsonNode views =
        (SpinJsonNode) runtimeService().getVariable(instance.getId(), DEPARTMENT_VIEWS.name());
    Assertions.assertThat(views.elements())
        .extracting(
            v ->
                v.prop("party").stringValue()
                    + "|"
                    + v.prop(DepartmentSummonsProcess.DEPARTMENT.name()).stringValue()
                    + "|"
                    + v.prop("opinion").stringValue())
        .containsExactly(
            "部门dept-river|dept-river|堰坝可降低0.5米", "部门dept-city-river|dept-city-river|须保证行洪");

    rate(instance, "dept-river", "SATISFIED", null);
    // a dissatisfying view is not redone here: the deliberating level may hear the department again
    rate(instance, "dept-city-river", "DISSATISFIED", "意见过于笼统");

    assertThat(instance)
        .hasPassed(DepartmentSummonsProcess.EVENT_SUMMONS_COMPLETED)
        .hasNotPassed(DepartmentSummonsProcess.TASK_REQUEST_REDO)
        .isEnded();
    ArgumentCaptor<DepartmentRatingRecord> ratings =
        ArgumentCaptor.forClass(DepartmentRatingRecord.class);
    verify(repository, times(2)).insert(ratings.capture());
    Assertions.assertThat(ratings.getAllValues())
        .extracting(DepartmentRatingRecord::department, DepartmentRatingRecord::workDone)
        .containsExactly(
            Assertions.tuple("dept-river", "意见：堰坝可降低0.5米"),
            Assertions.tuple("dept-city-river", "意见：须保证行洪"));
  }

  @Test
  void dissatisfiedRatingWithoutAReasonIsRefused() {
    ProcessInstance instance = summon(List.of("dept-market"));
    reportIn(instance, "dept-market");
    doPart(instance, "dept-market");

    Assertions.assertThat(refusal(() -> rate(instance, "dept-market", "DISSATISFIED", "  ")))
        .hasMessage("评价为不满意时，请写明原因")
        .extracting(InvalidStepInputException::field)
        .isEqualTo(DEPARTMENT_RATING_COMMENT.name());
    Assertions.assertThat(refusal(() -> rate(instance, "dept-market", "GOOD", null)))
        .hasMessage("请选择评价：满意、基本满意或不满意");
    Assertions.assertThat(
            refusal(() -> rate(instance, "dept-market", "SATISFIED", "很".repeat(1001))))
        .hasMessage("评价意见不能超过1000字");

    verify(repository, never())
        .insert(org.mockito.ArgumentMatchers.any(DepartmentRatingRecord.class));
    assertThat(taskOf(instance, TASK_RATE_DEPARTMENT, "dept-market")).isNotNull();
  }

  @Test
  void reportInAndWorkWithoutAnAnswerAreRefused() {
    ProcessInstance instance = summon(List.of("dept-fire"));
    Task reportIn = taskOf(instance, TASK_REPORT_IN, "dept-fire");
    Assertions.assertThat(
            refusal(
                () -> taskService().complete(reportIn.getId(), Map.of(REPORT_IN_NOTE.name(), " "))))
        .hasMessage("请填写报到说明（报到人员及联系方式）");
    Assertions.assertThat(
            refusal(
                () ->
                    taskService()
                        .complete(
                            reportIn.getId(), Map.of(REPORT_IN_NOTE.name(), "长".repeat(2001)))))
        .hasMessage("内容不能超过2000字");

    reportIn(instance, "dept-fire");
    Task part = taskOf(instance, TASK_DO_DEPARTMENT_PART, "dept-fire");
    Assertions.assertThat(refusal(() -> taskService().complete(part.getId())))
        .hasMessage("请填写部门办理情况");
    assertThat(instance).isWaitingAt(TASK_DO_DEPARTMENT_PART);
  }

  @Test
  void summonsWithoutDepartmentsIsRefusedAndNothingIsRecorded() {
    Assertions.assertThatThrownBy(() -> summon(List.of()))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("without summonedDepartments");
    verify(repository, never()).insert(org.mockito.ArgumentMatchers.any(SummonsRecord.class));
    Assertions.assertThat(
            runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count())
        .isZero();
  }
}
