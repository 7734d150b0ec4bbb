package cn.yishi.seeds;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.deliberation.CourtyardDeliberationProcess;
import cn.yishi.deliberation.DeliberationMeetingProcess;
import cn.yishi.deliberation.HardDeliberationProcess;
import cn.yishi.deliberation.MajorDeliberationProcess;
import cn.yishi.deliberation.UrgentDeliberationProcess;
import cn.yishi.implementation.ImplementationProcess;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.notice.PublicNotices;
import cn.yishi.notification.NotificationOutbox;
import cn.yishi.proposal.CorrectionRecords;
import cn.yishi.proposal.PublicProposal;
import cn.yishi.proposal.PublicProposals;
import cn.yishi.signature.SignatureService;
import cn.yishi.signature.SignedRecord;
import cn.yishi.summons.DepartmentSummonsProcess;
import cn.yishi.summons.SummonsRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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

  private SeedCaseDriver driver() {
    return new SeedCaseDriver(runtime, tasks, management, identity)
        .on(TASK_SORT_PROPOSAL, Map.of(EXCLUSION.name(), "NONE"))
        .on(DeliberationMeetingProcess.TASK_HOLD_MEETING, this::aQuorateMeetingThatAgrees)
        .on(
            ImplementationProcess.TASK_RECORD_RESULT,
            Map.of(ImplementationProcess.RESULT.name(), "已按决议落实，现场验收合格。"))
        .on(
            ImplementationProcess.TASK_CARRY_OUT,
            Map.of(ImplementationProcess.CARRY_OUT_NOTE.name(), "按方案组织实施。"))
        .on(
            DepartmentSummonsProcess.TASK_REPORT_IN,
            Map.of(DepartmentSummonsProcess.REPORT_IN_NOTE.name(), "已到场报到。"))
        .on(
            DepartmentSummonsProcess.TASK_DO_DEPARTMENT_PART,
            Map.of(DepartmentSummonsProcess.DEPARTMENT_WORK.name(), "已完成本部门承担的工作。"))
        .on(
            DepartmentSummonsProcess.TASK_RATE_DEPARTMENT,
            Map.of(
                DepartmentSummonsProcess.DEPARTMENT_RATING.name(),
                "SATISFIED",
                DepartmentSummonsProcess.DEPARTMENT_RATING_COMMENT.name(),
                "响应及时"))
        .letPass(PublicNoticeProcess.EVENT_NOTICE_PERIOD_ENDED);
  }

  private Map<String, Object> aQuorateMeetingThatAgrees(Task task) {
    return meeting(9, 8, 7);
  }

  private static Map<String, Object> meeting(int members, int present, int inFavour) {
    Map<String, Object> v = new HashMap<>();
    v.put(DeliberationMeetingProcess.MEMBERS.name(), members);
    v.put(DeliberationMeetingProcess.PRESENT.name(), present);
    v.put(DeliberationMeetingProcess.IN_FAVOUR.name(), inFavour);
    v.put(
        DeliberationMeetingProcess.PARTICIPANTS.name(),
        String.join(
            "\n",
            List.of("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏")
                .subList(0, Math.min(present, 8))));
    v.put(DeliberationMeetingProcess.MINUTES.name(), "会议讨论了方案并表决。");
    return v;
  }

  private static Map<String, Object> review(String decision) {
    return Map.of(REVIEW_DECISION.name(), decision);
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

  private List<String> groupsOf(List<SeedCaseDriver.Step> steps, String taskKey) {
    return steps.stream()
        .filter(s -> s.taskKey().equals(taskKey))
        .map(SeedCaseDriver.Step::group)
        .toList();
  }

  @Test
  void
      waterfallNoise_aCourtyardMatterIsReviewedUpToTheDistrictDeliberatedBroadlyWithDepartmentsSummoned() {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE.name(), "菁华园旁堰坎跌水噪音扰民");
    v.put(DESCRIPTION.name(), "府河与沙河交汇处两米高的堰坎跌水，噪音使一栋楼的居民夜不能寐。");
    v.put(COMMUNITY.name(), "jn-jld-jldbl");
    v.put(COURTYARD.name(), "jn-jld-jldbl-jhy");
    v.put(SUBMITTER_NAME.name(), "李先生");
    v.put(SUBMITTER_PHONE.name(), "13900000001");
    v.put(TOPIC.name(), "NOISE");
    v.put(SCOPE.name(), "BUILDING");
    v.put(JURISDICTION.name(), "CITY");
    v.put(CROSS_JURISDICTION.name(), true);
    v.put(STAKEHOLDER_PARTIES.name(), 4);
    v.put(AFFECTED_HOUSEHOLDS.name(), 60);
    String number = submit(v);

    // every level completes its review with the route's own (preselected) answer: the proposal
    // reaches the district because the handlingLevel table says DISTRICT for jurisdiction CITY
    List<SeedCaseDriver.Step> steps =
        driver()
            .on(TASK_REVIEW_AT_LEVEL, Map.of())
            .on(
                HardDeliberationProcess.TASK_IDENTIFY_PARTIES,
                Map.of(
                    STAKEHOLDER_NAMES.name(), "菁华园居民代表\n物业公司\n市河道管理处\n区河长办",
                    SUMMONED_DEPARTMENTS.name(), List.of("dept-city-river", "dept-river"),
                    SUMMONS_TASK.name(), "河道权属单位就降噪方案发表意见"))
            .on(
                HardDeliberationProcess.TASK_HEAR_PARTY,
                Map.of(HardDeliberationProcess.PARTY_OPINION.name(), "同意降低堰坎、消能降噪。"))
            .on(
                DepartmentSummonsProcess.TASK_GIVE_VIEW,
                Map.of(DepartmentSummonsProcess.DEPARTMENT_VIEW.name(), "同意降低堰坎，须保证行洪安全。"))
            .on(
                HardDeliberationProcess.TASK_PREPARE_ROUND,
                Map.of(MEETING_PLAN.name(), "请设计院勘测，降低堰坎落差并加设消能设施，由区住建局实施。"))
            .on(
                ImplementationProcess.TASK_ASSIGN_IMPLEMENTER,
                Map.of(
                    ImplementationProcess.IMPLEMENTERS.name(),
                    List.of("DEPARTMENTS"),
                    SUMMONED_DEPARTMENTS.name(),
                    List.of("dept-housing")))
            .run(number, TASK_EVALUATE_OUTCOME);

    assertThat(groupsOf(steps, TASK_REVIEW_AT_LEVEL))
        .containsExactly(
            "jn-jld-jldbl-jhy.caseworker",
            "jn-jld-jldbl.caseworker",
            "jn-jld.caseworker",
            "jn.caseworker");
    assertThat(
            steps.stream()
                .filter(s -> s.taskKey().equals(TASK_REVIEW_AT_LEVEL))
                .map(SeedCaseDriver.Step::answers))
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
    List<String> order = steps.stream().map(SeedCaseDriver.Step::taskKey).toList();
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
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE.name(), "马鞍北路8号院电动车飞线充电");
    v.put(DESCRIPTION.name(), "多户从窗口吊线给电动车充电，存在火灾隐患。");
    v.put(COMMUNITY.name(), "jn-smq-ma");
    v.put(COURTYARD.name(), "jn-smq-ma-mabl8");
    v.put(SUBMITTER_NAME.name(), "周女士");
    v.put(SUBMITTER_PHONE.name(), "13600000002");
    v.put(TOPIC.name(), "FIRE_SAFETY");
    v.put(SCOPE.name(), "COURTYARD");
    v.put(SAFETY_HAZARD.name(), true);
    v.put(AFFECTED_HOUSEHOLDS.name(), 40);
    String number = submit(v);
    PublicProposal sorting = proposals.find(number).orElseThrow();
    assertThat(sorting.track()).isEqualTo("URGENT");
    AtomicInteger policeRatings = new AtomicInteger();
    assertThat(sorting.level()).isEqualTo("COURTYARD");

    // no answer for Task_ReviewAtLevel: an urgent matter is not reviewed level by level
    List<SeedCaseDriver.Step> steps =
        driver()
            .on(
                UrgentDeliberationProcess.TASK_RESPOND_QUICKLY,
                Map.of(
                    UrgentDeliberationProcess.RESPONSE_NOTE.name(),
                    "已到现场查看。",
                    MEETING_PLAN.name(),
                    "一个月内居民自行拆除飞线，社区协调集中充电桩。"))
            .on(
                ImplementationProcess.TASK_ASSIGN_IMPLEMENTER,
                Map.of(
                    ImplementationProcess.IMPLEMENTERS.name(), List.of("RESIDENTS", "DEPARTMENTS"),
                    SUMMONED_DEPARTMENTS.name(), List.of("dept-smq-safety", "dept-police"),
                    ImplementationProcess.DEPARTMENTS_TASK.name(), "上门劝导居民拆除飞线，讲解火灾隐患。"))
            .on(
                ImplementationProcess.TASK_RESIDENTS_CARRY_OUT,
                Map.of(ImplementationProcess.RESIDENTS_NOTE.name(), "居民已自行拆除全部飞线。"))
            // the police's persuading is rated dissatisfied once: it redoes its part, then
            // satisfies
            .on(
                DepartmentSummonsProcess.TASK_RATE_DEPARTMENT,
                t ->
                    "dept-police"
                                .equals(
                                    tasks.getVariable(
                                        t.getId(), DepartmentSummonsProcess.DEPARTMENT.name()))
                            && policeRatings.incrementAndGet() == 1
                        ? Map.of(
                            DepartmentSummonsProcess.DEPARTMENT_RATING.name(),
                            "DISSATISFIED",
                            DepartmentSummonsProcess.DEPARTMENT_RATING_COMMENT.name(),
                            "劝导未覆盖全部住户")
                        : Map.of(
                            DepartmentSummonsProcess.DEPARTMENT_RATING.name(),
                            "SATISFIED",
                            DepartmentSummonsProcess.DEPARTMENT_RATING_COMMENT.name(),
                            "响应及时"))
            .run(number, TASK_EVALUATE_OUTCOME);

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
            .map(SeedCaseDriver.Step::taskKey)
            .toList()
            .indexOf(ImplementationProcess.TASK_RECORD_RESULT);
    assertThat(steps.subList(0, recorded))
        .extracting(SeedCaseDriver.Step::taskKey)
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
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE.name(), "星辉中路6号院加装电梯");
    v.put(DESCRIPTION.name(), "老旧院落居民上下楼困难，申请加装电梯。");
    v.put(COMMUNITY.name(), "jn-smq-grc");
    v.put(COURTYARD.name(), "jn-smq-grc-xhzl6");
    v.put(SUBMITTER_NAME.name(), "王阿姨");
    v.put(SUBMITTER_PHONE.name(), "13800000003");
    v.put(TOPIC.name(), "ELEVATOR");
    v.put(SCOPE.name(), "BUILDING");
    v.put(ESTIMATED_COST.name(), 800000);
    v.put(AFFECTED_HOUSEHOLDS.name(), 24);
    String number = submit(v);

    AtomicInteger meetings = new AtomicInteger();
    List<SeedCaseDriver.Step> steps =
        driver()
            .on(TASK_REVIEW_AT_LEVEL, review("SETTLE"))
            .on(
                MajorDeliberationProcess.TASK_PROPOSE,
                Map.of(
                    MajorDeliberationProcess.RESIDENTS_OPINIONS.name(), "24户中22户同意，2户低层住户担心采光。",
                    MEETING_PLAN.name(), "加装电梯一部，费用按楼层分摊，申请政府补贴。",
                    MajorDeliberationProcess.RESOLVING_BODY.name(), "REPRESENTATIVES_MEETING"))
            .on(
                DeliberationMeetingProcess.TASK_HOLD_MEETING,
                t -> meetings.incrementAndGet() == 1 ? meeting(9, 4, 4) : meeting(9, 8, 7))
            .on(
                ImplementationProcess.TASK_ASSIGN_IMPLEMENTER,
                Map.of(ImplementationProcess.IMPLEMENTERS.name(), List.of("SELF")))
            .run(number, TASK_EVALUATE_OUTCOME);

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
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE.name(), "马东大院环境整治");
    v.put(DESCRIPTION.name(), "院内杂物堆积、绿化缺失，40余户联名请求整治。");
    v.put(COMMUNITY.name(), "jn-smq-ma");
    v.put(COURTYARD.name(), "jn-smq-ma-mddy");
    v.put(SUBMITTER_NAME.name(), "陈大爷");
    v.put(SUBMITTER_PHONE.name(), "13500000004");
    v.put(TOPIC.name(), "SANITATION");
    v.put(SCOPE.name(), "COURTYARD");
    v.put(CO_SIGNERS.name(), 40);
    v.put(AFFECTED_HOUSEHOLDS.name(), 45);
    v.put(ESTIMATED_COST.name(), 30000);
    String number = submit(v);
    PublicProposal sorting = proposals.find(number).orElseThrow();
    assertThat(sorting.coSigners()).isEqualTo(40);
    assertThat(sorting.matterScope()).isEqualTo("COURTYARD");
    assertThat(sorting.track()).isEqualTo("MINOR");

    List<SeedCaseDriver.Step> steps =
        driver()
            .on(TASK_REVIEW_AT_LEVEL, review("SETTLE"))
            .on(
                CourtyardDeliberationProcess.TASK_PREPARE_COURTYARD_DELIBERATION,
                Map.of(
                    CourtyardDeliberationProcess.COURTYARD_PREPARATION.name(),
                    "DELIBERATE",
                    MEETING_PLAN.name(),
                    "院落自治小组牵头，区财政局支持资金，引入施工方两个月内完成整治。"))
            .on(
                ImplementationProcess.TASK_ASSIGN_IMPLEMENTER,
                Map.of(
                    ImplementationProcess.IMPLEMENTERS.name(),
                    List.of("DEPARTMENTS"),
                    SUMMONED_DEPARTMENTS.name(),
                    List.of("dept-finance")))
            .run(number, TASK_EVALUATE_OUTCOME);

    assertThat(groupsOf(steps, CourtyardDeliberationProcess.TASK_PREPARE_COURTYARD_DELIBERATION))
        .containsExactly("jn-smq-ma-mddy.caseworker");
    assertThat(groupsOf(steps, DeliberationMeetingProcess.TASK_HOLD_MEETING))
        .containsExactly("jn-smq-ma-mddy.committee");
    assertThat(groupsOf(steps, DepartmentSummonsProcess.TASK_REPORT_IN))
        .containsExactly("dept-finance.department");

    // every resolution is posted (决议公开), then the result (实施结果公开)
    assertThat(noticeKinds(number)).containsExactlyInAnyOrder("RESOLUTION", "RESULT");

    rateThroughTheApi(number, "13500000004", "SATISFIED");
    assertThat(proposals.find(number).orElseThrow().timeline())
        .extracting(e -> e.outcome())
        .contains("CLOSED");
    assertSignedRecordsAreIntact(number, 2);
  }
}
