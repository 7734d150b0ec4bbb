package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalVariables.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationLoader;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Units;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every path of the proposal lifecycle, with the real decision tables, the real organisation and
 * the real checks; the called procedures are test doubles (stubs/*.bpmn) completed with the
 * outcome each path needs, and side effects (numbering, status, corrections) are fakes.
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
      "stubs/implementation.bpmn"
    })
class ProposalLifecycleProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  static final String JLDBL = "jn-jld-jldbl"; // 九里堤北路社区
  static final String JINGHUAYUAN = "jn-jld-jldbl-jhy"; // 菁华园
  static final String JLD = "jn-jld"; // 九里堤街道
  static final String DISTRICT = "jn";

  private final StatusLog status = new StatusLog();
  private CorrectionRecords corrections;

  @BeforeEach
  void registerBeans() throws Exception {
    OrganisationService organisation;
    try (InputStream in = getClass().getResourceAsStream("/organisation/jinniu.json")) {
      organisation = new OrganisationService(OrganisationLoader.load(in, "jinniu.json"));
    }
    ProposalFields fields = new ProposalFields(organisation);
    Units units = new Units(organisation);
    corrections = mock(CorrectionRecords.class);
    Mocks.register("groups", new Groups(organisation));
    Mocks.register("units", units);
    Mocks.register("proposalSubmissionCheck", new ProposalSubmissionCheck(fields));
    Mocks.register("assignProposalNumber", new FakeNumbering());
    Mocks.register("proposalStatus", status);
    Mocks.register("sortingCheck", new SortingCheck(fields, corrections, organisation));
    Mocks.register("reviewCheck", new ReviewCheck(units));
    Mocks.register("evaluationCheck", new EvaluationCheck());
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  // ---------------------------------------------------------------- intake and sorting

  @Test
  void aProposalIsNumberedClassifiedAndSortedByItsCommunityWithinTheResponseLimit() {
    Instant before = Instant.now();
    ProcessInstance p = start(elevator());

    assertThat(p).isWaitingAt("Task_SortProposal");
    assertThat(p).variables()
        .containsEntry(NUMBER, "JN-2026-000001")
        .containsEntry(CATEGORY, "CONSTRUCTION")
        .containsEntry(MATTER_SCOPE, "COMMUNITY")
        .containsEntry(TRACK, "MAJOR")
        .containsEntry(LEVEL, "COMMUNITY")
        .containsEntry(JURISDICTION, "COMMUNITY") // default filled in
        .containsEntry(ROUND, 1);
    org.assertj.core.api.Assertions.assertThat(p.getBusinessKey()).isEqualTo("JN-2026-000001");
    Task sorting = task(p);
    assertThat(sorting).hasCandidateGroup("jn-jld-jldbl.caseworker");
    org.assertj.core.api.Assertions.assertThat(sorting.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(2)));
    org.assertj.core.api.Assertions.assertThat(status.statuses).containsExactly("SORTING");
  }

  @Test
  void anInvalidProposalIsRefusedNamingEveryBadFieldAndNothingStarts() {
    Map<String, Object> v = elevator();
    v.put(SUBMITTER_PHONE, "12345");
    v.put(COMMUNITY, "nowhere");
    v.put(AFFECTED_HOUSEHOLDS, 1.5);
    v.put(EXCLUSION, "NONE");

    assertThatThrownBy(() -> start(v))
        .isInstanceOf(InvalidProposalException.class)
        .hasMessageContaining("submitterPhone")
        .hasMessageContaining("community")
        .hasMessageContaining("affectedHouseholds")
        .hasMessageContaining("exclusion");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aCorrectionIsRecordedWithItsReasonAndTheTablesRunAgainWithoutASecondSorting() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("NONE");
    sorting.put(SCOPE, "HOUSEHOLD");
    sorting.put(CORRECTION_REASON, "实为一户自家门窗问题");
    sorting.put(SORTING_NOTE, "请自行联系物业维修门窗");
    complete(task(p), sorting);

    ArgumentCaptor<Correction> recorded = ArgumentCaptor.forClass(Correction.class);
    verify(corrections).add(recorded.capture());
    org.assertj.core.api.Assertions.assertThat(recorded.getValue())
        .extracting(Correction::field, Correction::oldValue, Correction::newValue, Correction::reason)
        .containsExactly(SCOPE, "BUILDING", "HOUSEHOLD", "实为一户自家门窗问题");
    assertThat(p).hasPassedInOrder("Task_SortProposal", "Gateway_IsCorrected", "Gateway_MergeClassification", "Task_ClassifyMatterScope", "Gateway_IsSorted", "Gateway_MergeEligibility");
    assertThat(p).variables().containsEntry(MATTER_SCOPE, "HOUSEHOLD").containsEntry(SELF_HELP_GUIDANCE, "请自行联系物业维修门窗");
    assertThat(p).hasPassed("Event_SelfHelp").isEnded();
    org.assertj.core.api.Assertions.assertThat(status.statuses).containsExactly("SORTING", "SELF_HELP");
  }

  @Test
  void aCorrectionWithoutAReasonIsRefusedAndTheSortingTaskStaysOpen() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("NONE");
    sorting.put(TOPIC, "GREENING");

    assertThatThrownBy(() -> complete(task(p), sorting))
        .hasMessageContaining("更正理由");
    assertThat(p).isWaitingAt("Task_SortProposal");
    verify(corrections, never()).add(any());
  }

  @Test
  void anUnlawfulProposalIsRejectedAndTheSubmitterIsToldWhy() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("UNLAWFUL");
    sorting.put(SORTING_NOTE, "违反规划许可，不予协商");
    complete(task(p), sorting);

    assertThat(p).hasPassed("Event_RejectedAtSorting").isEnded();
    assertThat(p).variables().containsEntry(ROUTE, "REJECT").containsEntry(REJECTION_REASON, "违反规划许可，不予协商");
    org.assertj.core.api.Assertions.assertThat(status.statuses).containsExactly("SORTING", "REJECTED");
  }

  @Test
  void anExclusionWithoutAReasonForTheSubmitterIsRefused() {
    ProcessInstance p = start(elevator());
    assertThatThrownBy(() -> complete(task(p), sortAs("PRIVACY"))).hasMessageContaining("sortingNote");
    assertThat(p).isWaitingAt("Task_SortProposal");
  }

  @Test
  void aPrivateDisputeIsRedirectedToMediation() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("PRIVATE_DISPUTE");
    sorting.put(SORTING_NOTE, "邻里私人纠纷，请到社区人民调解委员会调解");
    complete(task(p), sorting);

    assertThat(p).hasPassed("Event_Redirected").isEnded();
    assertThat(p).variables().containsEntry(ROUTE, "MEDIATION");
    org.assertj.core.api.Assertions.assertThat(status.statuses).containsExactly("SORTING", "REDIRECTED");
  }

  @Test
  void aDepartmentsDutyBecomesAWorkOrderThatIsRedoneAfterAnObjectionAndReopenedOnlyOnce() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("DEPARTMENT_DUTY");
    sorting.put(ORDER_DEPARTMENT, "dept-urban");
    sorting.put(SORTING_NOTE, "城市道路路灯损坏，由城管部门维修");
    complete(task(p), sorting);

    assertThat(p).isWaitingAt("Call_Implementation");
    assertThat(p).variables()
        .containsEntry(IMPLEMENTER, "DEPARTMENTS")
        .containsEntry(SUMMONED_DEPARTMENTS, List.of("dept-urban"))
        .containsEntry(DELIBERATION_UNIT, JLDBL);
    finishStub("implementation", Map.of(IMPLEMENTATION_OUTCOME, "OBJECTED"));
    assertThat(p).hasPassedInOrder("Call_Implementation", "Gateway_MergeRework", "Gateway_IsDepartmentOrder", "Gateway_MergeImplementation").isWaitingAt("Call_Implementation");
    finishStub("implementation", Map.of(IMPLEMENTATION_OUTCOME, "DONE"));

    Task evaluation = task(p);
    assertThat(evaluation).hasDefinitionKey("Task_EvaluateOutcome").hasCandidateGroup("jn-jld-jldbl.caseworker");
    complete(evaluation, Map.of(RATING, "DISSATISFIED"));
    assertThat(p).hasPassedInOrder("Task_EvaluateOutcome", "Gateway_Reopen", "Gateway_MergeRework").isWaitingAt("Call_Implementation");
    assertThat(p).variables().containsEntry(ROUND, 2L); // JUEL arithmetic gives a Long
    finishStub("implementation", Map.of(IMPLEMENTATION_OUTCOME, "DONE"));
    complete(task(p), Map.of(RATING, "DISSATISFIED")); // the second rating is final

    assertThat(p).hasPassed("Event_ProposalClosed").isEnded();
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly("SORTING", "AWAITING_EVALUATION", "AWAITING_EVALUATION", "CLOSED");
  }

  @Test
  void aDepartmentOrderWithoutADepartmentIsRefused() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("DEPARTMENT_DUTY");
    sorting.put(SORTING_NOTE, "转部门");
    assertThatThrownBy(() -> complete(task(p), sorting)).hasMessageContaining("orderDepartment");
    assertThat(p).isWaitingAt("Task_SortProposal");
  }

  // ---------------------------------------------------------------- review and deliberation

  @Test
  void aMajorMatterIsSettledAtItsCommunityDeliberatedByFourDeliberationsCarriedOutAndClosedSatisfied() {
    ProcessInstance p = start(elevator());
    complete(task(p), sortAs("NONE"));

    Task review = task(p);
    assertThat(review).hasDefinitionKey("Task_ReviewAtLevel").hasCandidateGroup("jn-jld-jldbl.caseworker");
    org.assertj.core.api.Assertions.assertThat(taskService().getVariableLocal(review.getId(), "reviewUnitName")).isEqualTo("九里堤北路社区");
    complete(review, Map.of(REVIEW_DECISION, "SETTLE"));

    assertThat(p).isWaitingAt("Call_MajorDeliberation").variables().containsEntry(DELIBERATION_UNIT, JLDBL);
    finishStub("majorDeliberation", Map.of(DELIBERATION_OUTCOME, "RESOLVED", RESOLUTION, "加装电梯方案"));
    assertThat(p).isWaitingAt("Call_Implementation");
    finishStub("implementation", Map.of(IMPLEMENTATION_OUTCOME, "DONE"));
    complete(task(p), Map.of(RATING, "SATISFIED", EVALUATION_COMMENT, "很好"));

    assertThat(p).hasPassed("Event_ProposalClosed").isEnded();
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly("SORTING", "UNDER_REVIEW", "IN_DELIBERATION", "AWAITING_EVALUATION", "CLOSED");
  }

  @Test
  void aCourtyardMatterEntersAtItsCourtyardIsReviewedUpAndBackAndRaisedToTheCommunityWhenTheCourtyardCannotSettleIt() {
    Map<String, Object> v = elevator();
    v.put(TITLE, "菁华园楼道堆物清理");
    v.put(TOPIC, "SANITATION");
    v.put(COURTYARD, JINGHUAYUAN);
    v.put(SCOPE, "COURTYARD");
    v.put(ESTIMATED_COST, 2000.0);
    v.put(AFFECTED_HOUSEHOLDS, 30);
    ProcessInstance p = start(v);
    assertThat(p).variables().containsEntry(MATTER_SCOPE, "COURTYARD").containsEntry(TRACK, "MINOR").containsEntry(LEVEL, "COURTYARD");
    complete(task(p), sortAs("NONE"));

    assertThat(task(p)).hasCandidateGroup("jn-jld-jldbl-jhy.caseworker");
    complete(task(p), Map.of(REVIEW_DECISION, "PASS_UP", REVIEW_REASON, "涉及多个楼栋"));
    assertThat(task(p)).hasCandidateGroup("jn-jld-jldbl.caseworker");
    assertThatThrownBy(() -> complete(task(p), Map.of(REVIEW_DECISION, "SEND_BACK"))).hasMessageContaining("退回须说明理由");
    complete(task(p), Map.of(REVIEW_DECISION, "SEND_BACK", REVIEW_REASON, "院落可自行协商"));
    assertThat(task(p)).hasCandidateGroup("jn-jld-jldbl-jhy.caseworker");
    complete(task(p), Map.of(REVIEW_DECISION, "SETTLE"));

    assertThat(p).isWaitingAt("Call_CourtyardDeliberation").variables().containsEntry(DELIBERATION_UNIT, JINGHUAYUAN);
    finishStub("courtyardDeliberation", Map.of(DELIBERATION_OUTCOME, "RAISED", RAISE_REASON, "院落无法达成一致"));

    assertThat(task(p)).hasDefinitionKey("Task_ReviewAtLevel").hasCandidateGroup("jn-jld-jldbl.caseworker");
    complete(task(p), Map.of(REVIEW_DECISION, "SETTLE"));
    assertThat(p).isWaitingAt("Call_MinorDeliberation").variables().containsEntry(DELIBERATION_UNIT, JLDBL);
    finishStub("minorDeliberation", Map.of(DELIBERATION_OUTCOME, "REJECTED", "rejectionReason", "多数居民不同意"));

    assertThat(p).hasPassed("Event_RejectedByDeliberation").isEnded();
    assertThat(p).variables().containsEntry(REJECTION_REASON, "多数居民不同意");
    org.assertj.core.api.Assertions.assertThat(status.statuses).containsExactly(
        "SORTING", "UNDER_REVIEW", "UNDER_REVIEW", "UNDER_REVIEW", "IN_DELIBERATION", "UNDER_REVIEW", "IN_DELIBERATION", "REJECTED");
  }

  @Test
  void sendingBackFromTheEntryLevelReturnsTheProposalToSorting() {
    ProcessInstance p = start(elevator());
    complete(task(p), sortAs("NONE"));
    complete(task(p), Map.of(REVIEW_DECISION, "SEND_BACK", REVIEW_REASON, "分类有误，请重新分拣"));

    assertThat(p).hasPassedInOrder("Task_ReviewAtLevel", "Gateway_IsEntryUnit", "Gateway_MergeSorting").isWaitingAt("Task_SortProposal");
  }

  @Test
  void aCityRiverMatterIsPassedUpToTheDistrictWhichCannotPassItFurtherAndDeliberatesItBroadly() {
    ProcessInstance p = start(waterfall());
    assertThat(p).variables().containsEntry(TRACK, "HARD").containsEntry(LEVEL, "DISTRICT");
    complete(task(p), sortAs("NONE"));
    assertThat(task(p)).hasCandidateGroup("jn-jld-jldbl-jhy.caseworker");
    complete(task(p), Map.of(REVIEW_DECISION, "PASS_UP"));
    complete(task(p), Map.of(REVIEW_DECISION, "PASS_UP"));
    complete(task(p), Map.of(REVIEW_DECISION, "PASS_UP"));
    assertThat(task(p)).hasCandidateGroup("jn.caseworker");
    assertThatThrownBy(() -> complete(task(p), Map.of(REVIEW_DECISION, "PASS_UP"))).hasMessageContaining("不能再上报");
    complete(task(p), Map.of(REVIEW_DECISION, "SETTLE"));

    assertThat(p).isWaitingAt("Call_HardDeliberation").variables().containsEntry(DELIBERATION_UNIT, DISTRICT);
    finishStub("hardDeliberation", Map.of(DELIBERATION_OUTCOME, "RESOLVED", RESOLUTION, "降低堰坎、消能降噪"));
    assertThat(p).isWaitingAt("Call_Implementation").variables().containsEntry(RESOLUTION, "降低堰坎、消能降噪");
  }

  @Test
  void aHardMatterSettledAtACourtyardIsDeliberatedByItsCommunity() {
    Map<String, Object> v = waterfall();
    v.put(JURISDICTION, "COURTYARD");
    ProcessInstance p = start(v);
    complete(task(p), sortAs("NONE"));
    complete(task(p), Map.of(REVIEW_DECISION, "SETTLE"));

    assertThat(p).isWaitingAt("Call_HardDeliberation").variables().containsEntry(DELIBERATION_UNIT, JLDBL);
  }

  @Test
  void anUrgentMatterGoesToTheFastTrackAndAnObjectionToItsResultSendsItBackToDeliberation() {
    Map<String, Object> v = elevator();
    v.put(SAFETY_HAZARD, true);
    ProcessInstance p = start(v);
    complete(task(p), sortAs("NONE"));
    complete(task(p), Map.of(REVIEW_DECISION, "SETTLE"));
    assertThat(p).isWaitingAt("Call_UrgentDeliberation");
    finishStub("urgentDeliberation", Map.of(DELIBERATION_OUTCOME, "RESOLVED", RESOLUTION, "立即拆除飞线"));
    finishStub("implementation", Map.of(IMPLEMENTATION_OUTCOME, "OBJECTED"));

    assertThat(p).hasPassedInOrder("Call_Implementation", "Gateway_IsDepartmentOrder", "Gateway_MergeDeliberation").isWaitingAt("Call_UrgentDeliberation");
  }

  @Test
  void withoutARatingWithinTheEvaluationPeriodTheProposalClosesUnrated() {
    ProcessInstance p = start(elevator());
    complete(task(p), sortAs("NONE"));
    complete(task(p), Map.of(REVIEW_DECISION, "SETTLE"));
    finishStub("majorDeliberation", Map.of(DELIBERATION_OUTCOME, "RESOLVED", RESOLUTION, "方案"));
    finishStub("implementation", Map.of(IMPLEMENTATION_OUTCOME, "DONE"));
    assertThat(p).isWaitingAt("Task_EvaluateOutcome");
    assertThatThrownBy(() -> complete(task(p), Map.of(RATING, "GREAT"))).hasMessageContaining("请选择评价");

    execute(job(p));

    assertThat(p).hasPassed("Event_ClosedUnrated").isEnded();
    assertThat(p).variables().containsEntry(CLOSED_UNRATED, true);
    org.assertj.core.api.Assertions.assertThat(status.statuses).endsWith("AWAITING_EVALUATION", "CLOSED");
  }

  // ---------------------------------------------------------------- helpers

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, variables);
  }

  private static Map<String, Object> sortAs(String exclusion) {
    Map<String, Object> v = new HashMap<>();
    v.put(EXCLUSION, exclusion);
    return v;
  }

  /** Completes the waiting test double of a called process with the outputs the caller maps back. */
  static void finishStub(String processKey, Map<String, Object> outputs) {
    Task stub = taskService().createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey("Task_Stub").singleResult();
    org.assertj.core.api.Assertions.assertThat(stub).as("a waiting " + processKey).isNotNull();
    taskService().complete(stub.getId(), outputs);
  }

  /** The elevator case (星辉中路6号院), here as a community matter of 九里堤北路社区. */
  static Map<String, Object> elevator() {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE, "加装电梯");
    v.put(DESCRIPTION, "老旧院落居民上下楼困难，申请加装电梯。");
    v.put(COMMUNITY, JLDBL);
    v.put(SUBMITTER_NAME, "王阿姨");
    v.put(SUBMITTER_PHONE, "13800000000");
    v.put(TOPIC, "ELEVATOR");
    v.put(SCOPE, "BUILDING");
    v.put(ESTIMATED_COST, 800000.0);
    v.put(AFFECTED_HOUSEHOLDS, 24);
    return v;
  }

  /** The waterfall noise case (菁华园): two rivers of the city and district. */
  static Map<String, Object> waterfall() {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE, "菁华园旁堰坎跌水噪音扰民");
    v.put(DESCRIPTION, "两河交汇处两米高的堰坎跌水噪音大，一栋楼的居民夜不能寐。");
    v.put(COMMUNITY, JLDBL);
    v.put(COURTYARD, JINGHUAYUAN);
    v.put(SUBMITTER_NAME, "李先生");
    v.put(SUBMITTER_PHONE, "13900000001");
    v.put(TOPIC, "NOISE");
    v.put(SCOPE, "BUILDING");
    v.put(JURISDICTION, "CITY");
    v.put(CROSS_JURISDICTION, true);
    v.put(STAKEHOLDER_PARTIES, 4);
    v.put(AFFECTED_HOUSEHOLDS, 60);
    return v;
  }

  /** Records the statuses the diagram sets, in order (the real bean writes the read model). */
  public static class StatusLog {
    final List<String> statuses = new ArrayList<>();

    public void set(DelegateExecution execution, String value) {
      statuses.add(value);
      execution.setVariable(STATUS, value);
    }
  }

  static class FakeNumbering implements JavaDelegate {
    private int next = 1;

    @Override
    public void execute(DelegateExecution execution) {
      String number = String.format("JN-2026-%06d", next++);
      execution.setVariable(NUMBER, number);
      execution.setProcessBusinessKey(number);
    }
  }
}
