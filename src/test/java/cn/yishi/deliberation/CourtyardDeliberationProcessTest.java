package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static cn.yishi.deliberation.CourtyardDeliberationProcess.*;
import static cn.yishi.deliberation.DeliberationMeetingProcess.PASSED;
import static cn.yishi.deliberation.PlanHandlingCheck.REVISE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yishi.common.InvalidStepInputException;
import cn.yishi.organisation.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of courtyardDeliberation (院落协商): settled by the courtyard group, raised at once,
 * raised after a rejection, revised after a rejection and then settled; the server's refusals.
 */
@Deployment(resources = {"processes/courtyardDeliberation.bpmn", "stubs/deliberationMeeting.bpmn"})
class CourtyardDeliberationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  /** 马东大院: the courtyard clean-up case. */
  private static final String COURTYARD = "jn-smq-ma-mddy";

  private static final String CONVENOR = COURTYARD + ".caseworker";
  private static final String GROUP = COURTYARD + ".committee";
  private static final String PROPOSAL_NUMBER = "JN-2026-000077";
  private static final String PLAN = "清理院内堆积杂物，由院落自管小组与保洁公司分片负责。";

  @BeforeEach
  void registerBeans() {
    Groups groups = mock(Groups.class);
    when(groups.caseworkers(COURTYARD)).thenReturn(CONVENOR);
    when(groups.committee(COURTYARD)).thenReturn(GROUP);
    Mocks.register("groups", groups);
    Mocks.register("courtyardStepCheck", new CourtyardStepCheck());
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  private static ProcessInstance start() {
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER.name(), PROPOSAL_NUMBER);
    v.put(TITLE.name(), "马东大院环境整治");
    v.put(DESCRIPTION.name(), "院内杂物堆积，40余户联名要求清理。");
    v.put(DELIBERATION_UNIT.name(), COURTYARD);
    Map<String, Object> timeLimits = new HashMap<>();
    timeLimits.put("responseWithin", "P1D");
    timeLimits.put("resolveWithin", "P7D");
    timeLimits.put("stepWithin", "P3D");
    v.put(TIME_LIMITS.name(), timeLimits);
    return runtimeService().startProcessInstanceByKey(KEY, PROPOSAL_NUMBER, v);
  }

  /** The convenor puts a plan to the group; returns the meeting's instance. */
  private static ProcessInstance putToGroup(ProcessInstance instance, String plan) {
    assertThat(instance).isWaitingAt(TASK_PREPARE_COURTYARD_DELIBERATION);
    complete(
        task(instance),
        Map.of(COURTYARD_PREPARATION.name(), DELIBERATE, MEETING_PLAN.name(), plan));
    assertThat(instance).isWaitingAt(CALL_COURTYARD_MEETING);
    return calledProcessInstance(instance);
  }

  private static void meetingDecides(ProcessInstance meeting, String outcome, String recordId) {
    complete(
        task(meeting), Map.of(MEETING_OUTCOME.name(), outcome, MEETING_RECORD_ID.name(), recordId));
  }

  @Test
  void planPassedByTheCourtyardGroupSettlesTheMatterAtTheCourtyard() {
    Instant before = Instant.now();
    ProcessInstance instance = start();

    Task prepare = task(instance);
    assertThat(prepare)
        .hasCandidateGroup(CONVENOR)
        .hasDefinitionKey(TASK_PREPARE_COURTYARD_DELIBERATION);
    Assertions.assertThat(prepare.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
    ProcessInstance meeting = putToGroup(instance, "  " + PLAN + "\n");

    assertThat(meeting)
        .hasProcessDefinitionKey(DeliberationMeetingProcess.KEY)
        .hasBusinessKey(PROPOSAL_NUMBER);
    assertThat(meeting)
        .variables()
        .containsEntry(MEETING_BODY.name(), DELIBERATION_COMMITTEE)
        .containsEntry(MEETING_STEP.name(), "院落协商")
        .containsEntry(MEETING_GROUP.name(), GROUP)
        .containsEntry(MEETING_PLAN.name(), PLAN)
        .containsEntry(DELIBERATION_UNIT.name(), COURTYARD);

    meetingDecides(meeting, PASSED, "meeting-1");

    assertThat(instance).hasPassed(EVENT_SETTLED_BY_COURTYARD).isEnded();
    assertThat(instance).hasNotPassed(TASK_DECIDE_COURTYARD_NEXT_STEP);
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), RESOLVED)
        .containsEntry(RESOLUTION.name(), PLAN)
        .containsEntry(MEETING_RECORD_ID.name(), "meeting-1")
        .doesNotContainKey(RAISE_REASON.name());
  }

  @Test
  void convenorRaisesAMatterTheCourtyardCannotSettleStraightAway() {
    ProcessInstance instance = start();

    complete(
        task(instance),
        Map.of(COURTYARD_PREPARATION.name(), RAISE, RAISE_REASON.name(), "涉及社区公共区域，院落无权处置。"));

    assertThat(instance).hasPassed(EVENT_RAISED_TO_COMMUNITY).isEnded();
    assertThat(instance).hasNotPassed(CALL_COURTYARD_MEETING);
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), RAISED)
        .containsEntry(RAISE_REASON.name(), "涉及社区公共区域，院落无权处置。")
        .doesNotContainKey(RESOLUTION.name());
  }

  @Test
  void rejectedPlanIsRaisedToACommunityProposalWithTheConvenorsReason() {
    Instant before = Instant.now();
    ProcessInstance instance = start();
    meetingDecides(putToGroup(instance, PLAN), REJECTED, "meeting-1");

    assertThat(instance).isWaitingAt(TASK_DECIDE_COURTYARD_NEXT_STEP);
    Task decide = task(instance);
    assertThat(decide).hasCandidateGroup(CONVENOR);
    Assertions.assertThat(decide.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));

    complete(decide, Map.of(COURTYARD_NEXT_STEP.name(), RAISE, RAISE_REASON.name(), "费用分摊无法达成一致。"));

    assertThat(instance).hasPassed(EVENT_RAISED_TO_COMMUNITY).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), RAISED)
        .containsEntry(RAISE_REASON.name(), "费用分摊无法达成一致。")
        .containsEntry(MEETING_OUTCOME.name(), REJECTED)
        .doesNotContainKey(RESOLUTION.name());
  }

  @Test
  void rejectedPlanIsRevisedAndTheRevisedPlanSettlesTheMatter() {
    ProcessInstance instance = start();
    meetingDecides(putToGroup(instance, PLAN), REJECTED, "meeting-1");

    complete(task(instance), Map.of(COURTYARD_NEXT_STEP.name(), REVISE));

    assertThat(instance).isWaitingAt(TASK_PREPARE_COURTYARD_DELIBERATION);
    assertThat(instance)
        .variables()
        .containsEntry(MEETING_PLAN.name(), PLAN)
        .containsEntry(MEETING_OUTCOME.name(), REJECTED);
    String revised = PLAN + "费用按户均摊，每户不超过50元。";
    ProcessInstance secondMeeting = putToGroup(instance, revised);
    assertThat(secondMeeting).variables().containsEntry(MEETING_PLAN.name(), revised);
    meetingDecides(secondMeeting, PASSED, "meeting-2");

    assertThat(instance).hasPassed(EVENT_SETTLED_BY_COURTYARD).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), RESOLVED)
        .containsEntry(RESOLUTION.name(), revised)
        .containsEntry(MEETING_RECORD_ID.name(), "meeting-2");
  }

  @Test
  void pendingCourtyardMatterCanBeFoundForTheDeliberationDayAgenda() {
    ProcessInstance instance = start();

    ProcessInstance pending =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(KEY)
            .variableValueEquals(DELIBERATION_UNIT.name(), COURTYARD)
            .singleResult();

    Assertions.assertThat(pending.getId()).isEqualTo(instance.getId());
    assertThat(pending).hasBusinessKey(PROPOSAL_NUMBER);
    assertThat(pending)
        .variables()
        .containsEntry(NUMBER.name(), PROPOSAL_NUMBER)
        .containsEntry(TITLE.name(), "马东大院环境整治");
  }

  @Test
  void preparationWithoutAPlanOrAReasonIsRefused() {
    ProcessInstance instance = start();
    Task prepare = task(instance);

    assertRefused(prepare, Map.of(), COURTYARD_PREPARATION.name(), "请选择提交院落议事或提升为社区提案");
    assertRefused(
        prepare,
        Map.of(COURTYARD_PREPARATION.name(), "IGNORE"),
        COURTYARD_PREPARATION.name(),
        "未知的选项：IGNORE");
    assertRefused(
        prepare,
        Map.of(COURTYARD_PREPARATION.name(), DELIBERATE),
        MEETING_PLAN.name(),
        "请填写提交院落议事小组的方案");
    assertRefused(
        prepare,
        Map.of(COURTYARD_PREPARATION.name(), DELIBERATE, MEETING_PLAN.name(), " "),
        MEETING_PLAN.name(),
        "请填写提交院落议事小组的方案");
    assertRefused(
        prepare,
        Map.of(
            COURTYARD_PREPARATION.name(),
            DELIBERATE,
            MEETING_PLAN.name(),
            "方".repeat(PLAN_MAX_LENGTH + 1)),
        MEETING_PLAN.name(),
        "方案不能超过5000字");
    assertRefused(
        prepare,
        Map.of(COURTYARD_PREPARATION.name(), RAISE),
        RAISE_REASON.name(),
        "提升为社区提案时，请说明理由");

    assertThat(instance).isWaitingAt(TASK_PREPARE_COURTYARD_DELIBERATION);
    Assertions.assertThat(
            runtimeService().getVariable(instance.getId(), COURTYARD_PREPARATION.name()))
        .isNull();
  }

  @Test
  void raisingAfterARejectionWithoutAReasonIsRefused() {
    ProcessInstance instance = start();
    meetingDecides(putToGroup(instance, PLAN), REJECTED, "meeting-1");
    Task decide = task(instance);

    assertRefused(decide, Map.of(), COURTYARD_NEXT_STEP.name(), "请选择修改方案或提升为社区提案");
    assertRefused(
        decide,
        Map.of(COURTYARD_NEXT_STEP.name(), DELIBERATE),
        COURTYARD_NEXT_STEP.name(),
        "未知的选项：DELIBERATE");
    assertRefused(
        decide, Map.of(COURTYARD_NEXT_STEP.name(), RAISE), RAISE_REASON.name(), "提升为社区提案时，请说明理由");
    assertRefused(
        decide,
        Map.of(
            COURTYARD_NEXT_STEP.name(),
            RAISE,
            RAISE_REASON.name(),
            "理".repeat(REASON_MAX_LENGTH + 1)),
        RAISE_REASON.name(),
        "提升理由不能超过1000字");

    assertThat(instance).isWaitingAt(TASK_DECIDE_COURTYARD_NEXT_STEP);
  }

  /**
   * The engine wraps the listener's exception (ENGINE-03051); the message keeps the Chinese text.
   */
  private static void assertRefused(
      Task task, Map<String, Object> variables, String field, String message) {
    Assertions.assertThatThrownBy(() -> taskService().complete(task.getId(), variables))
        .hasMessageContaining(message)
        .hasRootCauseInstanceOf(InvalidStepInputException.class)
        .rootCause()
        .hasMessage(message)
        .satisfies(
            e -> Assertions.assertThat(((InvalidStepInputException) e).field()).isEqualTo(field));
  }

  @Test
  void aPendingCourtyardDeliberationShowsTheDeliberationDaysItWasOnTheAgendaOf() throws Exception {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt(TASK_PREPARE_COURTYARD_DELIBERATION);
    cn.yishi.organisation.Units units = mock(cn.yishi.organisation.Units.class);
    CourtyardAgenda day =
        new CourtyardAgenda(
            runtimeService(),
            units,
            new DeliberationDaySchedule(20, "09:00", "Asia/Shanghai", null));

    day.collect("2026-12-20");

    Assertions.assertThat(taskService().getVariable(task(instance).getId(), AGENDA_RECORD.name()))
        .isEqualTo("2026-12-20 爱邻议事日：列入议程，待议");
    // both of the convenor's forms show it, read-only
    for (String form :
        new String[] {
          "processes/prepare-courtyard-deliberation.form",
          "processes/decide-courtyard-next-step.form"
        }) {
      com.fasterxml.jackson.databind.JsonNode components =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(java.nio.file.Path.of(form).toFile())
              .path("components");
      Assertions.assertThat(components.findValues("key").stream().map(k -> k.asText()))
          .as(form)
          .contains(AGENDA_RECORD.name());
      for (com.fasterxml.jackson.databind.JsonNode c : components) {
        if (AGENDA_RECORD.name().equals(c.path("key").asText())) {
          Assertions.assertThat(c.path("disabled").asBoolean()).as(form).isTrue();
        }
      }
    }
  }
}
