package cn.yishi.deliberation;

import static cn.yishi.deliberation.UrgentDeliberationVariables.*;
import static cn.yishi.summons.SummonsTestSupport.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.yishi.common.InvalidStepInputException;
import cn.yishi.summons.SummonsTestSupport;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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

/**
 * Every path of urgentDeliberation (急事急议) with the real timeLimits table: quick response,
 * 督办 by the level above when the response is late (the district's own committee at the
 * district), the quick meeting (test double of deliberationMeeting) passing or rejecting.
 */
@Deployment(
    resources = {
      "processes/urgentDeliberation.bpmn",
      "stubs/deliberationMeeting.bpmn",
      "decisions/timeLimits.dmn"
    })
class UrgentDeliberationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final String PLAN = "立即封闭破损电线井，当日由物业更换井盖并设置警示";
  private Map<String, Object> timeLimits;

  /** The track's time limits from the deployed table (deployed after @BeforeEach runs). */
  private Map<String, Object> limits() {
    if (timeLimits == null) {
      timeLimits = SummonsTestSupport.timeLimits(decisionService(), "URGENT");
    }
    return timeLimits;
  }

  @BeforeEach
  void beans() {
    Mocks.register("groups", groups());
    Mocks.register("units", units());
    Mocks.register("urgentRejectionCheck", new UrgentRejectionCheck());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  /** The flying-wires case: e-bike cables hung from windows, a fire hazard. */
  private ProcessInstance urgentMatterAt(String unit) {
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER, NUMBER_VALUE);
    v.put(TITLE, "马鞍北路8号院飞线充电");
    v.put("description", "居民从窗户拉电线给电动车充电，存在火灾隐患。");
    v.put(DELIBERATION_UNIT, unit);
    v.put(TIME_LIMITS, limits());
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, NUMBER_VALUE, v);
  }

  private void respond(ProcessInstance instance) {
    complete(task("Task_RespondQuickly", instance),
        Map.of(RESPONSE_NOTE, "网格员已到场断电并疏散", MEETING_PLAN, PLAN));
  }

  private void meetingDecides(ProcessInstance instance, String outcome) {
    ProcessInstance meeting = calledProcessInstance("deliberationMeeting", instance);
    complete(task("Task_Stub", meeting), Map.of(MEETING_OUTCOME, outcome, MEETING_RECORD_ID, "MR-URGENT-1"));
  }

  @Test
  void quickResponseAndPassedQuickMeetingResolveTheMatterWithThePlan() {
    Instant before = Instant.now();
    ProcessInstance instance = urgentMatterAt(COMMUNITY);

    Task response = task("Task_RespondQuickly", instance);
    assertThat(response).hasCandidateGroup(COMMUNITY + ".caseworker");
    Assertions.assertThat(isDueWithin(response, before, limit(timeLimits, "responseWithin"))).isTrue();

    respond(instance);

    assertThat(instance).isWaitingAt("Call_QuickMeeting");
    ProcessInstance meeting = calledProcessInstance("deliberationMeeting", instance);
    assertThat(meeting).hasBusinessKey(NUMBER_VALUE);
    assertThat(meeting).variables()
        .containsEntry(MEETING_BODY, "DELIBERATION_COMMITTEE")
        .containsEntry(MEETING_STEP, "快议")
        .containsEntry(MEETING_GROUP, COMMUNITY + ".committee")
        .containsEntry(MEETING_PLAN, PLAN);
    // responding in time leaves no supervision timer behind
    Assertions.assertThat(job("Event_ResponseOverdue", instance)).isNull();

    meetingDecides(instance, "PASSED");

    assertThat(instance).hasPassed("Event_UrgentResolved").isEnded();
    assertThat(instance).variables()
        .containsEntry(DELIBERATION_OUTCOME, "RESOLVED")
        .containsEntry(RESOLUTION, PLAN)
        .containsEntry(MEETING_RECORD_ID, "MR-URGENT-1");
  }

  @Test
  void lateResponseIsSupervisedByTheStreetAboveTheCommunity() {
    ProcessInstance instance = urgentMatterAt(COMMUNITY);
    Job timer = job("Event_ResponseOverdue", instance);
    Instant dueBy = Instant.now().plus(limit(timeLimits, "responseWithin"));
    Assertions.assertThat(timer.getDuedate().toInstant()).isBetween(dueBy.minusSeconds(5), dueBy.plusSeconds(1));

    execute(timer);

    Task escalation = task("Task_EscalateUrgent", instance);
    assertThat(escalation).hasCandidateGroup(STREET + ".caseworker");
    // non-interrupting: the community can still respond
    assertThat(instance).isWaitingAt("Task_RespondQuickly", "Task_EscalateUrgent");

    complete(escalation, Map.of(ESCALATION_NOTE, "街道已电话督促社区立即响应"));
    respond(instance);
    meetingDecides(instance, "PASSED");

    assertThat(instance).hasPassed("Task_EscalateUrgent", "Event_EscalationRecorded", "Event_UrgentResolved").isEnded();
    assertThat(instance).variables().containsEntry(DELIBERATION_OUTCOME, "RESOLVED");
  }

  @Test
  void lateResponseAtTheDistrictIsSupervisedByTheDistrictJointMeeting() {
    ProcessInstance instance = urgentMatterAt(DISTRICT);
    execute(job("Event_ResponseOverdue", instance));

    assertThat(task("Task_EscalateUrgent", instance)).hasCandidateGroup(DISTRICT + ".committee");
  }

  @Test
  void supervisionStillOpenIsClosedWhenTheMatterIsDecided() {
    ProcessInstance instance = urgentMatterAt(COMMUNITY);
    execute(job("Event_ResponseOverdue", instance));
    String escalationId = task("Task_EscalateUrgent", instance).getId();

    respond(instance);
    meetingDecides(instance, "PASSED");

    assertThat(instance).isEnded();
    HistoricTaskInstance escalation =
        historyService().createHistoricTaskInstanceQuery().taskId(escalationId).singleResult();
    Assertions.assertThat(escalation.getEndTime()).isNotNull();
    Assertions.assertThat(escalation.getDeleteReason()).isNotEqualTo("completed");
  }

  @Test
  void rejectedQuickMeetingEndsTheMatterWithTheReasonTheSubmitterIsTold() {
    ProcessInstance instance = urgentMatterAt(COMMUNITY);
    respond(instance);
    meetingDecides(instance, "REJECTED");

    Task rejection = task("Task_RecordRejection", instance);
    assertThat(rejection).hasCandidateGroup(COMMUNITY + ".caseworker");
    Assertions.assertThat(isDueWithin(rejection, Instant.now().minusSeconds(2), limit(timeLimits, "stepWithin"))).isTrue();
    Assertions.assertThat(refusal(() -> taskService().complete(rejection.getId(), Map.of(REJECTION_REASON, ""))))
        .hasMessage("请写明不予通过的理由，理由将告知提案人");
    Assertions.assertThat(refusal(() -> taskService().complete(rejection.getId(), Map.of(REJECTION_REASON, "理".repeat(1001)))))
        .hasMessage("不予通过的理由不能超过1000字");
    assertThat(instance).isWaitingAt("Task_RecordRejection");

    complete(rejection, Map.of(REJECTION_REASON, "该处线路属供电公司产权，已转供电公司抢修"));

    assertThat(instance).hasPassed("Event_UrgentRejected").isEnded();
    assertThat(instance).variables()
        .containsEntry(DELIBERATION_OUTCOME, "REJECTED")
        .containsEntry(REJECTION_REASON, "该处线路属供电公司产权，已转供电公司抢修")
        .doesNotContainKey(RESOLUTION);
  }
}
