package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;
import static cn.yishi.proposal.ProposalLifecycleProcessTest.JLDBL;
import static cn.yishi.proposal.ProposalLifecycleProcessTest.elevator;
import static cn.yishi.proposal.ProposalLifecycleProcessTest.finishStub;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;

import cn.yishi.deliberation.MajorDeliberationProcess;
import cn.yishi.deliberation.MinorDeliberationProcess;
import cn.yishi.deliberation.UrgentDeliberationProcess;
import cn.yishi.implementation.ImplementationProcess;
import cn.yishi.notice.PublicNoticeProcess;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every resolution is posted (issue 9, rule 1): the carrying-out stage of the lifecycle posts each
 * track's resolution (决议公开) for its notice period, except a major one, which 四议两公开 has already
 * posted; whether carrying out waits for the period is the timeLimits table's
 * waitForResolutionNotice (urgent: carried out while posted). An upheld objection sends the matter
 * back to deliberation; for an urgent matter the judge's objectionPausesWork says whether the work
 * under way stops at once or goes on to its result first. The called procedures are test doubles
 * (stubs/*.bpmn), with the real decision tables and the real route.
 */
@Deployment(
    resources = {
      "processes/proposalLifecycle.bpmn",
      "decisions/proposalCategory.dmn",
      "decisions/matterScope.dmn",
      "decisions/deliberationTrack.dmn",
      "decisions/handlingLevel.dmn",
      "decisions/timeLimits.dmn",
      "decisions/eligibility.dmn",
      "stubs/courtyardDeliberation.bpmn",
      "stubs/minorDeliberation.bpmn",
      "stubs/urgentDeliberation.bpmn",
      "stubs/majorDeliberation.bpmn",
      "stubs/hardDeliberation.bpmn",
      "stubs/implementation.bpmn",
      "stubs/publicNotice.bpmn"
    })
class ResolutionNoticeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private final ProposalLifecycleProcessTest.StatusLog status =
      new ProposalLifecycleProcessTest.StatusLog();

  @BeforeEach
  void registerBeans() throws Exception {
    ProposalLifecycleProcessTest.registerLifecycleBeans(
        status, new ProposalLifecycleProcessTest.FakeNumbering(), mock(CorrectionRecords.class));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  // ---------------------------------------------------------------- tracks that wait for the
  // period

  @Test
  void aMinorResolutionIsPostedAndCarriedOutOnlyAfterItsNoticePeriod() {
    ProcessInstance p = minorResolved("增设楼道照明");

    assertThat(p).isWaitingAt(CALL_PUBLISH_RESOLUTION);
    assertThat(p).hasPassedInOrder(GATEWAY_POST_RESOLUTION, GATEWAY_WAIT_FOR_NOTICE);
    assertNothingCarriedOut();
    Map<String, Object> notice = stubVariables(PublicNoticeProcess.KEY);
    org.assertj.core.api.Assertions.assertThat(notice)
        .containsEntry(NOTICE_KIND.name(), "RESOLUTION")
        .containsEntry(NOTICE_CONTENT.name(), "增设楼道照明")
        .containsEntry(DELIBERATION_UNIT.name(), JLDBL);
    // the status stays IN_DELIBERATION while the resolution is posted (IN_NOTICE is the result
    // notice)
    org.assertj.core.api.Assertions.assertThat(status.statuses).endsWith("IN_DELIBERATION");

    finishStub(
        PublicNoticeProcess.KEY,
        Map.of(NOTICE_OUTCOME.name(), "NO_OBJECTION", NOTICE_ID.name(), 7L));

    assertThat(p)
        .hasPassedInOrder(
            CALL_PUBLISH_RESOLUTION,
            GATEWAY_RESOLUTION_OBJECTED,
            GATEWAY_MERGE_CARRY_OUT,
            GATEWAY_MERGE_WORK_ORDER)
        .isWaitingAt(CALL_IMPLEMENTATION);
    finishStub(ImplementationProcess.KEY, Map.of(IMPLEMENTATION_OUTCOME.name(), "DONE"));
    assertThat(p).isWaitingAt(TASK_EVALUATE_OUTCOME);
  }

  @Test
  void anUpheldObjectionToAMinorResolutionSendsItBackToDeliberationWithNothingCarriedOut() {
    ProcessInstance p = minorResolved("拆除院内花坛");
    finishStub(
        PublicNoticeProcess.KEY,
        Map.of(NOTICE_OUTCOME.name(), "OBJECTED", OBJECTION_PAUSES_WORK.name(), false));

    assertThat(p)
        .hasPassedInOrder(
            GATEWAY_RESOLUTION_OBJECTED,
            EVENT_RESOLUTION_OBJECTED,
            GATEWAY_WAS_OBJECTED,
            GATEWAY_MERGE_REWORK,
            GATEWAY_IS_DEPARTMENT_ORDER,
            GATEWAY_MERGE_DELIBERATION)
        .isWaitingAt(CALL_MINOR_DELIBERATION);
    assertThat(p).hasNotPassed(CALL_IMPLEMENTATION);
    assertThat(p)
        .variables()
        .containsEntry(RESOLUTION_OBJECTED.name(), true)
        .containsEntry(ROUND.name(), 1);

    // deliberated again: a new resolution is posted again, and this time it stands
    finishStub(
        MinorDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RESOLVED", RESOLUTION.name(), "保留花坛，改建座椅"));
    assertThat(p)
        .isWaitingAt(CALL_PUBLISH_RESOLUTION)
        .variables()
        .containsEntry(RESOLUTION_OBJECTED.name(), false);
    finishStub(PublicNoticeProcess.KEY, Map.of(NOTICE_OUTCOME.name(), "NO_OBJECTION"));
    assertThat(p).isWaitingAt(CALL_IMPLEMENTATION);
  }

  @Test
  void aMajorResolutionIsNotPostedTwice() {
    ProcessInstance p = start(elevator());
    complete(task(p), sortAs("NONE"));
    complete(task(p), Map.of(REVIEW_DECISION.name(), "SETTLE"));
    finishStub(
        MajorDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RESOLVED", RESOLUTION.name(), "加装电梯方案"));

    assertThat(p)
        .hasPassedInOrder(GATEWAY_POST_RESOLUTION, GATEWAY_MERGE_WORK_ORDER)
        .isWaitingAt(CALL_IMPLEMENTATION);
    assertThat(p).hasNotPassed(CALL_PUBLISH_RESOLUTION, CALL_PUBLISH_RESOLUTION_WHILE_CARRYING_OUT);
    org.assertj.core.api.Assertions.assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(PublicNoticeProcess.KEY)
                .count())
        .isZero();
  }

  // ---------------------------------------------------------------- urgent: carried out while
  // posted

  @Test
  void anUrgentResolutionIsCarriedOutWhileItIsPosted() {
    ProcessInstance p = urgentResolved();

    assertThat(p).isWaitingAt(CALL_IMPLEMENTATION, CALL_PUBLISH_RESOLUTION_WHILE_CARRYING_OUT);
    assertThat(p).hasPassedInOrder(GATEWAY_WAIT_FOR_NOTICE, GATEWAY_POST_AND_CARRY_OUT);
    org.assertj.core.api.Assertions.assertThat(stubVariables(PublicNoticeProcess.KEY))
        .containsEntry(NOTICE_KIND.name(), "RESOLUTION")
        .containsEntry(NOTICE_CONTENT.name(), "立即拆除飞线");

    finishStub(ImplementationProcess.KEY, Map.of(IMPLEMENTATION_OUTCOME.name(), "DONE"));
    // the stage waits for the notice period: the resolution stays on the board until it is over
    assertThat(p).isWaitingAt(CALL_PUBLISH_RESOLUTION_WHILE_CARRYING_OUT);
    finishStub(PublicNoticeProcess.KEY, Map.of(NOTICE_OUTCOME.name(), "NO_OBJECTION"));

    assertThat(p)
        .hasPassed(EVENT_RESOLUTION_NOTICE_OVER, EVENT_IMPLEMENTATION_DONE)
        .isWaitingAt(TASK_EVALUATE_OUTCOME);
  }

  @Test
  void
      anUpheldObjectionThatPausesWorkStopsTheCarryingOutAndSendsTheUrgentMatterBackToDeliberation() {
    ProcessInstance p = urgentResolved();
    finishStub(
        PublicNoticeProcess.KEY,
        Map.of(NOTICE_OUTCOME.name(), "OBJECTED", OBJECTION_PAUSES_WORK.name(), true));

    assertThat(p)
        .hasPassedInOrder(
            GATEWAY_OBJECTION_WHILE_CARRYING_OUT,
            EVENT_WORK_PAUSED,
            GATEWAY_WAS_OBJECTED,
            GATEWAY_MERGE_REWORK,
            GATEWAY_MERGE_DELIBERATION)
        .isWaitingAt(CALL_URGENT_DELIBERATION);
    assertThat(p).hasNotPassed(EVENT_IMPLEMENTATION_DONE);
    // the carrying out was stopped: no implementation is left running
    org.assertj.core.api.Assertions.assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ImplementationProcess.KEY)
                .count())
        .isZero();
  }

  @Test
  void anUpheldObjectionWithoutPauseLetsTheWorkFinishAndThenTheUrgentMatterIsDeliberatedAgain() {
    ProcessInstance p = urgentResolved();
    finishStub(
        PublicNoticeProcess.KEY,
        Map.of(NOTICE_OUTCOME.name(), "OBJECTED", OBJECTION_PAUSES_WORK.name(), false));

    assertThat(p).hasPassed(EVENT_OBJECTION_WORK_GOES_ON).isWaitingAt(CALL_IMPLEMENTATION);
    finishStub(ImplementationProcess.KEY, Map.of(IMPLEMENTATION_OUTCOME.name(), "DONE"));

    assertThat(p)
        .hasPassedInOrder(
            EVENT_IMPLEMENTATION_DONE,
            GATEWAY_WAS_OBJECTED,
            GATEWAY_MERGE_REWORK,
            GATEWAY_MERGE_DELIBERATION)
        .isWaitingAt(CALL_URGENT_DELIBERATION);
    assertThat(p).hasNotPassed(TASK_EVALUATE_OUTCOME);
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance minorResolved(String resolution) {
    Map<String, Object> v = elevator();
    v.put(TITLE.name(), "楼道照明");
    v.put(SCOPE.name(), "COMMUNITY");
    v.put(ESTIMATED_COST.name(), 20000.0);
    v.put(AFFECTED_HOUSEHOLDS.name(), 10);
    ProcessInstance p = start(v);
    assertThat(p)
        .variables()
        .containsEntry(TRACK.name(), "MINOR")
        .containsEntry(LEVEL.name(), "COMMUNITY");
    complete(task(p), sortAs("NONE"));
    complete(task(p), Map.of(REVIEW_DECISION.name(), "SETTLE"));
    finishStub(
        MinorDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RESOLVED", RESOLUTION.name(), resolution));
    return p;
  }

  private ProcessInstance urgentResolved() {
    Map<String, Object> v = elevator();
    v.put(SAFETY_HAZARD.name(), true);
    ProcessInstance p = start(v);
    assertThat(p).variables().containsEntry(TRACK.name(), "URGENT");
    complete(task(p), sortAs("NONE"));
    finishStub(
        UrgentDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RESOLVED", RESOLUTION.name(), "立即拆除飞线"));
    return p;
  }

  private void assertNothingCarriedOut() {
    org.assertj.core.api.Assertions.assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ImplementationProcess.KEY)
                .count())
        .isZero();
    org.assertj.core.api.Assertions.assertThat(status.statuses).doesNotContain("IN_IMPLEMENTATION");
  }

  private static Map<String, Object> stubVariables(String processKey) {
    String id =
        taskService()
            .createTaskQuery()
            .processDefinitionKey(processKey)
            .taskDefinitionKey("Task_Stub")
            .singleResult()
            .getId();
    return taskService().getVariables(id);
  }

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(KEY, variables);
  }

  private static Map<String, Object> sortAs(String exclusion) {
    Map<String, Object> v = new HashMap<>();
    v.put(EXCLUSION.name(), exclusion);
    return v;
  }
}
