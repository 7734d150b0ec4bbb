package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static cn.yishi.deliberation.HardDeliberationProcess.*;
import static cn.yishi.summons.SummonsTestSupport.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.yishi.summons.SummonsTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of hardDeliberation (难事广议) with the real timeLimits table (maxRounds): hear, then
 * decide: parties heard in parallel and departments summoned for their view (test double of
 * departmentSummons) before each round's meeting (test double of deliberationMeeting); after a
 * failed round, while rounds are left (the diagram's gateway on maxRounds): another round hearing
 * any party again, raise, reject; after the last round: a final resolution with the dissent
 * recorded (at any level, the district too), raise, reject.
 */
@Deployment(
    resources = {
      "processes/hardDeliberation.bpmn",
      "stubs/deliberationMeeting.bpmn",
      "stubs/departmentSummons.bpmn",
      "decisions/timeLimits.dmn"
    })
class HardDeliberationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final List<String> PARTIES = List.of("菁华园2幢居民代表", "市河长制办公室", "区水务局");
  private static final String PLAN = "在堰坝下游加装消能台阶，由区住建局施工";
  private Map<String, Object> timeLimits;

  /** The track's time limits from the deployed table (deployed after @BeforeEach runs). */
  private Map<String, Object> limits() {
    if (timeLimits == null) {
      timeLimits = SummonsTestSupport.timeLimits(decisionService(), "HARD");
    }
    return timeLimits;
  }

  /** Stands in for the bean stakeholderList (another package's listener): one party per line. */
  static final TaskListener STAKEHOLDER_LIST =
      task -> {
        Object names = task.getVariable(STAKEHOLDER_NAMES.name());
        List<String> parties = new ArrayList<>();
        Arrays.stream(String.valueOf(names).split("\\R"))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .forEach(parties::add);
        task.setVariable(STAKEHOLDERS.name(), parties);
      };

  private final List<String> timeline = new ArrayList<>();

  /** Records {@code proposalStatus.step(execution, outcome)} (the public timeline). */
  public record Timeline(List<String> entries) {
    public void step(DelegateExecution execution, String outcome) {
      entries.add(outcome);
    }
  }

  @BeforeEach
  void beans() {
    Mocks.register("groups", groups());
    Mocks.register("units", units());
    Mocks.register("stakeholderList", STAKEHOLDER_LIST);
    Mocks.register("hardPartyHearing", new HardPartyHearing());
    Mocks.register("hardHearingCheck", new HardHearingCheck(units()));
    Mocks.register("hardRoundPlanCheck", new HardRoundPlanCheck());
    Mocks.register("hardNextStepCheck", new HardNextStepCheck(units()));
    Mocks.register("proposalStatus", new Timeline(timeline));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  /** The waterfall-noise case of 菁华园. */
  private ProcessInstance hardMatterAt(String unit) {
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER.name(), NUMBER_VALUE);
    v.put(TITLE.name(), "菁华园瀑布噪音扰民");
    v.put(DESCRIPTION.name(), "两河交汇处两米多高的堰坝水声巨大，2幢居民夜间无法入睡。");
    v.put(cn.yishi.proposal.ProposalLifecycleProcess.SUBMITTER_NAME.name(), "张先生");
    v.put(cn.yishi.common.CommonVariables.SUBMITTER_PHONE.name(), "13912345678");
    v.put(DELIBERATION_UNIT.name(), unit);
    v.put(TIME_LIMITS.name(), limits());
    v.put(ROUND.name(), 1); // the lifecycle's evaluation round: not this process's counter
    return runtimeService().startProcessInstanceByKey(KEY, NUMBER_VALUE, v);
  }

  private void identify(ProcessInstance instance, Object departments, String summonsTask) {
    Map<String, Object> v = new HashMap<>();
    v.put(STAKEHOLDER_NAMES.name(), String.join("\n", PARTIES) + "\n");
    v.put(SUMMONED_DEPARTMENTS.name(), departments);
    v.put(SUMMONS_TASK.name(), summonsTask);
    taskService().complete(task(TASK_IDENTIFY_PARTIES, instance).getId(), v);
  }

  private void hearParties(ProcessInstance instance) {
    for (Task hearing :
        taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_HEAR_PARTY).list()) {
      String party = (String) taskService().getVariable(hearing.getId(), STAKEHOLDER.name());
      taskService().complete(hearing.getId(), Map.of(PARTY_OPINION.name(), party + "：希望尽快降噪"));
    }
  }

  private void identifyAndHearParties(ProcessInstance instance) {
    identify(instance, null, null);
    hearParties(instance);
  }

  private void prepare(ProcessInstance instance) {
    taskService()
        .complete(task(TASK_PREPARE_ROUND, instance).getId(), Map.of(MEETING_PLAN.name(), PLAN));
  }

  private void meetingDecides(ProcessInstance instance, String outcome) {
    ProcessInstance meeting = calledProcessInstance(DeliberationMeetingProcess.KEY, instance);
    complete(
        task("Task_Stub", meeting),
        Map.of(MEETING_OUTCOME.name(), outcome, MEETING_RECORD_ID.name(), "MR-HARD"));
  }

  private void decide(ProcessInstance instance, Map<String, Object> decision) {
    taskService().complete(task(TASK_DECIDE_NEXT_STEP, instance).getId(), decision);
  }

  private void decideAfterLastRound(ProcessInstance instance, Map<String, Object> decision) {
    taskService().complete(task(TASK_DECIDE_AFTER_LAST_ROUND, instance).getId(), decision);
  }

  /** Another round that hears nobody again. */
  private static Map<String, Object> anotherRoundHearingNobody() {
    Map<String, Object> v = new HashMap<>();
    v.put(NEXT_STEP.name(), NEXT_ROUND);
    v.put(STAKEHOLDER_NAMES.name(), "");
    v.put(SUMMONED_DEPARTMENTS.name(), List.of());
    return v;
  }

  /** Every round up to the table's maxRounds fails; waits at the decision after the last round. */
  private int failEveryRound(ProcessInstance instance) {
    int maxRounds = (Integer) limits().get(MAX_ROUNDS);
    identifyAndHearParties(instance);
    for (int round = 1; round < maxRounds; round++) {
      prepare(instance);
      meetingDecides(instance, "REJECTED");
      assertThat(instance).isWaitingAt(TASK_DECIDE_NEXT_STEP);
      decide(instance, anotherRoundHearingNobody());
      // nobody to hear again: straight to drafting the plan
      assertThat(instance).isWaitingAt(TASK_PREPARE_ROUND);
    }
    prepare(instance);
    meetingDecides(instance, "REJECTED");
    assertThat(instance).isWaitingAt(TASK_DECIDE_AFTER_LAST_ROUND);
    return maxRounds;
  }

  @Test
  void everyPartyIsHeardAndAPassedPlanResolvesTheMatter() {
    Instant before = Instant.now();
    ProcessInstance instance = hardMatterAt(SummonsTestSupport.COMMUNITY);
    Task identify = task(TASK_IDENTIFY_PARTIES, instance);
    assertThat(identify).hasCandidateGroup(SummonsTestSupport.COMMUNITY + ".caseworker");
    Assertions.assertThat(isDueWithin(identify, before, limit(timeLimits, "responseWithin")))
        .isTrue();

    complete(identify, Map.of(STAKEHOLDER_NAMES.name(), String.join("\n", PARTIES)));
    List<Task> hearings =
        taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_HEAR_PARTY).list();
    Assertions.assertThat(hearings).hasSize(3);
    Assertions.assertThat(hearings)
        .extracting(t -> taskService().getVariable(t.getId(), STAKEHOLDER.name()))
        .containsExactlyInAnyOrderElementsOf(PARTIES);
    hearings.forEach(
        t -> assertThat(t).hasCandidateGroup(SummonsTestSupport.COMMUNITY + ".caseworker"));
    for (Task hearing : hearings) {
      String party = (String) taskService().getVariable(hearing.getId(), STAKEHOLDER.name());
      taskService().complete(hearing.getId(), Map.of(PARTY_OPINION.name(), party + "的意见"));
    }

    Task prepare = task(TASK_PREPARE_ROUND, instance);
    assertThat(prepare).hasCandidateGroup(SummonsTestSupport.COMMUNITY + ".caseworker");
    assertThat(instance).hasNotPassed(CALL_HEAR_DEPARTMENTS);
    SpinJsonNode opinions =
        (SpinJsonNode) runtimeService().getVariable(instance.getId(), PARTY_OPINIONS.name());
    Assertions.assertThat(opinions.elements())
        .hasSize(3)
        .extracting(
            o -> o.prop(PARTY.name()).stringValue(),
            o -> o.prop(ROUND.name()).numberValue().intValue())
        .containsExactlyInAnyOrder(
            Assertions.tuple("菁华园2幢居民代表", 1),
            Assertions.tuple("市河长制办公室", 1),
            Assertions.tuple("区水务局", 1));
    // parallel hearings keep their opinions apart
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), PARTY_OPINION.name()))
        .isNull();

    prepare(instance);

    assertThat(instance).isWaitingAt(CALL_DELIBERATION_ROUND);
    ProcessInstance meeting = calledProcessInstance(DeliberationMeetingProcess.KEY, instance);
    assertThat(meeting).hasBusinessKey(NUMBER_VALUE);
    assertThat(meeting)
        .variables()
        .containsEntry(MEETING_BODY.name(), "DELIBERATION_COMMITTEE")
        .containsEntry(MEETING_STEP.name(), "难事广议")
        .containsEntry(MEETING_GROUP.name(), SummonsTestSupport.COMMUNITY + ".committee")
        .containsEntry(MEETING_PLAN.name(), PLAN);

    meetingDecides(instance, "PASSED");

    assertThat(instance).hasPassed(EVENT_HARD_RESOLVED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), "RESOLVED")
        .containsEntry(RESOLUTION.name(), PLAN)
        .containsEntry(DELIBERATION_ROUND.name(), 1L)
        .containsEntry(ROUND.name(), 1);
  }

  @Test
  void summonedDepartmentsReportInAndGiveTheirViewBeforeThePlanIsDraftedAndTheCommitteeMeets() {
    ProcessInstance instance = hardMatterAt(SummonsTestSupport.COMMUNITY);
    // what Tasklist sends for a Camunda Forms checklist: a JSON array
    identify(instance, Spin.JSON("[\"dept-river\", \"dept-city-river\"]"), "就堰坝降噪方案发表意见");
    hearParties(instance);

    assertThat(instance).isWaitingAt(CALL_HEAR_DEPARTMENTS).hasNotPassed(TASK_PREPARE_ROUND);
    ProcessInstance summons =
        calledProcessInstance(cn.yishi.summons.DepartmentSummonsProcess.KEY, instance);
    assertThat(summons).hasBusinessKey(NUMBER_VALUE);
    assertThat(summons)
        .variables()
        .containsEntry(SUMMONED_DEPARTMENTS.name(), List.of("dept-river", "dept-city-river"))
        .containsEntry(SUMMONING_UNIT.name(), SummonsTestSupport.COMMUNITY)
        .containsEntry(SUMMONS_TASK.name(), "就堰坝降噪方案发表意见")
        .containsEntry(
            cn.yishi.common.CommonVariables.SUMMONS_PURPOSE.name(),
            cn.yishi.summons.DepartmentSummonsProcess.PURPOSE_VIEW);
    // only what the departments' steps read: no description, no submitter's name or phone
    assertThat(summons)
        .variables()
        .containsOnlyKeys(
            NUMBER.name(),
            TITLE.name(),
            TIME_LIMITS.name(),
            SUMMONED_DEPARTMENTS.name(),
            SUMMONING_UNIT.name(),
            SUMMONS_TASK.name(),
            cn.yishi.common.CommonVariables.SUMMONS_PURPOSE.name());

    complete(
        task("Task_Stub", summons),
        Map.of(
            DEPARTMENT_VIEWS.name(),
            Spin.JSON(
                "[{\"party\":\"金牛区河长制办公室\",\"department\":\"dept-river\",\"opinion\":\"堰坝可降低0.5米\"},"
                    + "{\"party\":\"成都市河长制办公室\",\"department\":\"dept-city-river\",\"opinion\":\"须保证行洪\"}]")));

    // the views join the parties' opinions for drafting the plan; no department did any work yet
    assertThat(instance).isWaitingAt(TASK_PREPARE_ROUND);
    SpinJsonNode opinions =
        (SpinJsonNode) runtimeService().getVariable(instance.getId(), PARTY_OPINIONS.name());
    Assertions.assertThat(opinions.elements())
        .extracting(
            o ->
                o.prop(PARTY.name()).stringValue()
                    + " "
                    + o.prop(ROUND.name()).numberValue().intValue()
                    + " "
                    + o.prop(OPINION.name()).stringValue())
        .contains("金牛区河长制办公室 1 堰坝可降低0.5米", "成都市河长制办公室 1 须保证行洪")
        .hasSize(5);
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), DEPARTMENT_VIEWS.name()))
        .isNull();
    prepare(instance);
    meetingDecides(instance, "PASSED");

    assertThat(instance).hasPassed(CALL_HEAR_DEPARTMENTS, EVENT_HARD_RESOLVED).isEnded();
    assertThat(instance).variables().containsEntry(DELIBERATION_OUTCOME.name(), "RESOLVED");
  }

  @Test
  void aFailedRoundMayBeFollowedByAnotherRoundThatHearsAPartyAndADepartmentAgain() {
    ProcessInstance instance = hardMatterAt(SummonsTestSupport.COMMUNITY);
    identifyAndHearParties(instance);
    prepare(instance);
    meetingDecides(instance, "REJECTED");

    Task decision = task(TASK_DECIDE_NEXT_STEP, instance);
    assertThat(decision).hasCandidateGroup(SummonsTestSupport.COMMUNITY + ".caseworker");
    Map<String, Object> again = new HashMap<>();
    again.put(NEXT_STEP.name(), NEXT_ROUND);
    again.put(STAKEHOLDER_NAMES.name(), "菁华园2幢居民代表\n");
    again.put(SUMMONED_DEPARTMENTS.name(), List.of("dept-water"));
    again.put(SUMMONS_TASK.name(), "就调整后的方案发表意见");
    decide(instance, again);

    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_ROUND.name(), 2L)
        .containsEntry(ROUND.name(), 1);
    Task hearing = task(TASK_HEAR_PARTY, instance);
    Assertions.assertThat(taskService().getVariable(hearing.getId(), STAKEHOLDER.name()))
        .isEqualTo("菁华园2幢居民代表");
    taskService().complete(hearing.getId(), Map.of(PARTY_OPINION.name(), "可以接受分期施工"));
    ProcessInstance summons =
        calledProcessInstance(cn.yishi.summons.DepartmentSummonsProcess.KEY, instance);
    assertThat(summons)
        .variables()
        .containsEntry(SUMMONED_DEPARTMENTS.name(), List.of("dept-water"));
    complete(task("Task_Stub", summons));

    SpinJsonNode opinions =
        (SpinJsonNode) runtimeService().getVariable(instance.getId(), PARTY_OPINIONS.name());
    Assertions.assertThat(opinions.elements())
        .filteredOn(o -> o.prop(ROUND.name()).numberValue().intValue() == 2)
        .extracting(
            o -> o.prop(PARTY.name()).stringValue() + "：" + o.prop(OPINION.name()).stringValue())
        .containsExactly("菁华园2幢居民代表：可以接受分期施工");
    prepare(instance);
    meetingDecides(instance, "PASSED");

    assertThat(instance).hasPassed(EVENT_HARD_RESOLVED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), "RESOLVED")
        .containsEntry(DELIBERATION_ROUND.name(), 2L);
  }

  @Test
  void afterTheLastRoundTheDistrictMakesAFinalResolutionWithTheDissentRecorded() {
    ProcessInstance instance = hardMatterAt(DISTRICT);
    int maxRounds = failEveryRound(instance);

    assertThat(instance).hasPassed(GATEWAY_ROUNDS_LEFT);
    Assertions.assertThat(
            refusal(() -> decideAfterLastRound(instance, Map.of(NEXT_STEP.name(), NEXT_ROUND))))
        .hasMessage("协商轮次已满：请选择作出最终决议（记录异议）、提交上级协商或不予通过");
    Assertions.assertThat(
            refusal(
                () -> decideAfterLastRound(instance, Map.of(NEXT_STEP.name(), RESOLVE_FINALLY))))
        .hasMessage("请填写最终决议的内容");
    Assertions.assertThat(
            refusal(
                () ->
                    decideAfterLastRound(
                        instance,
                        Map.of(
                            NEXT_STEP.name(),
                            RESOLVE_FINALLY,
                            FINAL_RESOLUTION.name(),
                            "降低堰坝0.5米",
                            DISSENT.name(),
                            " "))))
        .hasMessage("请记录不同意见（异议），与最终决议一并存档");
    Assertions.assertThat(
            refusal(
                () ->
                    decideAfterLastRound(
                        instance, Map.of(NEXT_STEP.name(), RAISE, RAISE_REASON.name(), "需市级协调"))))
        .hasMessage("区级已是最高层级，无法提交上级协商：请作出最终决议或不予通过");
    assertThat(instance).isWaitingAt(TASK_DECIDE_AFTER_LAST_ROUND);

    decideAfterLastRound(
        instance,
        Map.of(
            NEXT_STEP.name(), RESOLVE_FINALLY,
            FINAL_RESOLUTION.name(), "降低堰坝0.5米并加设消能台阶，分两期施工",
            DISSENT.name(), "物业公司认为施工期噪音更大，不同意分期"));

    assertThat(instance).hasPassed(EVENT_HARD_FINAL_RESOLUTION).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), "RESOLVED")
        .containsEntry(RESOLUTION.name(), "降低堰坝0.5米并加设消能台阶，分两期施工")
        .containsEntry(DISSENT.name(), "物业公司认为施工期噪音更大，不同意分期")
        .containsEntry(DELIBERATION_ROUND.name(), (long) maxRounds);
    Assertions.assertThat(timeline).containsExactly("最终决议（已记录异议）");
  }

  @Test
  void afterTheLastRoundACommunityMayRaiseTheMatter() {
    ProcessInstance instance = hardMatterAt(SummonsTestSupport.COMMUNITY);
    failEveryRound(instance);

    decideAfterLastRound(
        instance, Map.of(NEXT_STEP.name(), RAISE, RAISE_REASON.name(), "河道属市、区两级管理"));

    assertThat(instance).hasPassed(EVENT_HARD_RAISED_AFTER_LAST_ROUND).isEnded();
    assertThat(instance).variables().containsEntry(DELIBERATION_OUTCOME.name(), "RAISED");
  }

  @Test
  void afterTheLastRoundTheMatterMayBeRejectedWithItsReason() {
    ProcessInstance instance = hardMatterAt(SummonsTestSupport.COMMUNITY);
    failEveryRound(instance);

    Assertions.assertThat(
            refusal(() -> decideAfterLastRound(instance, Map.of(NEXT_STEP.name(), REJECT))))
        .hasMessage("请写明不予通过的理由，理由将告知提案人");
    decideAfterLastRound(
        instance, Map.of(NEXT_STEP.name(), REJECT, REJECTION_REASON.name(), "各方对费用分摊无法达成一致"));

    assertThat(instance).hasPassed(EVENT_HARD_REJECTED_AFTER_LAST_ROUND).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), "REJECTED")
        .containsEntry(REJECTION_REASON.name(), "各方对费用分摊无法达成一致");
  }

  @Test
  void withRoundsLeftAMatterMayBeRejectedWithItsReason() {
    ProcessInstance instance = hardMatterAt(SummonsTestSupport.COMMUNITY);
    identifyAndHearParties(instance);
    prepare(instance);
    meetingDecides(instance, "REJECTED");

    Assertions.assertThat(refusal(() -> decide(instance, Map.of(NEXT_STEP.name(), REJECT))))
        .hasMessage("请写明不予通过的理由，理由将告知提案人");
    Assertions.assertThat(refusal(() -> decide(instance, Map.of(NEXT_STEP.name(), "GIVE_UP"))))
        .hasMessage("请选择下一步：再议一轮、提交上级协商或不予通过");
    Assertions.assertThat(
            refusal(() -> decide(instance, Map.of(NEXT_STEP.name(), RESOLVE_FINALLY))))
        .hasMessage("请选择下一步：再议一轮、提交上级协商或不予通过");
    decide(instance, Map.of(NEXT_STEP.name(), REJECT, REJECTION_REASON.name(), "不属于本社区职责"));

    assertThat(instance).hasPassed(EVENT_HARD_REJECTED).isEnded();
    assertThat(instance).variables().containsEntry(DELIBERATION_OUTCOME.name(), "REJECTED");
  }

  @Test
  void aMatterTheCommunityCannotSettleIsRaisedWithItsReason() {
    ProcessInstance instance = hardMatterAt(SummonsTestSupport.COMMUNITY);
    identifyAndHearParties(instance);
    prepare(instance);
    meetingDecides(instance, "REJECTED");

    Assertions.assertThat(
            refusal(
                () -> decide(instance, Map.of(NEXT_STEP.name(), RAISE, RAISE_REASON.name(), " "))))
        .hasMessage("请写明提交上级协商的理由");
    decide(instance, Map.of(NEXT_STEP.name(), RAISE, RAISE_REASON.name(), "河道属市、区两级管理，社区无权处置"));

    assertThat(instance).hasPassed(EVENT_HARD_RAISED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_OUTCOME.name(), "RAISED")
        .containsEntry(RAISE_REASON.name(), "河道属市、区两级管理，社区无权处置");
  }

  @Test
  void theDistrictCannotRaiseAMatterAnyHigher() {
    ProcessInstance instance = hardMatterAt(DISTRICT);
    identifyAndHearParties(instance);
    prepare(instance);
    meetingDecides(instance, "REJECTED");

    Assertions.assertThat(
            refusal(
                () ->
                    decide(
                        instance, Map.of(NEXT_STEP.name(), RAISE, RAISE_REASON.name(), "需市级协调"))))
        .hasMessage("区级已是最高层级，无法提交上级协商：请再议一轮或不予通过");
    assertThat(instance).isWaitingAt(TASK_DECIDE_NEXT_STEP);
  }

  @Test
  void aCourtyardMatterIsDeliberatedByItsCommunity() {
    ProcessInstance instance = hardMatterAt(COURTYARD);

    assertThat(instance)
        .variables()
        .containsEntry(DELIBERATION_UNIT.name(), SummonsTestSupport.COMMUNITY);
    assertThat(task(TASK_IDENTIFY_PARTIES, instance))
        .hasCandidateGroup(SummonsTestSupport.COMMUNITY + ".caseworker");
  }

  @Test
  void unknownDepartmentsOrASummonsWithoutItsQuestionOrABlankPlanAreRefused() {
    ProcessInstance instance = hardMatterAt(SummonsTestSupport.COMMUNITY);

    Assertions.assertThat(
            refusal(() -> identify(instance, List.of("dept-river", "dept-moon"), "发表意见")))
        .hasMessage("未知的职能部门：dept-moon");
    Assertions.assertThat(refusal(() -> identify(instance, List.of("dept-river"), " ")))
        .hasMessage("召集职能部门发表意见时，请写明请其发表意见的事项");
    identifyAndHearParties(instance);
    Map<String, Object> noPlan = new HashMap<>();
    noPlan.put(MEETING_PLAN.name(), "");
    Assertions.assertThat(
            refusal(
                () -> taskService().complete(task(TASK_PREPARE_ROUND, instance).getId(), noPlan)))
        .hasMessage("请填写提交协商会议的方案");
    prepare(instance);
    meetingDecides(instance, "REJECTED");
    Map<String, Object> again = anotherRoundHearingNobody();
    again.put(SUMMONED_DEPARTMENTS.name(), List.of("dept-moon"));
    Assertions.assertThat(refusal(() -> decide(instance, again))).hasMessage("未知的职能部门：dept-moon");
    assertThat(instance).isWaitingAt(TASK_DECIDE_NEXT_STEP);
  }

  @Test
  void aHearingWithoutTheOpinionIsRefused() {
    ProcessInstance instance = hardMatterAt(SummonsTestSupport.COMMUNITY);
    complete(task(TASK_IDENTIFY_PARTIES, instance), Map.of(STAKEHOLDER_NAMES.name(), "物业公司"));
    Task hearing = task(TASK_HEAR_PARTY, instance);

    Assertions.assertThat(
            refusal(
                () -> taskService().complete(hearing.getId(), Map.of(PARTY_OPINION.name(), "  "))))
        .hasMessage("请记录该利益相关方的意见");
    assertThat(instance).isWaitingAt(TASK_HEAR_PARTY);
  }
}
