package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static cn.yishi.deliberation.DeliberationMeetingProcess.PASSED;
import static cn.yishi.deliberation.MajorDeliberationProcess.*;
import static cn.yishi.deliberation.MeetingTestData.NUMBER_VALUE;
import static cn.yishi.deliberation.MeetingTestData.proposal;
import static cn.yishi.deliberation.PlanHandlingCheck.END;
import static cn.yishi.deliberation.PlanHandlingCheck.REVISE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yishi.organisation.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * Every path of majorDeliberation (四议两公开), with test doubles for the meetings (deliberationMeeting)
 * and the notice (publicNotice) and the real step checks.
 */
@Deployment(
    resources = {
      "processes/majorDeliberation.bpmn",
      "stubs/deliberationMeeting.bpmn",
      "stubs/publicNotice.bpmn"
    })
class MajorDeliberationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final String COMMUNITY_CODE = "jn-jld-jldbl";
  private static final String PARTY_GROUP = COMMUNITY_CODE + ".party";
  private static final String TWO_COMMITTEES_GROUP = COMMUNITY_CODE + ".two-committees";
  private static final String CASEWORKERS = COMMUNITY_CODE + ".caseworker";
  private static final String PLAN = "加装电梯一部，费用按楼层分摊，一楼住户免缴。";
  private static final String REVISED_PLAN = "加装电梯一部，费用由二楼以上住户按楼层分摊，政府补贴20万元。";

  private CalledProcessStubs stubs;

  @BeforeEach
  void beans() {
    Groups groups = mock(Groups.class);
    when(groups.party(COMMUNITY_CODE)).thenReturn(PARTY_GROUP);
    when(groups.twoCommittees(COMMUNITY_CODE)).thenReturn(TWO_COMMITTEES_GROUP);
    when(groups.caseworkers(COMMUNITY_CODE)).thenReturn(CASEWORKERS);
    Mocks.register("groups", groups);
    Mocks.register("planCheck", new PlanCheck());
    Mocks.register("proposeStepCheck", new ProposeStepCheck());
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

  private static Map<String, Object> proposalOf(String plan) {
    Map<String, Object> v = new HashMap<>();
    v.put(RESIDENTS_OPINIONS.name(), "入户走访24户，21户同意加装电梯，3户担心采光。");
    v.put(MEETING_PLAN.name(), plan);
    v.put(RESOLVING_BODY.name(), "REPRESENTATIVES_MEETING");
    return v;
  }

  /** Completes the meeting the instance waits on; returns the meeting's input variables. */
  private Map<String, Object> meeting(ProcessInstance instance, String outcome, String recordId) {
    ProcessInstance meeting = stubs.called(instance, DeliberationMeetingProcess.KEY);
    Map<String, Object> inputs = stubs.variables(meeting);
    org.assertj.core.api.Assertions.assertThat(meeting.getBusinessKey()).isEqualTo(NUMBER_VALUE);
    stubs.finish(
        meeting, Map.of(MEETING_OUTCOME.name(), outcome, MEETING_RECORD_ID.name(), recordId));
    return inputs;
  }

  private Map<String, Object> notice(ProcessInstance instance, String outcome) {
    ProcessInstance notice = stubs.called(instance, cn.yishi.notice.PublicNoticeProcess.KEY);
    Map<String, Object> inputs = stubs.variables(notice);
    stubs.finish(
        notice, Map.of(NOTICE_OUTCOME.name(), outcome, NOTICE_ID.name(), "notice-" + outcome));
    return inputs;
  }

  @Test
  void planPassedByAllThreeMeetingsAndUnopposedInItsNoticeIsResolved() {
    Instant before = Instant.now();
    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt(TASK_PROPOSE);
    Task propose = task(instance);
    assertThat(propose).hasCandidateGroup(PARTY_GROUP);
    org.assertj.core.api.Assertions.assertThat(propose.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
    complete(propose, proposalOf(PLAN));

    assertThat(instance).isWaitingAt(CALL_DISCUSS);
    org.assertj.core.api.Assertions.assertThat(meeting(instance, PASSED, "record-discuss"))
        .containsEntry(MEETING_BODY.name(), TWO_COMMITTEES)
        .containsEntry(MEETING_STEP.name(), "商议")
        .containsEntry(MEETING_GROUP.name(), TWO_COMMITTEES_GROUP)
        .containsEntry(MEETING_PLAN.name(), PLAN)
        .containsEntry(NUMBER.name(), NUMBER_VALUE);

    assertThat(instance).isWaitingAt(CALL_REVIEW);
    org.assertj.core.api.Assertions.assertThat(meeting(instance, PASSED, "record-review"))
        .containsEntry(MEETING_BODY.name(), PARTY_MEMBERS_MEETING)
        .containsEntry(MEETING_STEP.name(), "审议")
        .containsEntry(MEETING_GROUP.name(), PARTY_GROUP);

    assertThat(instance).isWaitingAt(CALL_RESOLVE);
    org.assertj.core.api.Assertions.assertThat(meeting(instance, PASSED, "record-resolve"))
        .containsEntry(MEETING_BODY.name(), "REPRESENTATIVES_MEETING")
        .containsEntry(MEETING_STEP.name(), "决议")
        .containsEntry(MEETING_GROUP.name(), CASEWORKERS);

    assertThat(instance).isWaitingAt(CALL_PUBLISH_RESOLUTION);
    org.assertj.core.api.Assertions.assertThat(notice(instance, NO_OBJECTION))
        .containsEntry(NOTICE_KIND.name(), RESOLUTION_NOTICE)
        .containsEntry(NOTICE_CONTENT.name(), PLAN);

    assertThat(instance).hasPassed(EVENT_RESOLVED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), RESOLVED)
        .containsEntry(RESOLUTION.name(), PLAN)
        .containsEntry(MEETING_RECORD_ID.name(), "record-resolve")
        .containsEntry(NOTICE_ID.name(), "notice-NO_OBJECTION")
        .doesNotContainKey(cn.yishi.proposal.ProposalLifecycleProcess.STATUS.name());
  }

  @Test
  void twoCommitteesRejectThePlanAndThePartyEndsTheDeliberationWithAReason() {
    ProcessInstance instance = start();
    complete(task(instance), proposalOf(PLAN));
    meeting(instance, REJECTED, "record-discuss");

    assertThat(instance).isWaitingAt(TASK_HANDLE_REJECTED_PLAN);
    Task handling = task(instance);
    assertThat(handling).hasCandidateGroup(PARTY_GROUP);
    assertThat(instance).variables().containsEntry(LAST_MEETING_STEP.name(), "商议");

    StepInputAssertions.assertRefused(
        taskService(),
        handling.getId(),
        Map.of(PLAN_HANDLING.name(), END),
        REJECTION_REASON.name(),
        "终止协商须填写理由，理由将告知提案人");
    StepInputAssertions.assertRefused(
        taskService(),
        handling.getId(),
        Map.of(PLAN_HANDLING.name(), "MAYBE"),
        PLAN_HANDLING.name(),
        "请选择修改方案后重新协商，或终止协商");

    complete(
        handling, Map.of(PLAN_HANDLING.name(), END, REJECTION_REASON.name(), "三分之一住户反对，暂不具备加装条件。"));

    assertThat(instance).hasPassed(EVENT_REJECTED).hasNotPassed(CALL_REVIEW).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), REJECTED)
        .containsEntry(REJECTION_REASON.name(), "三分之一住户反对，暂不具备加装条件。")
        .doesNotContainKey(RESOLUTION.name());
  }

  @Test
  void planRejectedInReviewIsRevisedAndProposedAgain() {
    ProcessInstance instance = start();
    complete(task(instance), proposalOf(PLAN));
    meeting(instance, PASSED, "record-discuss");
    meeting(instance, REJECTED, "record-review");

    assertThat(instance).isWaitingAt(TASK_HANDLE_REJECTED_PLAN);
    assertThat(instance).variables().containsEntry(LAST_MEETING_STEP.name(), "审议");
    complete(task(instance), Map.of(PLAN_HANDLING.name(), REVISE));

    assertThat(instance).isWaitingAt(TASK_PROPOSE);
    assertThat(task(instance)).hasCandidateGroup(PARTY_GROUP);
    complete(task(instance), proposalOf(REVISED_PLAN));
    org.assertj.core.api.Assertions.assertThat(meeting(instance, PASSED, "record-discuss-2"))
        .containsEntry(MEETING_PLAN.name(), REVISED_PLAN);
    meeting(instance, PASSED, "record-review-2");
    meeting(instance, PASSED, "record-resolve");
    notice(instance, NO_OBJECTION);

    assertThat(instance).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), RESOLVED)
        .containsEntry(RESOLUTION.name(), REVISED_PLAN);
  }

  @Test
  void planRejectedByTheResidentsRepresentativesEndsRejected() {
    ProcessInstance instance = start();
    complete(task(instance), proposalOf(PLAN));
    meeting(instance, PASSED, "record-discuss");
    meeting(instance, PASSED, "record-review");
    meeting(instance, REJECTED, "record-resolve");

    assertThat(instance).isWaitingAt(TASK_HANDLE_REJECTED_PLAN);
    assertThat(instance).variables().containsEntry(LAST_MEETING_STEP.name(), "决议");
    complete(
        task(instance), Map.of(PLAN_HANDLING.name(), END, REJECTION_REASON.name(), "居民代表会议未通过。"));

    assertThat(instance).hasPassed(EVENT_REJECTED).hasNotPassed(CALL_PUBLISH_RESOLUTION).isEnded();
    assertThat(instance).variables().containsEntry(DELIBERATION_OUTCOME.name(), REJECTED);
  }

  @Test
  void anObjectionInTheNoticePeriodSendsThePlanBackToTheTwoCommittees() {
    ProcessInstance instance = start();
    complete(task(instance), proposalOf(PLAN));
    meeting(instance, PASSED, "record-discuss");
    meeting(instance, PASSED, "record-review");
    meeting(instance, PASSED, "record-resolve");
    notice(instance, OBJECTED);

    assertThat(instance).isWaitingAt(CALL_DISCUSS);
    org.assertj.core.api.Assertions.assertThat(meeting(instance, PASSED, "record-discuss-2"))
        .containsEntry(MEETING_STEP.name(), "商议")
        .containsEntry(MEETING_PLAN.name(), PLAN);
    meeting(instance, PASSED, "record-review-2");
    meeting(instance, PASSED, "record-resolve-2");
    notice(instance, NO_OBJECTION);

    assertThat(instance).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), RESOLVED)
        .containsEntry(RESOLUTION.name(), PLAN);
  }

  @Test
  void aProposalWithoutOpinionsPlanOrAValidDecidingBodyIsRefused() {
    ProcessInstance instance = start();
    Task propose = task(instance);

    Map<String, Object> noOpinions = proposalOf(PLAN);
    noOpinions.put(RESIDENTS_OPINIONS.name(), " ");
    StepInputAssertions.assertRefused(
        taskService(), propose.getId(), noOpinions, RESIDENTS_OPINIONS.name(), "请填写居民意见征集情况");
    Map<String, Object> noPlan = proposalOf(" ");
    StepInputAssertions.assertRefused(
        taskService(), propose.getId(), noPlan, MEETING_PLAN.name(), "请填写协商方案");
    Map<String, Object> wrongBody = proposalOf(PLAN);
    wrongBody.put(RESOLVING_BODY.name(), "TWO_COMMITTEES");
    StepInputAssertions.assertRefused(
        taskService(),
        propose.getId(),
        wrongBody,
        RESOLVING_BODY.name(),
        "请选择决议主体：居民会议、居民代表会议或户代表会议");

    assertThat(instance).isWaitingAt(TASK_PROPOSE);
  }
}
