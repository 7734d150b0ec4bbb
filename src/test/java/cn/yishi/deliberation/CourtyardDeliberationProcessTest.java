package cn.yishi.deliberation;

import static cn.yishi.deliberation.CourtyardDeliberationVariables.*;
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
    v.put(NUMBER, PROPOSAL_NUMBER);
    v.put(TITLE, "马东大院环境整治");
    v.put("description", "院内杂物堆积，40余户联名要求清理。");
    v.put(DELIBERATION_UNIT, COURTYARD);
    Map<String, Object> timeLimits = new HashMap<>();
    timeLimits.put("responseWithin", "P1D");
    timeLimits.put("resolveWithin", "P7D");
    timeLimits.put("stepWithin", "P3D");
    v.put("timeLimits", timeLimits);
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, PROPOSAL_NUMBER, v);
  }

  /** The convenor puts a plan to the group; returns the meeting's instance. */
  private static ProcessInstance putToGroup(ProcessInstance instance, String plan) {
    assertThat(instance).isWaitingAt(TASK_PREPARE);
    complete(task(instance), Map.of(COURTYARD_PREPARATION, DELIBERATE, MEETING_PLAN, plan));
    assertThat(instance).isWaitingAt("Call_CourtyardMeeting");
    return calledProcessInstance(instance);
  }

  private static void meetingDecides(ProcessInstance meeting, String outcome, String recordId) {
    complete(task(meeting), Map.of(MEETING_OUTCOME, outcome, MEETING_RECORD_ID, recordId));
  }

  @Test
  void planPassedByTheCourtyardGroupSettlesTheMatterAtTheCourtyard() {
    Instant before = Instant.now();
    ProcessInstance instance = start();

    Task prepare = task(instance);
    assertThat(prepare).hasCandidateGroup(CONVENOR).hasDefinitionKey(TASK_PREPARE);
    Assertions.assertThat(prepare.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
    ProcessInstance meeting = putToGroup(instance, "  " + PLAN + "\n");

    assertThat(meeting).hasProcessDefinitionKey("deliberationMeeting").hasBusinessKey(PROPOSAL_NUMBER);
    assertThat(meeting)
        .variables()
        .containsEntry(MEETING_BODY, DELIBERATION_COMMITTEE)
        .containsEntry(MEETING_STEP, "院落协商")
        .containsEntry(MEETING_GROUP, GROUP)
        .containsEntry(MEETING_PLAN, PLAN)
        .containsEntry(DELIBERATION_UNIT, COURTYARD);

    meetingDecides(meeting, PASSED, "meeting-1");

    assertThat(instance).hasPassed("Event_SettledByCourtyard").isEnded();
    assertThat(instance).hasNotPassed("Task_DecideCourtyardNextStep");
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME, RESOLVED)
        .containsEntry(RESOLUTION, PLAN)
        .containsEntry(MEETING_RECORD_ID, "meeting-1")
        .doesNotContainKey(RAISE_REASON);
  }

  @Test
  void convenorRaisesAMatterTheCourtyardCannotSettleStraightAway() {
    ProcessInstance instance = start();

    complete(task(instance), Map.of(COURTYARD_PREPARATION, RAISE, RAISE_REASON, "涉及社区公共区域，院落无权处置。"));

    assertThat(instance).hasPassed("Event_RaisedToCommunity").isEnded();
    assertThat(instance).hasNotPassed("Call_CourtyardMeeting");
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME, RAISED)
        .containsEntry(RAISE_REASON, "涉及社区公共区域，院落无权处置。")
        .doesNotContainKey(RESOLUTION);
  }

  @Test
  void rejectedPlanIsRaisedToACommunityProposalWithTheConvenorsReason() {
    Instant before = Instant.now();
    ProcessInstance instance = start();
    meetingDecides(putToGroup(instance, PLAN), REJECTED, "meeting-1");

    assertThat(instance).isWaitingAt(TASK_DECIDE_NEXT_STEP);
    Task decide = task(instance);
    assertThat(decide).hasCandidateGroup(CONVENOR);
    Assertions.assertThat(decide.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));

    complete(decide, Map.of(COURTYARD_NEXT_STEP, RAISE, RAISE_REASON, "费用分摊无法达成一致。"));

    assertThat(instance).hasPassed("Event_RaisedToCommunity").isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME, RAISED)
        .containsEntry(RAISE_REASON, "费用分摊无法达成一致。")
        .containsEntry(MEETING_OUTCOME, REJECTED)
        .doesNotContainKey(RESOLUTION);
  }

  @Test
  void rejectedPlanIsRevisedAndTheRevisedPlanSettlesTheMatter() {
    ProcessInstance instance = start();
    meetingDecides(putToGroup(instance, PLAN), REJECTED, "meeting-1");

    complete(task(instance), Map.of(COURTYARD_NEXT_STEP, REVISE));

    assertThat(instance).isWaitingAt(TASK_PREPARE);
    assertThat(instance).variables().containsEntry(MEETING_PLAN, PLAN).containsEntry(MEETING_OUTCOME, REJECTED);
    String revised = PLAN + "费用按户均摊，每户不超过50元。";
    ProcessInstance secondMeeting = putToGroup(instance, revised);
    assertThat(secondMeeting).variables().containsEntry(MEETING_PLAN, revised);
    meetingDecides(secondMeeting, PASSED, "meeting-2");

    assertThat(instance).hasPassed("Event_SettledByCourtyard").isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME, RESOLVED)
        .containsEntry(RESOLUTION, revised)
        .containsEntry(MEETING_RECORD_ID, "meeting-2");
  }

  @Test
  void pendingCourtyardMatterCanBeFoundForTheDeliberationDayAgenda() {
    ProcessInstance instance = start();

    ProcessInstance pending =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .variableValueEquals(DELIBERATION_UNIT, COURTYARD)
            .singleResult();

    Assertions.assertThat(pending.getId()).isEqualTo(instance.getId());
    assertThat(pending).hasBusinessKey(PROPOSAL_NUMBER);
    assertThat(pending).variables().containsEntry(NUMBER, PROPOSAL_NUMBER).containsEntry(TITLE, "马东大院环境整治");
  }

  @Test
  void preparationWithoutAPlanOrAReasonIsRefused() {
    ProcessInstance instance = start();
    Task prepare = task(instance);

    assertRefused(prepare, Map.of(), COURTYARD_PREPARATION, "请选择提交院落议事或提升为社区提案");
    assertRefused(prepare, Map.of(COURTYARD_PREPARATION, "IGNORE"), COURTYARD_PREPARATION, "未知的选项：IGNORE");
    assertRefused(prepare, Map.of(COURTYARD_PREPARATION, DELIBERATE), MEETING_PLAN, "请填写提交院落议事小组的方案");
    assertRefused(
        prepare, Map.of(COURTYARD_PREPARATION, DELIBERATE, MEETING_PLAN, " "), MEETING_PLAN, "请填写提交院落议事小组的方案");
    assertRefused(
        prepare,
        Map.of(COURTYARD_PREPARATION, DELIBERATE, MEETING_PLAN, "方".repeat(PLAN_MAX_LENGTH + 1)),
        MEETING_PLAN,
        "方案不能超过5000字");
    assertRefused(prepare, Map.of(COURTYARD_PREPARATION, RAISE), RAISE_REASON, "提升为社区提案时，请说明理由");

    assertThat(instance).isWaitingAt(TASK_PREPARE);
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), COURTYARD_PREPARATION)).isNull();
  }

  @Test
  void raisingAfterARejectionWithoutAReasonIsRefused() {
    ProcessInstance instance = start();
    meetingDecides(putToGroup(instance, PLAN), REJECTED, "meeting-1");
    Task decide = task(instance);

    assertRefused(decide, Map.of(), COURTYARD_NEXT_STEP, "请选择修改方案或提升为社区提案");
    assertRefused(decide, Map.of(COURTYARD_NEXT_STEP, DELIBERATE), COURTYARD_NEXT_STEP, "未知的选项：DELIBERATE");
    assertRefused(decide, Map.of(COURTYARD_NEXT_STEP, RAISE), RAISE_REASON, "提升为社区提案时，请说明理由");
    assertRefused(
        decide,
        Map.of(COURTYARD_NEXT_STEP, RAISE, RAISE_REASON, "理".repeat(REASON_MAX_LENGTH + 1)),
        RAISE_REASON,
        "提升理由不能超过1000字");

    assertThat(instance).isWaitingAt(TASK_DECIDE_NEXT_STEP);
  }

  /** The engine wraps the listener's exception (ENGINE-03051); the message keeps the Chinese text. */
  private static void assertRefused(Task task, Map<String, Object> variables, String field, String message) {
    Assertions.assertThatThrownBy(() -> taskService().complete(task.getId(), variables))
        .hasMessageContaining(message)
        .hasRootCauseInstanceOf(InvalidStepInputException.class)
        .rootCause()
        .hasMessage(message)
        .satisfies(e -> Assertions.assertThat(((InvalidStepInputException) e).field()).isEqualTo(field));
  }

  @Test
  void aPendingCourtyardDeliberationShowsTheDeliberationDaysItWasOnTheAgendaOf() throws Exception {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt(TASK_PREPARE);
    cn.yishi.organisation.Units units = mock(cn.yishi.organisation.Units.class);
    CourtyardAgenda day =
        new CourtyardAgenda(runtimeService(), units, new DeliberationDaySchedule(20, "09:00", "Asia/Shanghai", null));

    day.collect("2026-12-20");

    Assertions.assertThat(taskService().getVariable(task(instance).getId(), AGENDA_RECORD))
        .isEqualTo("2026-12-20 爱邻议事日：列入议程，待议");
    // both of the convenor's forms show it, read-only
    for (String form : new String[] {"processes/prepare-courtyard-deliberation.form", "processes/decide-courtyard-next-step.form"}) {
      com.fasterxml.jackson.databind.JsonNode components =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Path.of(form).toFile()).path("components");
      Assertions.assertThat(components.findValues("key").stream().map(k -> k.asText()))
          .as(form).contains(AGENDA_RECORD);
      for (com.fasterxml.jackson.databind.JsonNode c : components) {
        if (AGENDA_RECORD.equals(c.path("key").asText())) {
          Assertions.assertThat(c.path("disabled").asBoolean()).as(form).isTrue();
        }
      }
    }
  }
}
