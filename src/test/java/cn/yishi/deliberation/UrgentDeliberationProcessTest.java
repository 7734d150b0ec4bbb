package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static cn.yishi.deliberation.UrgentDeliberationProcess.*;
import static cn.yishi.summons.SummonsTestSupport.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.yishi.summons.SummonsTestSupport;
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
 * Every path of urgentDeliberation (急事急议) with the real timeLimits table and the real organisation:
 * quick response, the quick meeting (test double of deliberationMeeting) passing, a rejected plan
 * revised and passed, raised to the level above, or closed only by a level it was raised to (or the
 * district). No supervision timer: timeLimitWatch is the one 督办 mechanism.
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
  private static final String REVISED_PLAN = "当晚断开飞线，三日内在院内增设集中充电桩";
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
    Mocks.register("urgentPlanHandlingCheck", new UrgentPlanHandlingCheck(units()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  /** The flying-wires case: e-bike cables hung from windows, a fire hazard. */
  private ProcessInstance urgentMatterAt(String unit, String raisedFrom) {
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER.name(), NUMBER_VALUE);
    v.put(TITLE.name(), "马鞍北路8号院飞线充电");
    v.put(DESCRIPTION.name(), "居民从窗户拉电线给电动车充电，存在火灾隐患。");
    v.put(DELIBERATION_UNIT.name(), unit);
    v.put(TIME_LIMITS.name(), limits());
    if (raisedFrom != null) {
      v.put(RAISED_FROM.name(), raisedFrom);
    }
    return runtimeService().startProcessInstanceByKey(KEY, NUMBER_VALUE, v);
  }

  private void respond(ProcessInstance instance) {
    complete(
        task(TASK_RESPOND_QUICKLY, instance),
        Map.of(RESPONSE_NOTE.name(), "网格员已到场断电并疏散", MEETING_PLAN.name(), PLAN));
  }

  private void meetingDecides(ProcessInstance instance, String outcome) {
    ProcessInstance meeting = calledProcessInstance(DeliberationMeetingProcess.KEY, instance);
    complete(
        task("Task_Stub", meeting),
        Map.of(MEETING_OUTCOME.name(), outcome, MEETING_RECORD_ID.name(), "MR-URGENT-1"));
  }

  private Task rejectedPlan(ProcessInstance instance) {
    respond(instance);
    meetingDecides(instance, "REJECTED");
    return task(TASK_HANDLE_REJECTED_URGENT_PLAN, instance);
  }

  @Test
  void quickResponseAndPassedQuickMeetingResolveTheMatterWithThePlan() {
    Instant before = Instant.now();
    ProcessInstance instance = urgentMatterAt(SummonsTestSupport.COMMUNITY, null);

    Task response = task(TASK_RESPOND_QUICKLY, instance);
    assertThat(response).hasCandidateGroup(SummonsTestSupport.COMMUNITY + ".caseworker");
    Assertions.assertThat(isDueWithin(response, before, limit(timeLimits, "responseWithin")))
        .isTrue();
    // the diagram opens no 督办 of its own: timeLimitWatch supervises every overdue step
    Assertions.assertThat(
            managementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .count())
        .isZero();

    respond(instance);

    assertThat(instance).isWaitingAt(CALL_QUICK_MEETING);
    ProcessInstance meeting = calledProcessInstance(DeliberationMeetingProcess.KEY, instance);
    assertThat(meeting).hasBusinessKey(NUMBER_VALUE);
    assertThat(meeting)
        .variables()
        .containsEntry(MEETING_BODY.name(), "DELIBERATION_COMMITTEE")
        .containsEntry(MEETING_STEP.name(), "快议")
        .containsEntry(MEETING_GROUP.name(), SummonsTestSupport.COMMUNITY + ".committee")
        .containsEntry(MEETING_PLAN.name(), PLAN);

    meetingDecides(instance, "PASSED");

    assertThat(instance).hasPassed(EVENT_URGENT_RESOLVED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), "RESOLVED")
        .containsEntry(RESOLUTION.name(), PLAN)
        .containsEntry(MEETING_RECORD_ID.name(), "MR-URGENT-1");
  }

  @Test
  void aRejectedPlanIsRevisedAndPutToASecondQuickMeeting() {
    ProcessInstance instance = urgentMatterAt(SummonsTestSupport.COMMUNITY, null);
    Task handling = rejectedPlan(instance);
    assertThat(handling).hasCandidateGroup(SummonsTestSupport.COMMUNITY + ".caseworker");
    Assertions.assertThat(
            isDueWithin(handling, Instant.now().minusSeconds(2), limit(timeLimits, "stepWithin")))
        .isTrue();
    Assertions.assertThat(taskService().getVariableLocal(handling.getId(), MAY_CLOSE.name()))
        .isEqualTo(false);
    Assertions.assertThat(
            refusal(
                () ->
                    taskService()
                        .complete(
                            handling.getId(),
                            Map.of(
                                URGENT_PLAN_HANDLING.name(), "REVISE", MEETING_PLAN.name(), " "))))
        .hasMessage("请写明修改后的方案");
    Assertions.assertThat(
            refusal(
                () ->
                    taskService()
                        .complete(handling.getId(), Map.of(URGENT_PLAN_HANDLING.name(), "IGNORE"))))
        .hasMessage("请选择：修改方案再次快议、上报上一级或不予处理");

    complete(
        handling, Map.of(URGENT_PLAN_HANDLING.name(), "REVISE", MEETING_PLAN.name(), REVISED_PLAN));

    assertThat(instance)
        .hasPassedInOrder(GATEWAY_URGENT_PLAN_HANDLING, GATEWAY_MERGE_QUICK_MEETING)
        .isWaitingAt(CALL_QUICK_MEETING);
    assertThat(calledProcessInstance(DeliberationMeetingProcess.KEY, instance))
        .variables()
        .containsEntry(MEETING_PLAN.name(), REVISED_PLAN);
    meetingDecides(instance, "PASSED");
    assertThat(instance).hasPassed(EVENT_URGENT_RESOLVED).isEnded();
    assertThat(instance).variables().containsEntry(RESOLUTION.name(), REVISED_PLAN);
  }

  @Test
  void theLevelThatCouldNotAgreeRaisesItWithAReasonButMayNotCloseIt() {
    ProcessInstance instance = urgentMatterAt(SummonsTestSupport.COMMUNITY, null);
    Task handling = rejectedPlan(instance);
    Assertions.assertThat(
            refusal(
                () ->
                    taskService()
                        .complete(
                            handling.getId(),
                            Map.of(
                                URGENT_PLAN_HANDLING.name(),
                                "CLOSE",
                                REJECTION_REASON.name(),
                                "不予处理"))))
        .hasMessage("急事方案未通过时，本级只能修改方案或上报上一级；只有上一级可以不予处理");
    Assertions.assertThat(
            refusal(
                () ->
                    taskService()
                        .complete(handling.getId(), Map.of(URGENT_PLAN_HANDLING.name(), "RAISE"))))
        .hasMessage("请写明上报上一级的理由");
    assertThat(instance).isWaitingAt(TASK_HANDLE_REJECTED_URGENT_PLAN);

    complete(
        handling,
        Map.of(URGENT_PLAN_HANDLING.name(), "RAISE", RAISE_REASON.name(), "涉及多个院落的供电线路，社区无法协调"));

    assertThat(instance).hasPassed(EVENT_URGENT_RAISED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), "RAISED")
        .containsEntry(RAISE_REASON.name(), "涉及多个院落的供电线路，社区无法协调")
        .doesNotContainKey(RESOLUTION.name());
  }

  @Test
  void theLevelItWasRaisedToMayCloseItTellingTheSubmitterWhy() {
    ProcessInstance instance = urgentMatterAt(STREET, SummonsTestSupport.COMMUNITY);
    Task handling = rejectedPlan(instance);
    assertThat(handling).hasCandidateGroup(STREET + ".caseworker");
    Assertions.assertThat(taskService().getVariableLocal(handling.getId(), MAY_CLOSE.name()))
        .isEqualTo(true);
    Assertions.assertThat(
            refusal(
                () ->
                    taskService()
                        .complete(
                            handling.getId(),
                            Map.of(
                                URGENT_PLAN_HANDLING.name(),
                                "CLOSE",
                                REJECTION_REASON.name(),
                                ""))))
        .hasMessage("请写明不予处理的理由，理由将告知提案人");
    Assertions.assertThat(
            refusal(
                () ->
                    taskService()
                        .complete(
                            handling.getId(),
                            Map.of(
                                URGENT_PLAN_HANDLING.name(),
                                "CLOSE",
                                REJECTION_REASON.name(),
                                "理".repeat(1001)))))
        .hasMessage("不能超过1000字");

    complete(
        handling,
        Map.of(
            URGENT_PLAN_HANDLING.name(), "CLOSE", REJECTION_REASON.name(), "该处线路属供电公司产权，已转供电公司抢修"));

    assertThat(instance).hasPassed(EVENT_URGENT_REJECTED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), "REJECTED")
        .containsEntry(REJECTION_REASON.name(), "该处线路属供电公司产权，已转供电公司抢修")
        .doesNotContainKey(RESOLUTION.name());
  }

  @Test
  void theDistrictWithNothingAboveItMayCloseItButNotRaiseIt() {
    ProcessInstance instance = urgentMatterAt(DISTRICT, null);
    Task handling = rejectedPlan(instance);
    Assertions.assertThat(taskService().getVariableLocal(handling.getId(), MAY_CLOSE.name()))
        .isEqualTo(true);
    Assertions.assertThat(
            refusal(
                () ->
                    taskService()
                        .complete(
                            handling.getId(),
                            Map.of(
                                URGENT_PLAN_HANDLING.name(), "RAISE", RAISE_REASON.name(), "上报"))))
        .hasMessageContaining("已是最高层级，不能再上报");

    complete(
        handling,
        Map.of(URGENT_PLAN_HANDLING.name(), "CLOSE", REJECTION_REASON.name(), "已由供电公司按抢修程序处理"));
    assertThat(instance).hasPassed(EVENT_URGENT_REJECTED).isEnded();
  }
}
