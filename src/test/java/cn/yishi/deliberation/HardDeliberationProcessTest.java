package cn.yishi.deliberation;

import static cn.yishi.deliberation.HardDeliberationVariables.*;
import static cn.yishi.summons.SummonsTestSupport.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.yishi.common.InvalidStepInputException;
import cn.yishi.summons.SummonsTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
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
 * Every path of hardDeliberation (难事广议) with the real timeLimits table (maxRounds): parties
 * heard in parallel, rounds with and without summoned departments (test double of
 * departmentSummons), the committee meeting (test double of deliberationMeeting), and the
 * decision after a failed round: another round up to the limit, raise, reject.
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
        Object names = task.getVariable(STAKEHOLDER_NAMES);
        List<String> parties = new ArrayList<>();
        Arrays.stream(String.valueOf(names).split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).forEach(parties::add);
        task.setVariable(STAKEHOLDERS, parties);
      };

  @BeforeEach
  void beans() {
    Mocks.register("groups", groups());
    Mocks.register("units", units());
    Mocks.register("stakeholderList", STAKEHOLDER_LIST);
    Mocks.register("hardPartyHearing", new HardPartyHearing());
    Mocks.register("hardRoundPlanCheck", new HardRoundPlanCheck(units()));
    Mocks.register("hardNextStepCheck", new HardNextStepCheck(units()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  /** The waterfall-noise case of 菁华园. */
  private ProcessInstance hardMatterAt(String unit) {
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER, NUMBER_VALUE);
    v.put(TITLE, "菁华园瀑布噪音扰民");
    v.put("description", "两河交汇处两米多高的堰坝水声巨大，2幢居民夜间无法入睡。");
    v.put("submitterName", "张先生");
    v.put("submitterPhone", "13912345678");
    v.put(DELIBERATION_UNIT, unit);
    v.put(TIME_LIMITS, limits());
    v.put("round", 1); // the lifecycle's evaluation round: not this process's counter
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, NUMBER_VALUE, v);
  }

  private void identifyAndHearParties(ProcessInstance instance) {
    complete(task("Task_IdentifyParties", instance), Map.of(STAKEHOLDER_NAMES, String.join("\n", PARTIES) + "\n"));
    for (Task hearing : taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_HearParty").list()) {
      String party = (String) taskService().getVariable(hearing.getId(), STAKEHOLDER);
      taskService().complete(hearing.getId(), Map.of(PARTY_OPINION, party + "：希望尽快降噪"));
    }
  }

  private void prepare(ProcessInstance instance, Object departments, String summonsTask) {
    Map<String, Object> v = new HashMap<>();
    v.put(MEETING_PLAN, PLAN);
    v.put(SUMMONED_DEPARTMENTS, departments);
    v.put(SUMMONS_TASK, summonsTask);
    taskService().complete(task("Task_PrepareRound", instance).getId(), v);
  }

  private void meetingDecides(ProcessInstance instance, String outcome) {
    ProcessInstance meeting = calledProcessInstance("deliberationMeeting", instance);
    complete(task("Task_Stub", meeting), Map.of(MEETING_OUTCOME, outcome, MEETING_RECORD_ID, "MR-HARD"));
  }

  private void decide(ProcessInstance instance, Map<String, Object> decision) {
    taskService().complete(task("Task_DecideNextStep", instance).getId(), decision);
  }

  @Test
  void everyPartyIsHeardAndAPassedPlanResolvesTheMatter() {
    Instant before = Instant.now();
    ProcessInstance instance = hardMatterAt(COMMUNITY);
    Task identify = task("Task_IdentifyParties", instance);
    assertThat(identify).hasCandidateGroup(COMMUNITY + ".caseworker");
    Assertions.assertThat(isDueWithin(identify, before, limit(timeLimits, "responseWithin"))).isTrue();

    complete(identify, Map.of(STAKEHOLDER_NAMES, String.join("\n", PARTIES)));
    List<Task> hearings = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_HearParty").list();
    Assertions.assertThat(hearings).hasSize(3);
    Assertions.assertThat(hearings).extracting(t -> taskService().getVariable(t.getId(), STAKEHOLDER))
        .containsExactlyInAnyOrderElementsOf(PARTIES);
    hearings.forEach(t -> assertThat(t).hasCandidateGroup(COMMUNITY + ".caseworker"));
    for (Task hearing : hearings) {
      String party = (String) taskService().getVariable(hearing.getId(), STAKEHOLDER);
      taskService().complete(hearing.getId(), Map.of(PARTY_OPINION, party + "的意见"));
    }

    Task prepare = task("Task_PrepareRound", instance);
    assertThat(prepare).hasCandidateGroup(COMMUNITY + ".caseworker");
    SpinJsonNode opinions = (SpinJsonNode) runtimeService().getVariable(instance.getId(), PARTY_OPINIONS);
    Assertions.assertThat(opinions.elements()).hasSize(3)
        .extracting(o -> o.prop("party").stringValue(), o -> o.prop("round").numberValue().intValue())
        .containsExactlyInAnyOrder(
            Assertions.tuple("菁华园2幢居民代表", 1), Assertions.tuple("市河长制办公室", 1), Assertions.tuple("区水务局", 1));
    // parallel hearings keep their opinions apart
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), PARTY_OPINION)).isNull();

    prepare(instance, null, null);

    assertThat(instance).hasNotPassed("Call_SummonDepartments").isWaitingAt("Call_DeliberationRound");
    ProcessInstance meeting = calledProcessInstance("deliberationMeeting", instance);
    assertThat(meeting).hasBusinessKey(NUMBER_VALUE);
    assertThat(meeting).variables()
        .containsEntry(MEETING_BODY, "DELIBERATION_COMMITTEE")
        .containsEntry(MEETING_STEP, "难事广议")
        .containsEntry(MEETING_GROUP, COMMUNITY + ".committee")
        .containsEntry(MEETING_PLAN, PLAN);

    meetingDecides(instance, "PASSED");

    assertThat(instance).hasPassed("Event_HardResolved").isEnded();
    assertThat(instance).variables()
        .containsEntry(DELIBERATION_OUTCOME, "RESOLVED")
        .containsEntry(RESOLUTION, PLAN)
        .containsEntry(DELIBERATION_ROUND, 1L)
        .containsEntry("round", 1);
  }

  @Test
  void departmentsChosenInTheTasklistChecklistAreSummonedBeforeTheCommitteeMeets() {
    ProcessInstance instance = hardMatterAt(COMMUNITY);
    identifyAndHearParties(instance);

    // what Tasklist sends for a Camunda Forms checklist: a JSON array
    prepare(instance, Spin.JSON("[\"dept-river\", \"dept-city-river\", \"dept-housing\"]"), "现场勘查堰坝并提出降噪方案");

    assertThat(instance).isWaitingAt("Call_SummonDepartments");
    ProcessInstance summons = calledProcessInstance("departmentSummons", instance);
    assertThat(summons).hasBusinessKey(NUMBER_VALUE);
    assertThat(summons).variables()
        .containsEntry(SUMMONED_DEPARTMENTS, List.of("dept-river", "dept-city-river", "dept-housing"))
        .containsEntry(SUMMONING_UNIT, COMMUNITY)
        .containsEntry(SUMMONS_TASK, "现场勘查堰坝并提出降噪方案");
    // only what the departments' steps read: no description, no submitter's name or phone
    assertThat(summons).variables()
        .containsOnlyKeys(NUMBER, TITLE, TIME_LIMITS, SUMMONED_DEPARTMENTS, SUMMONING_UNIT, SUMMONS_TASK);

    complete(task("Task_Stub", summons));
    assertThat(instance).isWaitingAt("Call_DeliberationRound");
    meetingDecides(instance, "PASSED");

    assertThat(instance).hasPassed("Call_SummonDepartments", "Event_HardResolved").isEnded();
    assertThat(instance).variables().containsEntry(DELIBERATION_OUTCOME, "RESOLVED");
  }

  @Test
  void aFailedRoundMayBeFollowedByAnotherRoundThatPasses() {
    ProcessInstance instance = hardMatterAt(COMMUNITY);
    identifyAndHearParties(instance);
    prepare(instance, List.of(), null);
    meetingDecides(instance, "REJECTED");

    Task decision = task("Task_DecideNextStep", instance);
    assertThat(decision).hasCandidateGroup(COMMUNITY + ".caseworker");
    decide(instance, Map.of(NEXT_STEP, NEXT_ROUND));

    assertThat(instance).isWaitingAt("Task_PrepareRound");
    assertThat(instance).variables().containsEntry(DELIBERATION_ROUND, 2L).containsEntry("round", 1);
    prepare(instance, List.of(), null);
    meetingDecides(instance, "PASSED");

    assertThat(instance).hasPassed("Event_HardResolved").isEnded();
    assertThat(instance).variables().containsEntry(DELIBERATION_OUTCOME, "RESOLVED").containsEntry(DELIBERATION_ROUND, 2L);
  }

  @Test
  void noRoundBeyondTheLimitOfTheTimeLimitsTableAndARejectionNeedsItsReason() {
    int maxRounds = (Integer) limits().get(MAX_ROUNDS);
    ProcessInstance instance = hardMatterAt(COMMUNITY);
    identifyAndHearParties(instance);
    for (int round = 1; round < maxRounds; round++) {
      prepare(instance, List.of(), null);
      meetingDecides(instance, "REJECTED");
      decide(instance, Map.of(NEXT_STEP, NEXT_ROUND));
    }
    prepare(instance, List.of(), null);
    meetingDecides(instance, "REJECTED");

    Assertions.assertThat(refusal(() -> decide(instance, Map.of(NEXT_STEP, NEXT_ROUND))))
        .hasMessage("已协商" + maxRounds + "轮，达到协商轮次上限（" + maxRounds + "轮），不能再议：请提交上级协商或不予通过");
    Assertions.assertThat(refusal(() -> decide(instance, Map.of(NEXT_STEP, REJECT))))
        .hasMessage("请写明不予通过的理由，理由将告知提案人");
    Assertions.assertThat(refusal(() -> decide(instance, Map.of(NEXT_STEP, "GIVE_UP"))))
        .hasMessage("请选择下一步：再议一轮、提交上级协商或不予通过");
    assertThat(instance).isWaitingAt("Task_DecideNextStep");

    decide(instance, Map.of(NEXT_STEP, REJECT, REJECTION_REASON, "各方对费用分摊无法达成一致"));

    assertThat(instance).hasPassed("Event_HardRejected").isEnded();
    assertThat(instance).variables()
        .containsEntry(DELIBERATION_OUTCOME, "REJECTED")
        .containsEntry(REJECTION_REASON, "各方对费用分摊无法达成一致")
        .containsEntry(DELIBERATION_ROUND, (long) maxRounds);
  }

  @Test
  void aMatterTheCommunityCannotSettleIsRaisedWithItsReason() {
    ProcessInstance instance = hardMatterAt(COMMUNITY);
    identifyAndHearParties(instance);
    prepare(instance, List.of(), null);
    meetingDecides(instance, "REJECTED");

    Assertions.assertThat(refusal(() -> decide(instance, Map.of(NEXT_STEP, RAISE, RAISE_REASON, " "))))
        .hasMessage("请写明提交上级协商的理由");
    decide(instance, Map.of(NEXT_STEP, RAISE, RAISE_REASON, "河道属市、区两级管理，社区无权处置"));

    assertThat(instance).hasPassed("Event_HardRaised").isEnded();
    assertThat(instance).variables()
        .containsEntry(DELIBERATION_OUTCOME, "RAISED")
        .containsEntry(RAISE_REASON, "河道属市、区两级管理，社区无权处置");
  }

  @Test
  void theDistrictCannotRaiseAMatterAnyHigher() {
    ProcessInstance instance = hardMatterAt(DISTRICT);
    identifyAndHearParties(instance);
    prepare(instance, List.of(), null);
    meetingDecides(instance, "REJECTED");

    Assertions.assertThat(refusal(() -> decide(instance, Map.of(NEXT_STEP, RAISE, RAISE_REASON, "需市级协调"))))
        .hasMessage("区级已是最高层级，无法提交上级协商：请再议一轮或不予通过");
    assertThat(instance).isWaitingAt("Task_DecideNextStep");
  }

  @Test
  void aCourtyardMatterIsDeliberatedByItsCommunity() {
    ProcessInstance instance = hardMatterAt(COURTYARD);

    assertThat(instance).variables().containsEntry(DELIBERATION_UNIT, COMMUNITY);
    assertThat(task("Task_IdentifyParties", instance)).hasCandidateGroup(COMMUNITY + ".caseworker");
  }

  @Test
  void aPlanWithUnknownDepartmentsOrWithoutWhatTheyAreCalledForIsRefused() {
    ProcessInstance instance = hardMatterAt(COMMUNITY);
    identifyAndHearParties(instance);

    Assertions.assertThat(refusal(() -> prepare(instance, List.of("dept-river", "dept-moon"), "勘查")))
        .hasMessage("未知的职能部门：dept-moon");
    Assertions.assertThat(refusal(() -> prepare(instance, List.of("dept-river"), " ")))
        .hasMessage("召集职能部门报到时，请写明召集事项");
    Map<String, Object> noPlan = new HashMap<>();
    noPlan.put(MEETING_PLAN, "");
    Assertions.assertThat(refusal(() -> taskService().complete(task("Task_PrepareRound", instance).getId(), noPlan)))
        .hasMessage("请填写提交协商会议的方案");
    assertThat(instance).isWaitingAt("Task_PrepareRound");
  }

  @Test
  void aHearingWithoutTheOpinionIsRefused() {
    ProcessInstance instance = hardMatterAt(COMMUNITY);
    complete(task("Task_IdentifyParties", instance), Map.of(STAKEHOLDER_NAMES, "物业公司"));
    Task hearing = task("Task_HearParty", instance);

    Assertions.assertThat(refusal(() -> taskService().complete(hearing.getId(), Map.of(PARTY_OPINION, "  "))))
        .hasMessage("请记录该利益相关方的意见");
    assertThat(instance).isWaitingAt("Task_HearParty");
  }
}
