package cn.yishi.seeds;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.audit.AuditEvent;
import cn.yishi.audit.AuditTrailService;
import cn.yishi.deliberation.CourtyardDeliberationProcess;
import cn.yishi.deliberation.DeliberationMeetingProcess;
import cn.yishi.deliberation.HardDeliberationProcess;
import cn.yishi.deliberation.MajorDeliberationProcess;
import cn.yishi.deliberation.UrgentDeliberationProcess;
import cn.yishi.implementation.ImplementationProcess;
import cn.yishi.notice.PublicNotices;
import cn.yishi.notification.NotificationOutbox;
import cn.yishi.proposal.CorrectionRecords;
import cn.yishi.proposal.PublicProposal;
import cn.yishi.proposal.PublicProposals;
import cn.yishi.signature.SignatureService;
import cn.yishi.signature.SignedRecord;
import cn.yishi.summons.DepartmentSummonsProcess;
import cn.yishi.summons.SummonsRepository;
import cn.yishi.testsupport.CaseDriver;
import cn.yishi.testsupport.SeedCases;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The four cases of DOMAIN.md "Cases from the seeds", end to end on the real application (every
 * diagram, table, listener, service and table of Yishi's own; H2 and PostgreSQL): submitted through
 * the residents' API, worked by the staff of the right units, rated through the API.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "camunda.bpm.job-execution.enabled=false")
class SeedCasesIT {

  @Autowired PublicProposals proposals;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired SignatureService signatures;
  @Autowired SummonsRepository summonses;
  @Autowired PublicNotices notices;
  @Autowired NotificationOutbox outbox;
  @Autowired CorrectionRecords corrections;
  @Autowired AuditTrailService trails;

  private CaseDriver driver() {
    return new CaseDriver(runtime, tasks, management, identity);
  }

  private String submit(Map<String, Object> proposal) {
    PublicProposal created = proposals.submit(proposal);
    assertThat(created.status()).isEqualTo("SORTING");
    return created.number();
  }

  private void assertSignedRecordsAreIntact(String number, int atLeast) {
    List<SignedRecord> records = signatures.records(number);
    assertThat(records).hasSizeGreaterThanOrEqualTo(atLeast);
    assertThat(records)
        .allSatisfy(r -> assertThat(signatures.verify(r.id()).intact()).as(r.id()).isTrue());
  }

  private void rateThroughTheApi(String number, String phone, String rating) {
    PublicProposal rated = proposals.evaluate(number, rating, "谢谢社区", phone);
    assertThat(rated.status()).isEqualTo("CLOSED");
  }

  private List<String> noticeKinds(String number) {
    return notices.list().stream()
        .filter(n -> n.proposalNumber().equals(number))
        .map(n -> n.kind())
        .toList();
  }

  private List<String> groupsOf(List<CaseDriver.Step> steps, String taskKey) {
    return steps.stream()
        .filter(s -> s.taskKey().equals(taskKey))
        .map(CaseDriver.Step::group)
        .toList();
  }

  @Test
  void
      waterfallNoise_aCourtyardMatterIsReviewedUpToTheDistrictDeliberatedBroadlyWithDepartmentsSummoned() {
    String number = submit(SeedCases.waterfallNoise());

    // every level completes its review with the route's own (preselected) answer: the proposal
    // reaches the district because the handlingLevel table says DISTRICT for jurisdiction CITY
    List<CaseDriver.Step> steps =
        SeedCases.waterfallNoise(driver()).run(number, TASK_EVALUATE_OUTCOME);

    assertThat(groupsOf(steps, TASK_REVIEW_AT_LEVEL))
        .containsExactly(
            "jn-jld-jldbl-jhy.caseworker",
            "jn-jld-jldbl.caseworker",
            "jn-jld.caseworker",
            "jn.caseworker");
    assertThat(
            steps.stream()
                .filter(s -> s.taskKey().equals(TASK_REVIEW_AT_LEVEL))
                .map(CaseDriver.Step::answers))
        .as("no caseworker chose the route")
        .allSatisfy(answers -> assertThat(answers).isEmpty());
    String lifecycle =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .processDefinitionKey(KEY)
            .singleResult()
            .getId();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(lifecycle)
                .variableName(HANDLING_UNIT.name())
                .singleResult()
                .getValue())
        .isEqualTo("jn");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(lifecycle)
                .variableName(SETTLED_BELOW_HANDLING_LEVEL.name())
                .count())
        .isZero();
    assertThat(groupsOf(steps, DeliberationMeetingProcess.TASK_HOLD_MEETING))
        .containsExactly("jn.committee");
    assertThat(groupsOf(steps, HardDeliberationProcess.TASK_HEAR_PARTY)).hasSize(4);
    assertThat(groupsOf(steps, DepartmentSummonsProcess.TASK_REPORT_IN))
        .containsExactlyInAnyOrder(
            "dept-city-river.department", "dept-river.department", "dept-housing.department");
    // hear, then decide, then carry out: the river offices give their view before the meeting,
    // the housing bureau does its part after the resolution
    List<String> order = steps.stream().map(CaseDriver.Step::taskKey).toList();
    assertThat(groupsOf(steps, DepartmentSummonsProcess.TASK_GIVE_VIEW))
        .containsExactlyInAnyOrder("dept-city-river.department", "dept-river.department");
    assertThat(groupsOf(steps, DepartmentSummonsProcess.TASK_DO_DEPARTMENT_PART))
        .containsExactly("dept-housing.department");
    assertThat(order.lastIndexOf(DepartmentSummonsProcess.TASK_GIVE_VIEW))
        .isLessThan(order.indexOf(HardDeliberationProcess.TASK_PREPARE_ROUND));
    assertThat(order.indexOf(DeliberationMeetingProcess.TASK_HOLD_MEETING))
        .isLessThan(order.indexOf(DepartmentSummonsProcess.TASK_DO_DEPARTMENT_PART));
    assertThat(summonses.summonsesOf(number)).hasSize(2);
    assertThat(summonses.ratingsOf(number)).hasSize(3);
    assertThat(proposals.find(number).orElseThrow().status()).isEqualTo("AWAITING_EVALUATION");
    assertThat(notices.list()).anySatisfy(n -> assertThat(n.proposalNumber()).isEqualTo(number));
    assertThat(noticeKinds(number))
        .as("决议公开 before carrying out, then 实施结果公开")
        .containsExactlyInAnyOrder("RESOLUTION", "RESULT");

    rateThroughTheApi(number, "13900000001", "SATISFIED");
    PublicProposal closed = proposals.find(number).orElseThrow();
    assertThat(closed.track()).isEqualTo("HARD");
    assertThat(closed.timeline())
        .extracting(e -> e.outcome())
        .containsSubsequence(
            "SORTING",
            "UNDER_REVIEW",
            "IN_DELIBERATION",
            "IN_IMPLEMENTATION",
            "IN_NOTICE",
            "AWAITING_EVALUATION",
            "CLOSED");
    assertSignedRecordsAreIntact(number, 2);
    assertThat(outbox.ofProposal(number)).hasSizeGreaterThanOrEqualTo(7);
  }

  @Test
  void
      flyingWires_anUrgentCourtyardMatterReachesTheFastTrackStraightAfterSortingAndTheSafetyOfficeAndPolicePersuadeWhileTheResidentsRemoveTheWires() {
    String number = submit(SeedCases.flyingWires());
    PublicProposal sorting = proposals.find(number).orElseThrow();
    assertThat(sorting.track()).isEqualTo("URGENT");
    assertThat(sorting.level()).isEqualTo("COURTYARD");

    // no answer for Task_ReviewAtLevel: an urgent matter is not reviewed level by level
    List<CaseDriver.Step> steps =
        SeedCases.flyingWires(driver(), tasks).run(number, TASK_EVALUATE_OUTCOME);

    assertThat(steps.get(0).taskKey()).isEqualTo(TASK_SORT_PROPOSAL);
    assertThat(steps.get(1).taskKey()).isEqualTo(UrgentDeliberationProcess.TASK_RESPOND_QUICKLY);
    assertThat(groupsOf(steps, TASK_REVIEW_AT_LEVEL)).isEmpty();
    assertThat(proposals.find(number).orElseThrow().timeline())
        .extracting(e -> e.outcome())
        .containsSubsequence("SORTING", "IN_DELIBERATION")
        .doesNotContain("UNDER_REVIEW");
    assertThat(groupsOf(steps, UrgentDeliberationProcess.TASK_RESPOND_QUICKLY))
        .containsExactly("jn-smq-ma-mabl8.caseworker");
    assertThat(groupsOf(steps, DeliberationMeetingProcess.TASK_HOLD_MEETING))
        .containsExactly("jn-smq-ma-mabl8.committee");
    // carried out together: the residents' part and both departments' parts, then the result
    assertThat(groupsOf(steps, ImplementationProcess.TASK_CARRY_OUT)).isEmpty();
    assertThat(groupsOf(steps, ImplementationProcess.TASK_RESIDENTS_CARRY_OUT))
        .containsExactly("jn-smq-ma-mabl8.caseworker");
    assertThat(groupsOf(steps, DepartmentSummonsProcess.TASK_REPORT_IN))
        .containsExactlyInAnyOrder("dept-smq-safety.department", "dept-police.department");
    assertThat(groupsOf(steps, DepartmentSummonsProcess.TASK_DO_DEPARTMENT_PART))
        .containsExactlyInAnyOrder(
            "dept-smq-safety.department", "dept-police.department", "dept-police.department");
    assertThat(summonses.summonsesOf(number))
        .singleElement()
        .satisfies(
            s -> assertThat(s.departments()).containsExactly("dept-smq-safety", "dept-police"));
    assertThat(summonses.ratingsOf(number))
        .extracting(r -> r.department() + " " + r.rating())
        .containsExactly(
            "dept-police DISSATISFIED", "dept-police SATISFIED", "dept-smq-safety SATISFIED");
    int recorded =
        steps.stream()
            .map(CaseDriver.Step::taskKey)
            .toList()
            .indexOf(ImplementationProcess.TASK_RECORD_RESULT);
    assertThat(steps.subList(0, recorded))
        .extracting(CaseDriver.Step::taskKey)
        .contains(
            ImplementationProcess.TASK_RESIDENTS_CARRY_OUT,
            DepartmentSummonsProcess.TASK_DO_DEPARTMENT_PART);
    assertThat(proposals.find(number).orElseThrow().timeline())
        .extracting(e -> e.outcome())
        .contains("居民落实完成", "职能部门落实完成");

    // the urgent resolution was posted while it was carried out, then the result
    assertThat(noticeKinds(number)).containsExactlyInAnyOrder("RESOLUTION", "RESULT");

    rateThroughTheApi(number, "13600000002", "BASICALLY_SATISFIED");
    assertSignedRecordsAreIntact(number, 2);
  }

  @Test
  void
      elevator_aMajorMatterGoesThroughFourDeliberationsTwoPublicationsAndAMeetingWithoutQuorumIsReconvened() {
    String number = submit(SeedCases.elevator());

    List<CaseDriver.Step> steps = SeedCases.elevator(driver()).run(number, TASK_EVALUATE_OUTCOME);

    // 商议 without quorum (4 of 9), reconvened; then 商议, 审议, 决议
    assertThat(groupsOf(steps, DeliberationMeetingProcess.TASK_HOLD_MEETING))
        .containsExactly(
            "jn-smq-grc.twocommittees",
            "jn-smq-grc.twocommittees",
            "jn-smq-grc.party",
            "jn-smq-grc.caseworker");
    assertThat(groupsOf(steps, MajorDeliberationProcess.TASK_PROPOSE))
        .containsExactly("jn-smq-grc.party");
    // 决议公开 and 实施结果公开
    assertThat(
            notices.list().stream()
                .filter(n -> n.proposalNumber().equals(number))
                .map(n -> n.kind())
                .toList())
        .containsExactlyInAnyOrder("RESOLUTION", "RESULT");

    rateThroughTheApi(number, "13800000003", "SATISFIED");
    // four meeting records (the one without quorum too) and the result, all signed and intact
    assertSignedRecordsAreIntact(number, 5);
  }

  @Test
  void courtyardCleanUp_fortyCoSignersMinorTrackSettledByTheCourtyard() {
    String number = submit(SeedCases.courtyardCleanUp());
    PublicProposal sorting = proposals.find(number).orElseThrow();
    assertThat(sorting.coSigners()).isEqualTo(40);
    assertThat(sorting.matterScope()).isEqualTo("COURTYARD");
    assertThat(sorting.track()).isEqualTo("MINOR");

    List<CaseDriver.Step> steps =
        SeedCases.courtyardCleanUp(driver()).run(number, TASK_EVALUATE_OUTCOME);

    assertThat(groupsOf(steps, CourtyardDeliberationProcess.TASK_PREPARE_COURTYARD_DELIBERATION))
        .containsExactly("jn-smq-ma-mddy.caseworker");
    assertThat(groupsOf(steps, DeliberationMeetingProcess.TASK_HOLD_MEETING))
        .containsExactly("jn-smq-ma-mddy.committee");
    assertThat(groupsOf(steps, DepartmentSummonsProcess.TASK_REPORT_IN))
        .containsExactly("dept-finance.department");

    // every resolution is posted (决议公开), then the result (实施结果公开)
    assertThat(noticeKinds(number)).containsExactlyInAnyOrder("RESOLUTION", "RESULT");
    // and the audit trail shows both notices, read by the proposal's number
    assertThat(trails.trail(number).orElseThrow().events())
        .filteredOn(e -> e.kind() == AuditEvent.Kind.NOTICE)
        .hasSize(2);

    rateThroughTheApi(number, "13500000004", "SATISFIED");
    assertThat(proposals.find(number).orElseThrow().timeline())
        .extracting(e -> e.outcome())
        .contains("CLOSED");
    assertSignedRecordsAreIntact(number, 2);
  }
}
