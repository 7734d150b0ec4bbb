package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.NOTICE_OUTCOME;
import static cn.yishi.common.CommonVariables.OBJECTION_PAUSES_WORK;
import static cn.yishi.proposal.ProposalLifecycleProcessTest.JLDBL;
import static cn.yishi.proposal.ProposalLifecycleProcessTest.elevator;
import static cn.yishi.proposal.ProposalLifecycleProcessTest.finishStub;
import static cn.yishi.proposal.ProposalVariables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;

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
 * Every resolution is posted (issue 9, rule 1): the carrying-out stage of the lifecycle posts
 * each track's resolution (决议公开) for its notice period, except a major one, which 四议两公开
 * has already posted; whether carrying out waits for the period is the timeLimits table's
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

  private final ProposalLifecycleProcessTest.StatusLog status = new ProposalLifecycleProcessTest.StatusLog();

  @BeforeEach
  void registerBeans() throws Exception {
    ProposalLifecycleProcessTest.registerLifecycleBeans(
        status, new ProposalLifecycleProcessTest.FakeNumbering(), mock(CorrectionRecords.class));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  // ---------------------------------------------------------------- tracks that wait for the period

  @Test
  void aMinorResolutionIsPostedAndCarriedOutOnlyAfterItsNoticePeriod() {
    ProcessInstance p = minorResolved("增设楼道照明");

    assertThat(p).isWaitingAt("Call_PublishResolution");
    assertThat(p).hasPassedInOrder("Gateway_PostResolution", "Gateway_WaitForNotice");
    assertNothingCarriedOut();
    Map<String, Object> notice = stubVariables("publicNotice");
    org.assertj.core.api.Assertions.assertThat(notice)
        .containsEntry("noticeKind", "RESOLUTION")
        .containsEntry("noticeContent", "增设楼道照明")
        .containsEntry(DELIBERATION_UNIT, JLDBL);
    // the status stays IN_DELIBERATION while the resolution is posted (IN_NOTICE is the result notice)
    org.assertj.core.api.Assertions.assertThat(status.statuses).endsWith("IN_DELIBERATION");

    finishStub("publicNotice", Map.of(NOTICE_OUTCOME.name(), "NO_OBJECTION", "noticeId", 7L));

    assertThat(p).hasPassedInOrder("Call_PublishResolution", "Gateway_ResolutionObjected", "Gateway_MergeCarryOut", "Gateway_MergeWorkOrder")
        .isWaitingAt("Call_Implementation");
    finishStub("implementation", Map.of(IMPLEMENTATION_OUTCOME, "DONE"));
    assertThat(p).isWaitingAt("Task_EvaluateOutcome");
  }

  @Test
  void anUpheldObjectionToAMinorResolutionSendsItBackToDeliberationWithNothingCarriedOut() {
    ProcessInstance p = minorResolved("拆除院内花坛");
    finishStub("publicNotice", Map.of(NOTICE_OUTCOME.name(), "OBJECTED", OBJECTION_PAUSES_WORK.name(), false));

    assertThat(p).hasPassedInOrder("Gateway_ResolutionObjected", "Event_ResolutionObjected", "Gateway_WasObjected",
            "Gateway_MergeRework", "Gateway_IsDepartmentOrder", "Gateway_MergeDeliberation")
        .isWaitingAt("Call_MinorDeliberation");
    assertThat(p).hasNotPassed("Call_Implementation");
    assertThat(p).variables().containsEntry(RESOLUTION_OBJECTED, true).containsEntry(ROUND, 1);

    // deliberated again: a new resolution is posted again, and this time it stands
    finishStub("minorDeliberation", Map.of(DELIBERATION_OUTCOME, "RESOLVED", RESOLUTION, "保留花坛，改建座椅"));
    assertThat(p).isWaitingAt("Call_PublishResolution").variables().containsEntry(RESOLUTION_OBJECTED, false);
    finishStub("publicNotice", Map.of(NOTICE_OUTCOME.name(), "NO_OBJECTION"));
    assertThat(p).isWaitingAt("Call_Implementation");
  }

  @Test
  void aMajorResolutionIsNotPostedTwice() {
    ProcessInstance p = start(elevator());
    complete(task(p), sortAs("NONE"));
    complete(task(p), Map.of(REVIEW_DECISION, "SETTLE"));
    finishStub("majorDeliberation", Map.of(DELIBERATION_OUTCOME, "RESOLVED", RESOLUTION, "加装电梯方案"));

    assertThat(p).hasPassedInOrder("Gateway_PostResolution", "Gateway_MergeWorkOrder").isWaitingAt("Call_Implementation");
    assertThat(p).hasNotPassed("Call_PublishResolution", "Call_PublishResolutionWhileCarryingOut");
    org.assertj.core.api.Assertions.assertThat(
        runtimeService().createProcessInstanceQuery().processDefinitionKey("publicNotice").count()).isZero();
  }

  // ---------------------------------------------------------------- urgent: carried out while posted

  @Test
  void anUrgentResolutionIsCarriedOutWhileItIsPosted() {
    ProcessInstance p = urgentResolved();

    assertThat(p).isWaitingAt("Call_Implementation", "Call_PublishResolutionWhileCarryingOut");
    assertThat(p).hasPassedInOrder("Gateway_WaitForNotice", "Gateway_PostAndCarryOut");
    org.assertj.core.api.Assertions.assertThat(stubVariables("publicNotice"))
        .containsEntry("noticeKind", "RESOLUTION").containsEntry("noticeContent", "立即拆除飞线");

    finishStub("implementation", Map.of(IMPLEMENTATION_OUTCOME, "DONE"));
    // the stage waits for the notice period: the resolution stays on the board until it is over
    assertThat(p).isWaitingAt("Call_PublishResolutionWhileCarryingOut");
    finishStub("publicNotice", Map.of(NOTICE_OUTCOME.name(), "NO_OBJECTION"));

    assertThat(p).hasPassed("Event_ResolutionNoticeOver", "Event_ImplementationDone").isWaitingAt("Task_EvaluateOutcome");
  }

  @Test
  void anUpheldObjectionThatPausesWorkStopsTheCarryingOutAndSendsTheUrgentMatterBackToDeliberation() {
    ProcessInstance p = urgentResolved();
    finishStub("publicNotice", Map.of(NOTICE_OUTCOME.name(), "OBJECTED", OBJECTION_PAUSES_WORK.name(), true));

    assertThat(p).hasPassedInOrder("Gateway_ObjectionWhileCarryingOut", "Event_WorkPaused", "Gateway_WasObjected",
            "Gateway_MergeRework", "Gateway_MergeDeliberation")
        .isWaitingAt("Call_UrgentDeliberation");
    assertThat(p).hasNotPassed("Event_ImplementationDone");
    // the carrying out was stopped: no implementation is left running
    org.assertj.core.api.Assertions.assertThat(
        runtimeService().createProcessInstanceQuery().processDefinitionKey("implementation").count()).isZero();
  }

  @Test
  void anUpheldObjectionWithoutPauseLetsTheWorkFinishAndThenTheUrgentMatterIsDeliberatedAgain() {
    ProcessInstance p = urgentResolved();
    finishStub("publicNotice", Map.of(NOTICE_OUTCOME.name(), "OBJECTED", OBJECTION_PAUSES_WORK.name(), false));

    assertThat(p).hasPassed("Event_ObjectionWorkGoesOn").isWaitingAt("Call_Implementation");
    finishStub("implementation", Map.of(IMPLEMENTATION_OUTCOME, "DONE"));

    assertThat(p).hasPassedInOrder("Event_ImplementationDone", "Gateway_WasObjected", "Gateway_MergeRework", "Gateway_MergeDeliberation")
        .isWaitingAt("Call_UrgentDeliberation");
    assertThat(p).hasNotPassed("Task_EvaluateOutcome");
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance minorResolved(String resolution) {
    Map<String, Object> v = elevator();
    v.put(TITLE, "楼道照明");
    v.put(SCOPE, "COMMUNITY");
    v.put(ESTIMATED_COST, 20000.0);
    v.put(AFFECTED_HOUSEHOLDS, 10);
    ProcessInstance p = start(v);
    assertThat(p).variables().containsEntry(TRACK, "MINOR").containsEntry(LEVEL, "COMMUNITY");
    complete(task(p), sortAs("NONE"));
    complete(task(p), Map.of(REVIEW_DECISION, "SETTLE"));
    finishStub("minorDeliberation", Map.of(DELIBERATION_OUTCOME, "RESOLVED", RESOLUTION, resolution));
    return p;
  }

  private ProcessInstance urgentResolved() {
    Map<String, Object> v = elevator();
    v.put(SAFETY_HAZARD, true);
    ProcessInstance p = start(v);
    assertThat(p).variables().containsEntry(TRACK, "URGENT");
    complete(task(p), sortAs("NONE"));
    finishStub("urgentDeliberation", Map.of(DELIBERATION_OUTCOME, "RESOLVED", RESOLUTION, "立即拆除飞线"));
    return p;
  }

  private void assertNothingCarriedOut() {
    org.assertj.core.api.Assertions.assertThat(
        runtimeService().createProcessInstanceQuery().processDefinitionKey("implementation").count()).isZero();
    org.assertj.core.api.Assertions.assertThat(status.statuses).doesNotContain("IN_IMPLEMENTATION");
  }

  private static Map<String, Object> stubVariables(String processKey) {
    String id = taskService().createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey("Task_Stub")
        .singleResult().getId();
    return taskService().getVariables(id);
  }

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, variables);
  }

  private static Map<String, Object> sortAs(String exclusion) {
    Map<String, Object> v = new HashMap<>();
    v.put(EXCLUSION, exclusion);
    return v;
  }
}
