package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static cn.yishi.deliberation.DeliberationMeetingProcess.PASSED;
import static cn.yishi.deliberation.MeetingTestData.NUMBER_VALUE;
import static cn.yishi.deliberation.MeetingTestData.proposal;
import static cn.yishi.deliberation.MinorDeliberationProcess.*;
import static cn.yishi.deliberation.PlanHandlingCheck.END;
import static cn.yishi.deliberation.PlanHandlingCheck.REVISE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yishi.organisation.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Every path of minorDeliberation (小事小议, "7+X"), with a test double for the committee meeting and
 * the real listeners.
 */
@Deployment(resources = {"processes/minorDeliberation.bpmn", "stubs/deliberationMeeting.bpmn"})
class MinorDeliberationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final String UNIT = "jn-jld-jldbl";
  private static final String CASEWORKERS = UNIT + ".caseworker";
  private static final String COMMITTEE = UNIT + ".committee";
  private static final String PLAN = "在3幢北侧增设非机动车充电棚，物业负责日常管理。";
  private static final String REVISED_PLAN = "在3幢北侧增设充电棚，由业委会招标，物业负责日常管理。";

  private CalledProcessStubs stubs;

  @BeforeEach
  void beans() {
    Groups groups = mock(Groups.class);
    when(groups.caseworkers(UNIT)).thenReturn(CASEWORKERS);
    when(groups.committee(UNIT)).thenReturn(COMMITTEE);
    Mocks.register("groups", groups);
    Mocks.register("stakeholderList", new StakeholderList());
    Mocks.register("recordStakeholderOpinion", new StakeholderOpinions());
    Mocks.register("planCheck", new PlanCheck());
    Mocks.register("planHandlingCheck", new PlanHandlingCheck());
    stubs = new CalledProcessStubs(processEngine());
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(KEY, NUMBER_VALUE, proposal());
  }

  /** Names two stakeholders and records both opinions; the instance then waits at 拟定方案. */
  private void hearStakeholders(ProcessInstance instance) {
    complete(task(instance), Map.of(STAKEHOLDER_NAMES.name(), "3幢居民代表\n物业公司"));
    for (Task opinion :
        taskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(TASK_RECORD_STAKEHOLDER_OPINION)
            .list()) {
      String stakeholder = (String) taskService().getVariable(opinion.getId(), STAKEHOLDER.name());
      complete(opinion, Map.of(STAKEHOLDER_OPINION.name(), stakeholder + "同意"));
    }
  }

  private Map<String, Object> committee(ProcessInstance instance, String outcome) {
    ProcessInstance meeting = stubs.called(instance, DeliberationMeetingProcess.KEY);
    Map<String, Object> inputs = stubs.variables(meeting);
    stubs.finish(
        meeting,
        Map.of(MEETING_OUTCOME.name(), outcome, MEETING_RECORD_ID.name(), "record-" + outcome));
    return inputs;
  }

  @Test
  void eachStakeholderIsHeardThenTheCommitteePassesThePlanAndItIsResolved() {
    Instant before = Instant.now();
    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt(TASK_CHOOSE_STAKEHOLDERS);
    Task choose = task(instance);
    assertThat(choose).hasCandidateGroup(CASEWORKERS);
    org.assertj.core.api.Assertions.assertThat(choose.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
    complete(choose, Map.of(STAKEHOLDER_NAMES.name(), " 3幢居民代表\n\n物业公司\n3幢居民代表\n业委会 "));

    assertThat(instance)
        .variables()
        .containsEntry(STAKEHOLDERS.name(), List.of("3幢居民代表", "物业公司", "业委会"));
    List<Task> opinions =
        taskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(TASK_RECORD_STAKEHOLDER_OPINION)
            .list();
    org.assertj.core.api.Assertions.assertThat(opinions)
        .extracting(Task::getName)
        .containsOnly("听取利益相关方意见");
    org.assertj.core.api.Assertions.assertThat(opinions)
        .extracting(Task::getDescription)
        .containsExactlyInAnyOrder("利益相关方：3幢居民代表", "利益相关方：物业公司", "利益相关方：业委会");
    assertThat(instance).variables().containsEntry(STAKEHOLDER_NAMES.name(), "3幢居民代表\n物业公司\n业委会");
    opinions.forEach(opinion -> assertThat(opinion).hasCandidateGroup(CASEWORKERS));
    for (Task opinion : opinions) {
      String stakeholder = (String) taskService().getVariable(opinion.getId(), STAKEHOLDER.name());
      complete(opinion, Map.of(STAKEHOLDER_OPINION.name(), stakeholder + "的意见"));
    }

    assertThat(instance).isWaitingAt(TASK_DRAFT_PLAN);
    assertThat(task(instance)).hasCandidateGroup(CASEWORKERS);
    String summary =
        (String) runtimeService().getVariable(instance.getId(), STAKEHOLDER_OPINION_SUMMARY.name());
    org.assertj.core.api.Assertions.assertThat(summary.lines())
        .containsExactlyInAnyOrder("3幢居民代表：3幢居民代表的意见", "物业公司：物业公司的意见", "业委会：业委会的意见");
    org.assertj.core.api.Assertions.assertThat(
            (List<?>) runtimeService().getVariable(instance.getId(), STAKEHOLDER_OPINIONS.name()))
        .hasSize(3);
    complete(task(instance), Map.of(MEETING_PLAN.name(), PLAN));

    assertThat(instance).isWaitingAt(CALL_COMMITTEE_MEETING);
    org.assertj.core.api.Assertions.assertThat(committee(instance, PASSED))
        .containsEntry(MEETING_BODY.name(), DELIBERATION_COMMITTEE)
        .containsEntry(MEETING_GROUP.name(), COMMITTEE)
        .containsEntry(MEETING_STEP.name(), "议事委员会协商")
        .containsEntry(MEETING_PLAN.name(), PLAN)
        // 7+X: the three stakeholders heard are members of the committee meeting
        .containsEntry(MEETING_STAKEHOLDERS.name(), "3幢居民代表\n物业公司\n业委会");

    assertThat(instance).hasPassed(EVENT_RESOLVED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), RESOLVED)
        .containsEntry(RESOLUTION.name(), PLAN)
        .containsEntry(MEETING_RECORD_ID.name(), "record-PASSED");
  }

  @Test
  void planTheCommitteeRejectsIsRevisedAndPassesTheSecondTime() {
    ProcessInstance instance = start();
    hearStakeholders(instance);
    complete(task(instance), Map.of(MEETING_PLAN.name(), PLAN));
    committee(instance, REJECTED);

    assertThat(instance).isWaitingAt(TASK_HANDLE_REJECTED_PLAN);
    assertThat(task(instance)).hasCandidateGroup(CASEWORKERS);
    complete(task(instance), Map.of(PLAN_HANDLING.name(), REVISE));

    assertThat(instance).isWaitingAt(TASK_DRAFT_PLAN);
    complete(task(instance), Map.of(MEETING_PLAN.name(), REVISED_PLAN));
    org.assertj.core.api.Assertions.assertThat(committee(instance, PASSED))
        .containsEntry(MEETING_PLAN.name(), REVISED_PLAN);

    assertThat(instance).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), RESOLVED)
        .containsEntry(RESOLUTION.name(), REVISED_PLAN);
  }

  @Test
  void planTheCommitteeRejectsEndsTheDeliberationWithTheReason() {
    ProcessInstance instance = start();
    hearStakeholders(instance);
    complete(task(instance), Map.of(MEETING_PLAN.name(), PLAN));
    committee(instance, REJECTED);

    Task handling = task(instance);
    StepInputAssertions.assertRefused(
        taskService(),
        handling.getId(),
        Map.of(PLAN_HANDLING.name(), END, REJECTION_REASON.name(), ""),
        REJECTION_REASON.name(),
        "终止协商须填写理由，理由将告知提案人");
    complete(
        handling, Map.of(PLAN_HANDLING.name(), END, REJECTION_REASON.name(), "场地属于市政绿地，不能占用。"));

    assertThat(instance).hasPassed(EVENT_REJECTED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), REJECTED)
        .containsEntry(REJECTION_REASON.name(), "场地属于市政绿地，不能占用。");
  }

  @Test
  void noStakeholderAnEmptyOpinionOrABlankPlanIsRefused() {
    ProcessInstance instance = start();
    Task choose = task(instance);
    StepInputAssertions.assertRefused(
        taskService(),
        choose.getId(),
        Map.of(STAKEHOLDER_NAMES.name(), "\n  \n"),
        STAKEHOLDER_NAMES.name(),
        "请至少填写一位利益相关方，每行一位");

    complete(choose, Map.of(STAKEHOLDER_NAMES.name(), "物业公司"));
    Task opinion = task(instance);
    StepInputAssertions.assertRefused(
        taskService(),
        opinion.getId(),
        Map.of(STAKEHOLDER_OPINION.name(), " "),
        STAKEHOLDER_OPINION.name(),
        "请记录物业公司的意见");
    complete(opinion, Map.of(STAKEHOLDER_OPINION.name(), "同意"));

    StepInputAssertions.assertRefused(
        taskService(),
        task(instance).getId(),
        Map.of(MEETING_PLAN.name(), ""),
        MEETING_PLAN.name(),
        "请填写协商方案");
    assertThat(instance).isWaitingAt(TASK_DRAFT_PLAN);
  }
}
