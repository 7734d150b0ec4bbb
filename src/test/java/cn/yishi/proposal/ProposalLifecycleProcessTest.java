package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.yishi.common.BusinessTime;
import cn.yishi.deliberation.CourtyardDeliberationProcess;
import cn.yishi.deliberation.HardDeliberationProcess;
import cn.yishi.deliberation.MajorDeliberationProcess;
import cn.yishi.deliberation.MinorDeliberationProcess;
import cn.yishi.deliberation.UrgentDeliberationProcess;
import cn.yishi.implementation.ImplementationProcess;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationLoader;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Units;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * Every path of the proposal lifecycle, with the real decision tables, the real organisation, the
 * real route (reviewRoute) and the real checks; the called procedures are test doubles
 * (stubs/*.bpmn) completed with the outcome each path needs, and side effects (numbering, status,
 * corrections) are fakes. processes/README.md "Routes" is the policy these tests hold it to.
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
class ProposalLifecycleProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  static final String JLDBL = "jn-jld-jldbl"; // 九里堤北路社区
  static final String JINGHUAYUAN = "jn-jld-jldbl-jhy"; // 菁华园
  static final String JLD = "jn-jld"; // 九里堤街道
  static final String DISTRICT = "jn";

  private final StatusLog status = new StatusLog();
  private final FakeNumbering numbering = new FakeNumbering();
  private CorrectionRecords corrections;

  @BeforeEach
  void registerBeans() throws Exception {
    corrections = mock(CorrectionRecords.class);
    registerLifecycleBeans(status, numbering, corrections);
  }

  /**
   * The beans the lifecycle calls: the real organisation, route and checks; numbering, status and
   * corrections are the given fakes.
   */
  static void registerLifecycleBeans(
      StatusLog status, FakeNumbering numbering, CorrectionRecords corrections) throws Exception {
    OrganisationService organisation;
    try (InputStream in =
        ProposalLifecycleProcessTest.class.getResourceAsStream("/organisation/jinniu.json")) {
      organisation = new OrganisationService(OrganisationLoader.load(in, "jinniu.json"));
    }
    ProposalFields fields = new ProposalFields(organisation);
    Units units = new Units(organisation);
    Mocks.register("groups", new Groups(organisation));
    Mocks.register("units", units);
    Mocks.register("proposalSubmissionCheck", new ProposalSubmissionCheck(fields));
    Mocks.register("assignProposalNumber", numbering);
    Mocks.register("proposalStatus", status);
    Mocks.register("sortingCheck", new SortingCheck(fields, corrections, organisation));
    Mocks.register("reviewCheck", new ReviewCheck(units));
    Mocks.register("reviewRoute", new ReviewRoute(units));
    Mocks.register("responseClock", new ResponseClock());
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

    assertThat(p).isWaitingAt(TASK_SORT_PROPOSAL);
    assertThat(p)
        .variables()
        .containsEntry(NUMBER.name(), "JN-2026-000001")
        .containsEntry(CATEGORY.name(), "CONSTRUCTION")
        .containsEntry(MATTER_SCOPE.name(), "COMMUNITY")
        .containsEntry(TRACK.name(), "MAJOR")
        .containsEntry(LEVEL.name(), "COMMUNITY")
        .containsEntry(JURISDICTION.name(), "COMMUNITY") // default filled in
        .containsEntry(ROUND.name(), 1);
    org.assertj.core.api.Assertions.assertThat(p.getBusinessKey()).isEqualTo("JN-2026-000001");
    Task sorting = task(p);
    assertThat(sorting).hasCandidateGroup("jn-jld-jldbl.caseworker");
    org.assertj.core.api.Assertions.assertThat(sorting.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(2)));
    org.assertj.core.api.Assertions.assertThat(status.statuses).containsExactly("SORTING");
  }

  /** How staff read the field: its label in the form (refusals name no keys). */
  private static String label(cn.yishi.common.Variable<?> field) {
    return cn.yishi.common.FormLabels.shipped().label(field.name());
  }

  @Test
  void anInvalidProposalIsRefusedNamingEveryBadFieldAndNothingStarts() {
    Map<String, Object> v = elevator();
    v.put(SUBMITTER_PHONE.name(), "12345");
    v.put(COMMUNITY.name(), "nowhere");
    v.put(AFFECTED_HOUSEHOLDS.name(), 1.5);
    v.put(EXCLUSION.name(), "NONE");

    assertThatThrownBy(() -> start(v))
        .isInstanceOf(InvalidProposalException.class)
        .hasMessageContaining(label(SUBMITTER_PHONE))
        .hasMessageContaining(label(COMMUNITY))
        .hasMessageContaining(label(AFFECTED_HOUSEHOLDS))
        .hasMessageContaining(label(EXCLUSION));
    org.assertj.core.api.Assertions.assertThat(
            runtimeService().createProcessInstanceQuery().count())
        .isZero();
  }

  @Test
  void aCorrectionIsRecordedWithItsReasonAndTheTablesRunAgainWithoutASecondSorting() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("NONE");
    sorting.put(SCOPE.name(), "HOUSEHOLD");
    sorting.put(CORRECTION_REASON.name(), "实为一户自家门窗问题");
    sorting.put(SORTING_NOTE.name(), "请自行联系物业维修门窗");
    complete(task(p), sorting);

    ArgumentCaptor<Correction> recorded = ArgumentCaptor.forClass(Correction.class);
    verify(corrections).add(recorded.capture());
    org.assertj.core.api.Assertions.assertThat(recorded.getValue())
        .extracting(
            Correction::field, Correction::oldValue, Correction::newValue, Correction::reason)
        .containsExactly(SCOPE.name(), "BUILDING", "HOUSEHOLD", "实为一户自家门窗问题");
    assertThat(p)
        .hasPassedInOrder(
            TASK_SORT_PROPOSAL,
            GATEWAY_IS_CORRECTED,
            GATEWAY_MERGE_CLASSIFICATION,
            TASK_CLASSIFY_MATTER_SCOPE,
            GATEWAY_IS_SORTED,
            GATEWAY_MERGE_ELIGIBILITY);
    assertThat(p)
        .variables()
        .containsEntry(MATTER_SCOPE.name(), "HOUSEHOLD")
        .containsEntry(SELF_HELP_GUIDANCE.name(), "请自行联系物业维修门窗");
    assertThat(p).hasPassed(EVENT_SELF_HELP).isEnded();
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly("SORTING", "SELF_HELP");
  }

  @Test
  void aCorrectionWithoutAReasonIsRefusedAndTheSortingTaskStaysOpen() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("NONE");
    sorting.put(TOPIC.name(), "GREENING");

    assertThatThrownBy(() -> complete(task(p), sorting)).hasMessageContaining("更正理由");
    assertThat(p).isWaitingAt(TASK_SORT_PROPOSAL);
    verify(corrections, never()).add(any());
  }

  @Test
  void anUnlawfulProposalIsRejectedAndTheSubmitterIsToldWhy() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("UNLAWFUL");
    sorting.put(SORTING_NOTE.name(), "违反规划许可，不予协商");
    complete(task(p), sorting);

    assertThat(p).hasPassed(EVENT_REJECTED_AT_SORTING).isEnded();
    assertThat(p)
        .variables()
        .containsEntry(ROUTE.name(), "REJECT")
        .containsEntry(REJECTION_REASON.name(), "违反规划许可，不予协商");
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly("SORTING", "REJECTED");
  }

  @Test
  void anExclusionWithoutAReasonForTheSubmitterIsRefused() {
    ProcessInstance p = start(elevator());
    assertThatThrownBy(() -> complete(task(p), sortAs("PRIVACY")))
        .hasMessageContaining(label(SORTING_NOTE));
    assertThat(p).isWaitingAt(TASK_SORT_PROPOSAL);
  }

  @Test
  void aPrivateDisputeIsRedirectedToMediation() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("PRIVATE_DISPUTE");
    sorting.put(SORTING_NOTE.name(), "邻里私人纠纷，请到社区人民调解委员会调解");
    complete(task(p), sorting);

    assertThat(p).hasPassed(EVENT_REDIRECTED).isEnded();
    assertThat(p).variables().containsEntry(ROUTE.name(), "MEDIATION");
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly("SORTING", "REDIRECTED");
  }

  @Test
  void aDepartmentsDutyBecomesAWorkOrderThatIsRedoneAfterAnObjectionAndReopenedOnlyOnce() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("DEPARTMENT_DUTY");
    sorting.put(ORDER_DEPARTMENT.name(), "dept-urban");
    sorting.put(SORTING_NOTE.name(), "城市道路路灯损坏，由城管部门维修");
    complete(task(p), sorting);

    assertThat(p).isWaitingAt(CALL_IMPLEMENTATION);
    assertThat(p)
        .variables()
        .containsEntry(IMPLEMENTER.name(), "DEPARTMENTS")
        .containsEntry(SUMMONED_DEPARTMENTS.name(), List.of("dept-urban"))
        .containsEntry(DELIBERATION_UNIT.name(), JLDBL);
    finishStub(ImplementationProcess.KEY, Map.of(IMPLEMENTATION_OUTCOME.name(), "OBJECTED"));
    assertThat(p).hasPassed(TASK_ASSIGN_ORDER_FOLLOW_UP);
    assertThat(p)
        .hasPassedInOrder(
            CALL_IMPLEMENTATION,
            GATEWAY_WAS_OBJECTED,
            GATEWAY_MERGE_REWORK,
            GATEWAY_IS_DEPARTMENT_ORDER,
            GATEWAY_MERGE_IMPLEMENTATION)
        .isWaitingAt(CALL_IMPLEMENTATION);
    finishStub(ImplementationProcess.KEY, Map.of(IMPLEMENTATION_OUTCOME.name(), "DONE"));

    Task evaluation = task(p);
    assertThat(evaluation)
        .hasDefinitionKey(TASK_EVALUATE_OUTCOME)
        .hasCandidateGroup("jn-jld-jldbl.caseworker");
    complete(evaluation, Map.of(RATING.name(), "DISSATISFIED"));
    assertThat(p)
        .hasPassedInOrder(TASK_EVALUATE_OUTCOME, GATEWAY_REOPEN, GATEWAY_MERGE_REWORK)
        .isWaitingAt(CALL_IMPLEMENTATION);
    assertThat(p).variables().containsEntry(ROUND.name(), 2L); // JUEL arithmetic gives a Long
    finishStub(ImplementationProcess.KEY, Map.of(IMPLEMENTATION_OUTCOME.name(), "DONE"));
    complete(task(p), Map.of(RATING.name(), "DISSATISFIED")); // the second rating is final

    assertThat(p).hasPassed(EVENT_PROPOSAL_CLOSED).isEnded();
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly("SORTING", "AWAITING_EVALUATION", "AWAITING_EVALUATION", "CLOSED");
  }

  @Test
  void aDepartmentOrderWithoutADepartmentIsRefused() {
    ProcessInstance p = start(elevator());
    Map<String, Object> sorting = sortAs("DEPARTMENT_DUTY");
    sorting.put(SORTING_NOTE.name(), "转部门");
    assertThatThrownBy(() -> complete(task(p), sorting))
        .hasMessageContaining(label(ORDER_DEPARTMENT));
    assertThat(p).isWaitingAt(TASK_SORT_PROPOSAL);
  }

  // ---------------------------------------------------------------- the handling level routes

  @Test
  void whenTheEntryLevelIsTheHandlingLevelItsReviewIsTheOneStepThatDecidesToDeliberate() {
    ProcessInstance p = start(elevator());
    assertThat(p)
        .variables()
        .containsEntry(ENTRY_UNIT.name(), JLDBL)
        .containsEntry(HANDLING_UNIT.name(), JLDBL);
    complete(task(p), sortAs("NONE"));

    Task review = task(p);
    assertThat(review)
        .hasDefinitionKey(TASK_REVIEW_AT_LEVEL)
        .hasCandidateGroup("jn-jld-jldbl.caseworker");
    org.assertj.core.api.Assertions.assertThat(
            taskService().getVariableLocal(review.getId(), REVIEW_UNIT_NAME.name()))
        .isEqualTo("九里堤北路社区");
    org.assertj.core.api.Assertions.assertThat(
            taskService().getVariableLocal(review.getId(), HANDLING_UNIT_NAME.name()))
        .isEqualTo("九里堤北路社区");
    org.assertj.core.api.Assertions.assertThat(
            taskService().getVariable(review.getId(), REVIEW_DECISION.name()))
        .isEqualTo("SETTLE");
    complete(review, Map.of(REVIEW_DECISION.name(), "SETTLE"));

    assertThat(p)
        .isWaitingAt(CALL_MAJOR_DELIBERATION)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), JLDBL)
        .doesNotContainKey(SETTLED_BELOW_HANDLING_LEVEL.name());
    finishStub(
        MajorDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RESOLVED", RESOLUTION.name(), "加装电梯方案"));
    assertThat(p).isWaitingAt(CALL_IMPLEMENTATION);
    finishStub(ImplementationProcess.KEY, Map.of(IMPLEMENTATION_OUTCOME.name(), "DONE"));
    complete(task(p), Map.of(RATING.name(), "SATISFIED", EVALUATION_COMMENT.name(), "很好"));

    assertThat(p).hasPassed(EVENT_PROPOSAL_CLOSED).isEnded();
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly(
            "SORTING", "UNDER_REVIEW", "IN_DELIBERATION", "AWAITING_EVALUATION", "CLOSED");
  }

  @Test
  void theWaterfallGoesUpToTheDistrictBecauseTheTableSaysSo() {
    ProcessInstance p = start(waterfall());
    assertThat(p)
        .variables()
        .containsEntry(TRACK.name(), "HARD")
        .containsEntry(LEVEL.name(), "DISTRICT")
        .containsEntry(ENTRY_UNIT.name(), JINGHUAYUAN)
        .containsEntry(HANDLING_UNIT.name(), DISTRICT);
    complete(task(p), sortAs("NONE"));

    // every level completes its review with the route's own answer: nobody chooses where it goes
    List<String> reviewers = new ArrayList<>();
    while (task(p) != null && task(p).getTaskDefinitionKey().equals(TASK_REVIEW_AT_LEVEL)) {
      reviewers.add(candidateGroup(task(p)));
      complete(task(p));
    }
    org.assertj.core.api.Assertions.assertThat(reviewers)
        .containsExactly(
            "jn-jld-jldbl-jhy.caseworker",
            "jn-jld-jldbl.caseworker",
            "jn-jld.caseworker",
            "jn.caseworker");
    assertThat(p)
        .isWaitingAt(CALL_HARD_DELIBERATION)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), DISTRICT)
        .doesNotContainKey(SETTLED_BELOW_HANDLING_LEVEL.name());
    finishStub(
        HardDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RESOLVED", RESOLUTION.name(), "降低堰坎、消能降噪"));
    assertThat(p)
        .isWaitingAt(
            CALL_PUBLISH_RESOLUTION); // 决议公开 first: a hard matter waits for its notice period
    finishStub(PublicNoticeProcess.KEY, Map.of(NOTICE_OUTCOME.name(), "NO_OBJECTION"));
    assertThat(p)
        .isWaitingAt(CALL_IMPLEMENTATION)
        .variables()
        .containsEntry(RESOLUTION.name(), "降低堰坎、消能降噪");
  }

  @Test
  void theDistrictCannotPassItFurtherAndAHandlingLevelPassesItUpOnlyWithAReason() {
    Map<String, Object> v = waterfall();
    v.put(JURISDICTION.name(), "STREET");
    ProcessInstance p = start(v);
    assertThat(p)
        .variables()
        .containsEntry(LEVEL.name(), "STREET")
        .containsEntry(HANDLING_UNIT.name(), JLD);
    complete(task(p), sortAs("NONE"));
    complete(task(p)); // 菁华园: up
    complete(task(p)); // 九里堤北路社区: up
    assertThat(task(p)).hasCandidateGroup("jn-jld.caseworker");
    assertThatThrownBy(() -> complete(task(p), Map.of(REVIEW_DECISION.name(), "PASS_UP")))
        .hasMessageContaining("再上报须说明理由");
    complete(
        task(p), Map.of(REVIEW_DECISION.name(), "PASS_UP", REVIEW_REASON.name(), "涉及市管河道，街道无权处置"));
    assertThat(task(p)).hasCandidateGroup("jn.caseworker");
    assertThatThrownBy(
            () ->
                complete(
                    task(p),
                    Map.of(REVIEW_DECISION.name(), "PASS_UP", REVIEW_REASON.name(), "再上报")))
        .hasMessageContaining("不能再上报");
    complete(task(p), Map.of(REVIEW_DECISION.name(), "SETTLE"));

    assertThat(p)
        .isWaitingAt(CALL_HARD_DELIBERATION)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), DISTRICT)
        .doesNotContainKey(SETTLED_BELOW_HANDLING_LEVEL.name());
  }

  @Test
  void aLevelBelowTheHandlingLevelSettlesItOnlyWithARecordedReason() {
    ProcessInstance p = start(waterfall());
    complete(task(p), sortAs("NONE"));
    assertThatThrownBy(() -> complete(task(p), Map.of(REVIEW_DECISION.name(), "SETTLE")))
        .hasMessageContaining("在本级协商须说明理由");
    complete(
        task(p),
        Map.of(REVIEW_DECISION.name(), "SETTLE", REVIEW_REASON.name(), "院落与河道管理处已有协议，可在院落层面先行协商"));

    // a hard matter is led at least by the community, even when a courtyard keeps it
    assertThat(p)
        .hasPassedInOrder(
            GATEWAY_IS_BELOW_HANDLING_LEVEL,
            TASK_RECORD_SETTLED_BELOW,
            GATEWAY_MERGE_SETTLE,
            TASK_DETERMINE_DELIBERATION_UNIT);
    assertThat(p)
        .isWaitingAt(CALL_HARD_DELIBERATION)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), JLDBL)
        .containsEntry(SETTLED_BELOW_HANDLING_LEVEL.name(), true)
        .containsEntry(SETTLED_BELOW_REASON.name(), "院落与河道管理处已有协议，可在院落层面先行协商");
    org.assertj.core.api.Assertions.assertThat(status.steps)
        .containsExactly("SETTLED_BELOW_HANDLING_LEVEL");
  }

  @Test
  void aRouteNeverGoesDownWhenTheTableNamesALevelBelowTheEntryUnitItHandlesItItself() {
    Map<String, Object> v = elevator();
    v.put(TOPIC.name(), "SANITATION");
    v.put(
        SCOPE.name(),
        "COURTYARD"); // a courtyard matter that names no courtyard: it enters at the community
    v.put(ESTIMATED_COST.name(), 2000.0);
    ProcessInstance p = start(v);
    assertThat(p)
        .variables()
        .containsEntry(LEVEL.name(), "COURTYARD")
        .containsEntry(ENTRY_UNIT.name(), JLDBL)
        .containsEntry(HANDLING_UNIT.name(), JLDBL);
    complete(task(p), sortAs("NONE"));
    org.assertj.core.api.Assertions.assertThat(
            taskService().getVariable(task(p).getId(), REVIEW_DECISION.name()))
        .isEqualTo("SETTLE");
    complete(task(p));

    assertThat(p)
        .isWaitingAt(CALL_MINOR_DELIBERATION)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), JLDBL)
        .doesNotContainKey(SETTLED_BELOW_HANDLING_LEVEL.name());
  }

  @Test
  void theRouteFollowsADeployedVariantOfTheHandlingLevelTable() throws Exception {
    // policy staff's variant: what used to be a community matter is handled by the street
    String table = Files.readString(Path.of("decisions/handlingLevel.dmn"), StandardCharsets.UTF_8);
    int otherwise = table.indexOf("Rule_CommunityOtherwise");
    String variant =
        table.substring(0, otherwise)
            + table
                .substring(otherwise)
                .replaceFirst("<text>\"COMMUNITY\"</text>", "<text>\"STREET\"</text>");
    org.assertj.core.api.Assertions.assertThat(variant).isNotEqualTo(table);
    String deployment =
        repositoryService()
            .createDeployment()
            .addString("handlingLevel.dmn", variant)
            .deploy()
            .getId();
    try {
      ProcessInstance p = start(elevator());
      assertThat(p)
          .variables()
          .containsEntry(LEVEL.name(), "STREET")
          .containsEntry(HANDLING_UNIT.name(), JLD);
      complete(task(p), sortAs("NONE"));
      assertThat(task(p)).hasCandidateGroup("jn-jld-jldbl.caseworker");
      org.assertj.core.api.Assertions.assertThat(
              taskService().getVariable(task(p).getId(), REVIEW_DECISION.name()))
          .isEqualTo("PASS_UP");
      complete(task(p));
      assertThat(task(p))
          .hasDefinitionKey(TASK_REVIEW_AT_LEVEL)
          .hasCandidateGroup("jn-jld.caseworker");
      complete(task(p));
      assertThat(p)
          .isWaitingAt(CALL_MAJOR_DELIBERATION)
          .variables()
          .containsEntry(DELIBERATION_UNIT.name(), JLD);
    } finally {
      repositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void
      aCourtyardMatterPassedUpWithAReasonIsSentBackAndRaisedToTheCommunityWhenTheCourtyardCannotSettleIt() {
    Map<String, Object> v = elevator();
    v.put(TITLE.name(), "菁华园楼道堆物清理");
    v.put(TOPIC.name(), "SANITATION");
    v.put(COURTYARD.name(), JINGHUAYUAN);
    v.put(SCOPE.name(), "COURTYARD");
    v.put(ESTIMATED_COST.name(), 2000.0);
    v.put(AFFECTED_HOUSEHOLDS.name(), 30);
    ProcessInstance p = start(v);
    assertThat(p)
        .variables()
        .containsEntry(MATTER_SCOPE.name(), "COURTYARD")
        .containsEntry(TRACK.name(), "MINOR")
        .containsEntry(LEVEL.name(), "COURTYARD")
        .containsEntry(HANDLING_UNIT.name(), JINGHUAYUAN);
    complete(task(p), sortAs("NONE"));

    assertThat(task(p)).hasCandidateGroup("jn-jld-jldbl-jhy.caseworker");
    complete(task(p), Map.of(REVIEW_DECISION.name(), "PASS_UP", REVIEW_REASON.name(), "涉及多个楼栋"));
    assertThat(task(p)).hasCandidateGroup("jn-jld-jldbl.caseworker");
    assertThatThrownBy(() -> complete(task(p), Map.of(REVIEW_DECISION.name(), "SEND_BACK")))
        .hasMessageContaining("退回须说明理由");
    complete(task(p), Map.of(REVIEW_DECISION.name(), "SEND_BACK", REVIEW_REASON.name(), "院落可自行协商"));
    assertThat(p)
        .hasPassedInOrder(GATEWAY_IS_ENTRY_UNIT, TASK_REVIEW_UNIT_BELOW, GATEWAY_MERGE_LEVEL);
    assertThat(task(p)).hasCandidateGroup("jn-jld-jldbl-jhy.caseworker");
    complete(task(p), Map.of(REVIEW_DECISION.name(), "SETTLE"));

    assertThat(p)
        .isWaitingAt(CALL_COURTYARD_DELIBERATION)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), JINGHUAYUAN);
    finishStub(
        CourtyardDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RAISED", RAISE_REASON.name(), "院落无法达成一致"));

    assertThat(p)
        .hasPassedInOrder(
            GATEWAY_IS_RAISED,
            TASK_RAISE_FOR_REVIEW,
            EVENT_RAISED_FOR_REVIEW,
            GATEWAY_DELIBERATION_OUTCOME,
            GATEWAY_MERGE_REVIEW);
    assertThat(p).variables().containsEntry(RAISED_FROM.name(), JINGHUAYUAN);
    assertThat(task(p))
        .hasDefinitionKey(TASK_REVIEW_AT_LEVEL)
        .hasCandidateGroup("jn-jld-jldbl.caseworker");
    complete(task(p), Map.of(REVIEW_DECISION.name(), "SETTLE"));
    assertThat(p)
        .isWaitingAt(CALL_MINOR_DELIBERATION)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), JLDBL);
    finishStub(
        MinorDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "REJECTED", REJECTION_REASON.name(), "多数居民不同意"));

    assertThat(p).hasPassed(EVENT_REJECTED_BY_DELIBERATION).isEnded();
    assertThat(p)
        .variables()
        .containsEntry(REJECTION_REASON.name(), "多数居民不同意")
        .doesNotContainKey(SETTLED_BELOW_HANDLING_LEVEL.name());
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly(
            "SORTING",
            "UNDER_REVIEW",
            "UNDER_REVIEW",
            "UNDER_REVIEW",
            "IN_DELIBERATION",
            "UNDER_REVIEW",
            "IN_DELIBERATION",
            "REJECTED");
  }

  @Test
  void sendingBackFromTheEntryLevelReturnsTheProposalToSortingDueAfresh() {
    ProcessInstance p = start(elevator());
    complete(task(p), sortAs("NONE"));
    assertThatThrownBy(() -> complete(task(p), Map.of(REVIEW_DECISION.name(), "SEND_BACK")))
        .hasMessageContaining("退回须说明理由");
    Instant sentBack = Instant.now();
    complete(
        task(p), Map.of(REVIEW_DECISION.name(), "SEND_BACK", REVIEW_REASON.name(), "分类有误，请重新分拣"));

    assertThat(p)
        .hasPassedInOrder(
            TASK_REVIEW_AT_LEVEL,
            GATEWAY_IS_ENTRY_UNIT,
            TASK_RETURN_TO_SORTING,
            EVENT_SENT_BACK_TO_SORTING,
            GATEWAY_REVIEW_OUTCOME,
            GATEWAY_MERGE_INTAKE)
        .isWaitingAt(TASK_SORT_PROPOSAL);
    assertThat(p)
        .variables()
        .containsEntry(SORTED.name(), false)
        .containsEntry(SENT_BACK_TO_SORTING.name(), true);
    org.assertj.core.api.Assertions.assertThat(task(p).getDueDate().toInstant())
        .isBetween(sentBack.plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(2)));
    complete(task(p), sortAs("NONE"));
    assertThat(task(p))
        .hasDefinitionKey(TASK_REVIEW_AT_LEVEL)
        .hasCandidateGroup("jn-jld-jldbl.caseworker");
  }

  // ---------------------------------------------------------------- urgent is fast

  @Test
  void
      anUrgentMatterIsSortedWithinTheResponseLimitOfSubmissionAndGoesStraightToTheFastTrackAtItsHandlingUnit() {
    numbering.submittedAgo = Duration.ofHours(1);
    Map<String, Object> v = elevator();
    v.put(SAFETY_HAZARD.name(), true);
    ProcessInstance p = start(v);
    assertThat(p)
        .variables()
        .containsEntry(TRACK.name(), "URGENT")
        .containsEntry(HANDLING_UNIT.name(), JLDBL);
    Task sorting = task(p);
    Instant submitted =
        OffsetDateTime.parse((String) runtimeService().getVariable(p.getId(), SUBMITTED_AT.name()))
            .toInstant();
    // PT2H from submission, an hour ago: due in an hour, not in two
    org.assertj.core.api.Assertions.assertThat(sorting.getDueDate().toInstant())
        .isEqualTo(submitted.plus(Duration.ofHours(2)));
    complete(sorting, sortAs("NONE"));

    assertThat(p)
        .hasPassedInOrder(
            GATEWAY_IS_URGENT,
            TASK_URGENT_AT_HANDLING_UNIT,
            EVENT_URGENT_TO_DELIBERATION,
            GATEWAY_MERGE_DELIBERATION);
    assertThat(p).hasNotPassed(TASK_REVIEW_AT_LEVEL);
    assertThat(p)
        .isWaitingAt(CALL_URGENT_DELIBERATION)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), JLDBL);
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly("SORTING", "IN_DELIBERATION");

    finishStub(
        UrgentDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RESOLVED", RESOLUTION.name(), "立即拆除飞线"));
    // carried out at once while the resolution is posted (ResolutionNoticeProcessTest has the
    // notice's paths)
    finishStub(PublicNoticeProcess.KEY, Map.of(NOTICE_OUTCOME.name(), "NO_OBJECTION"));
    finishStub(ImplementationProcess.KEY, Map.of(IMPLEMENTATION_OUTCOME.name(), "OBJECTED"));
    assertThat(p)
        .hasPassedInOrder(
            CALL_IMPLEMENTATION, GATEWAY_IS_DEPARTMENT_ORDER, GATEWAY_MERGE_DELIBERATION)
        .isWaitingAt(CALL_URGENT_DELIBERATION);
  }

  @Test
  void aRaisedUrgentPlanIsDeliberatedAtOnceByTheLevelAboveWhichAloneMayCloseIt() {
    Map<String, Object> v = elevator();
    v.put(SAFETY_HAZARD.name(), true);
    ProcessInstance p = start(v);
    complete(task(p), sortAs("NONE"));
    finishStub(
        UrgentDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RAISED", RAISE_REASON.name(), "社区无法协调供电公司"));

    assertThat(p)
        .hasPassedInOrder(
            GATEWAY_IS_RAISED,
            TASK_URGENT_UNIT_ABOVE,
            GATEWAY_MERGE_URGENT_RAISE,
            GATEWAY_WHICH_PROCEDURE);
    assertThat(p).hasNotPassed(TASK_REVIEW_AT_LEVEL);
    assertThat(p)
        .isWaitingAt(CALL_URGENT_DELIBERATION)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), JLD)
        .containsEntry(RAISED_FROM.name(), JLDBL);
    finishStub(
        UrgentDeliberationProcess.KEY,
        Map.of(
            DELIBERATION_OUTCOME.name(),
            "REJECTED",
            REJECTION_REASON.name(),
            "线路属供电公司产权，已转供电公司抢修"));

    assertThat(p).hasPassed(EVENT_REJECTED_BY_DELIBERATION).isEnded();
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .containsExactly("SORTING", "IN_DELIBERATION", "IN_DELIBERATION", "REJECTED");
  }

  @Test
  void withoutARatingWithinTheEvaluationPeriodTheProposalClosesUnrated() {
    ProcessInstance p = start(elevator());
    complete(task(p), sortAs("NONE"));
    complete(task(p), Map.of(REVIEW_DECISION.name(), "SETTLE"));
    finishStub(
        MajorDeliberationProcess.KEY,
        Map.of(DELIBERATION_OUTCOME.name(), "RESOLVED", RESOLUTION.name(), "方案"));
    finishStub(ImplementationProcess.KEY, Map.of(IMPLEMENTATION_OUTCOME.name(), "DONE"));
    assertThat(p).isWaitingAt(TASK_EVALUATE_OUTCOME);
    assertThatThrownBy(() -> complete(task(p), Map.of(RATING.name(), "GREAT")))
        .hasMessageContaining("请选择评价");

    execute(job(p));

    assertThat(p).hasPassed(EVENT_CLOSED_UNRATED).isEnded();
    assertThat(p).variables().containsEntry(CLOSED_UNRATED.name(), true);
    org.assertj.core.api.Assertions.assertThat(status.statuses)
        .endsWith("AWAITING_EVALUATION", "CLOSED");
  }

  // ---------------------------------------------------------------- helpers

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(KEY, variables);
  }

  private static String candidateGroup(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null)
        .findFirst()
        .orElseThrow()
        .getGroupId();
  }

  private static Map<String, Object> sortAs(String exclusion) {
    Map<String, Object> v = new HashMap<>();
    v.put(EXCLUSION.name(), exclusion);
    return v;
  }

  /**
   * Completes the waiting test double of a called process with the outputs the caller maps back.
   */
  static void finishStub(String processKey, Map<String, Object> outputs) {
    Task stub =
        taskService()
            .createTaskQuery()
            .processDefinitionKey(processKey)
            .taskDefinitionKey("Task_Stub")
            .singleResult();
    org.assertj.core.api.Assertions.assertThat(stub).as("a waiting " + processKey).isNotNull();
    taskService().complete(stub.getId(), outputs);
  }

  /** The elevator case (星辉中路6号院), here as a community matter of 九里堤北路社区. */
  static Map<String, Object> elevator() {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE.name(), "加装电梯");
    v.put(DESCRIPTION.name(), "老旧院落居民上下楼困难，申请加装电梯。");
    v.put(COMMUNITY.name(), JLDBL);
    v.put(SUBMITTER_NAME.name(), "王阿姨");
    v.put(SUBMITTER_PHONE.name(), "13800000000");
    v.put(TOPIC.name(), "ELEVATOR");
    v.put(SCOPE.name(), "BUILDING");
    v.put(ESTIMATED_COST.name(), 800000.0);
    v.put(AFFECTED_HOUSEHOLDS.name(), 24);
    return v;
  }

  /** The waterfall noise case (菁华园): two rivers of the city and district. */
  static Map<String, Object> waterfall() {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE.name(), "菁华园旁堰坎跌水噪音扰民");
    v.put(DESCRIPTION.name(), "两河交汇处两米高的堰坎跌水噪音大，一栋楼的居民夜不能寐。");
    v.put(COMMUNITY.name(), JLDBL);
    v.put(COURTYARD.name(), JINGHUAYUAN);
    v.put(SUBMITTER_NAME.name(), "李先生");
    v.put(SUBMITTER_PHONE.name(), "13900000001");
    v.put(TOPIC.name(), "NOISE");
    v.put(SCOPE.name(), "BUILDING");
    v.put(JURISDICTION.name(), "CITY");
    v.put(CROSS_JURISDICTION.name(), true);
    v.put(STAKEHOLDER_PARTIES.name(), 4);
    v.put(AFFECTED_HOUSEHOLDS.name(), 60);
    return v;
  }

  /** Records the statuses the diagram sets, in order (the real bean writes the read model). */
  public static class StatusLog {
    final List<String> statuses = new ArrayList<>();
    final List<String> steps = new ArrayList<>();

    public void step(DelegateExecution execution, String outcome) {
      steps.add(outcome);
    }

    public void set(DelegateExecution execution, String value) {
      statuses.add(value);
      execution.setVariable(STATUS.name(), value);
    }
  }

  static class FakeNumbering implements JavaDelegate {
    private int next = 1;
    Duration submittedAgo = Duration.ZERO;

    @Override
    public void execute(DelegateExecution execution) {
      String number = String.format("JN-2026-%06d", next++);
      execution.setVariable(NUMBER.name(), number);
      execution.setVariable(
          SUBMITTED_AT.name(),
          BusinessTime.format(
              OffsetDateTime.now()
                  .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                  .minus(submittedAgo)));
      execution.setProcessBusinessKey(number);
    }
  }
}
