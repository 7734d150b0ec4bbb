package cn.yishi.testsupport;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;

import cn.yishi.deliberation.CourtyardDeliberationProcess;
import cn.yishi.deliberation.DeliberationMeetingProcess;
import cn.yishi.deliberation.HardDeliberationProcess;
import cn.yishi.deliberation.MajorDeliberationProcess;
import cn.yishi.deliberation.UrgentDeliberationProcess;
import cn.yishi.implementation.ImplementationProcess;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.summons.DepartmentSummonsProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;

/**
 * The four cases of DOMAIN.md "Cases from the seeds": what each resident submits and how the staff
 * answer each step (SeedCasesIT checks them end to end; the lifecycle benchmark drives them). Each
 * case reaches one deliberation track: the waterfall noise the hard one, the flying wires the
 * urgent one, the elevator the major one, the courtyard clean-up the minor one.
 */
public final class SeedCases {

  private SeedCases() {}

  /** What every case answers alike: sorting, meetings, carrying out, summoned departments. */
  public static CaseDriver staff(CaseDriver driver) {
    return driver
        .on(TASK_SORT_PROPOSAL, Map.of(EXCLUSION.name(), "NONE"))
        .on(DeliberationMeetingProcess.TASK_HOLD_MEETING, task -> meeting(9, 8, 7))
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

  /** A meeting's record: members expected, present, in favour, participants and minutes. */
  public static Map<String, Object> meeting(int members, int present, int inFavour) {
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

  /**
   * Waterfall noise: a building's matter crossing jurisdictions (hard track, up to the district).
   */
  public static Map<String, Object> waterfallNoise() {
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
    return v;
  }

  /**
   * Every level reviews with the route's own answer; four parties heard, the river offices give
   * their view, the housing bureau carries out.
   */
  public static CaseDriver waterfallNoise(CaseDriver driver) {
    return staff(driver)
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
                List.of("dept-housing")));
  }

  /** Flying wires: a courtyard's fire hazard (urgent track, straight after sorting). */
  public static Map<String, Object> flyingWires() {
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
    return v;
  }

  /**
   * The safety office and the police persuade while the residents remove the wires; the police's
   * persuading is rated dissatisfied once: it redoes its part, then satisfies.
   */
  public static CaseDriver flyingWires(CaseDriver driver, TaskService tasks) {
    AtomicInteger policeRatings = new AtomicInteger();
    return staff(driver)
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
                        "响应及时"));
  }

  /** Elevator: a building's costly project (major track, 四议两公开). */
  public static Map<String, Object> elevator() {
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
    return v;
  }

  /** The first 商议 has no quorum (4 of 9) and is reconvened; the community carries it out. */
  public static CaseDriver elevator(CaseDriver driver) {
    AtomicInteger meetings = new AtomicInteger();
    return staff(driver)
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
            Map.of(ImplementationProcess.IMPLEMENTERS.name(), List.of("SELF")));
  }

  /** Courtyard clean-up: forty co-signers, a courtyard's matter (minor track, at the courtyard). */
  public static Map<String, Object> courtyardCleanUp() {
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
    return v;
  }

  /** The courtyard deliberates it; the finance bureau is summoned to carry it out. */
  public static CaseDriver courtyardCleanUp(CaseDriver driver) {
    return staff(driver)
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
                List.of("dept-finance")));
  }
}
