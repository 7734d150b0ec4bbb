package cn.yishi.implementation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.implementation.ImplementationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationLoader;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.summons.DepartmentSummonsProcess;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of implementation (落实与结果公开): carried out by the level itself, by the courtyard's
 * residents, by departments chosen by the caseworker or preset by a department order; the result
 * noticed without objection or objected to; the server's refusals; the retried signature.
 */
@Deployment(
    resources = {
      "processes/implementation.bpmn",
      "stubs/departmentSummons.bpmn",
      "stubs/publicNotice.bpmn"
    })
class ImplementationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  /** 马鞍北路8号院: the flying-wires case. */
  private static final String COURTYARD = "jn-smq-ma-mabl8";

  private static final String CASEWORKERS = COURTYARD + ".caseworker";
  private static final String NUMBER = "JN-2026-000042";
  private static final String PLAN = "在院内设集中充电点，居民自行拆除飞线。";

  private static OrganisationService organisation;

  private final List<String> statuses = new ArrayList<>();
  private final List<String> steps = new ArrayList<>();
  private final List<String> signedResults = new ArrayList<>();
  private boolean signingFails;

  @BeforeAll
  static void loadOrganisation() throws IOException {
    try (InputStream in =
        ImplementationProcessTest.class.getResourceAsStream("/organisation/jinniu.json")) {
      organisation = new OrganisationService(OrganisationLoader.load(in, "jinniu.json"));
    }
  }

  @BeforeEach
  void registerBeans() {
    Groups groups = mock(Groups.class);
    when(groups.caseworkers(COURTYARD)).thenReturn(CASEWORKERS);
    Mocks.register("groups", groups);
    Mocks.register("proposalStatus", new StatusRecorder(statuses, steps));
    Mocks.register("implementerChoice", new ImplementerChoice(organisation));
    Mocks.register("resultRecording", new ResultRecording());
    JavaDelegate signResultRecord =
        execution -> {
          if (signingFails) {
            throw new IllegalStateException("signature service unavailable");
          }
          signedResults.add(
              execution.getVariable(RESULT.name())
                  + " / "
                  + execution.getVariable(RESULT_RECORDED_BY.name()));
          execution.setVariable(RESULT_RECORD_ID.name(), "record-" + signedResults.size());
        };
    Mocks.register("signResultRecord", signResultRecord);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
    identityService().clearAuthentication();
  }

  /**
   * Records {@code proposalStatus.set(execution, status)} and {@code step(execution, outcome)}
   * calls.
   */
  public record StatusRecorder(List<String> statuses, List<String> steps) {
    public void set(DelegateExecution execution, String status) {
      statuses.add(status);
    }

    public void step(DelegateExecution execution, String outcome) {
      steps.add(outcome);
    }
  }

  private static Map<String, Object> resolved() {
    Map<String, Object> v = new HashMap<>();
    v.put(CommonVariables.NUMBER.name(), NUMBER);
    v.put(CommonVariables.TITLE.name(), "马鞍北路8号院清理飞线充电");
    v.put(cn.yishi.proposal.ProposalLifecycleProcess.SUBMITTER_NAME.name(), "李先生");
    v.put(cn.yishi.common.CommonVariables.SUBMITTER_PHONE.name(), "13912345678");
    v.put(DELIBERATION_UNIT.name(), COURTYARD);
    v.put(RESOLUTION.name(), PLAN);
    Map<String, Object> timeLimits = new HashMap<>();
    timeLimits.put("responseWithin", "P1D");
    timeLimits.put("resolveWithin", "P7D");
    timeLimits.put("stepWithin", "P3D");
    timeLimits.put("noticePeriod", "P7D");
    timeLimits.put("objectionRoundLevelAbove", 3);
    v.put(CommonVariables.TIME_LIMITS.name(), timeLimits);
    return v;
  }

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(KEY, NUMBER, variables);
  }

  private static void assertDueIn(Task task, Instant before, Duration duration) {
    Assertions.assertThat(task.getDueDate().toInstant())
        .isBetween(before.plus(duration), Instant.now().plus(duration));
  }

  /**
   * Records the result (claiming the task for a caseworker unless someone is logged in or it is
   * claimed already), signs it (the async job) and returns the result notice's instance.
   */
  private ProcessInstance recordSignAndNotice(ProcessInstance instance, String result) {
    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_RECORD_RESULT);
    Task record = task(instance);
    if (record.getAssignee() == null && identityService().getCurrentAuthentication() == null) {
      taskService().claim(record.getId(), "caseworker-zhao");
    }
    complete(record, Map.of(RESULT.name(), result));
    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_SIGN_RESULT);
    Assertions.assertThat(signedResults).as("signed only when the job runs").isEmpty();
    execute(job(instance));
    assertThat(instance).isWaitingAt(ImplementationProcess.CALL_PUBLISH_RESULT);
    return calledProcessInstance(instance);
  }

  @Test
  void levelCarriesItOutRecordsSignsAndNoticesTheResultWithoutObjection() {
    Instant before = Instant.now();
    ProcessInstance instance = start(resolved());

    Assertions.assertThat(statuses).containsExactly("IN_IMPLEMENTATION");
    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_ASSIGN_IMPLEMENTER);
    Task assign = task(instance);
    assertThat(assign).hasCandidateGroup(CASEWORKERS);
    assertDueIn(assign, before, Duration.ofDays(1));
    SpinJsonNode options =
        (SpinJsonNode)
            runtimeService().getVariableLocal(assign.getExecutionId(), DEPARTMENT_OPTIONS.name());
    Assertions.assertThat(options.toString())
        .contains("\"value\":\"dept-police\"")
        .contains("金牛公安分局");

    complete(assign, Map.of(IMPLEMENTER.name(), SELF, IMPLEMENTATION_NOTE.name(), "社区牵头，物业配合。"));

    assertThat(instance)
        .isWaitingAt(ImplementationProcess.TASK_CARRY_OUT)
        .hasNotPassed(ImplementationProcess.TASK_RESIDENTS_CARRY_OUT);
    Task carryOut = task(instance);
    assertThat(carryOut).hasCandidateGroup(CASEWORKERS);
    assertDueIn(carryOut, before, Duration.ofDays(7));
    complete(carryOut, Map.of(CARRY_OUT_NOTE.name(), "已完成充电点建设。"));
    Assertions.assertThat(steps).containsExactly("本级落实完成");

    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_RECORD_RESULT);
    Task record = task(instance);
    assertThat(record).hasCandidateGroup(CASEWORKERS);
    assertDueIn(record, before, Duration.ofDays(3));
    identityService().setAuthenticatedUserId("convenor-li");
    ProcessInstance notice = recordSignAndNotice(instance, "  院内新设充电桩12个，飞线全部拆除。 ");
    identityService().clearAuthentication();

    Assertions.assertThat(signedResults).containsExactly("院内新设充电桩12个，飞线全部拆除。 / convenor-li");
    Assertions.assertThat(statuses).containsExactly("IN_IMPLEMENTATION", "IN_NOTICE");
    assertThat(notice).hasProcessDefinitionKey(PublicNoticeProcess.KEY).hasBusinessKey(NUMBER);
    assertThat(notice)
        .variables()
        .containsEntry(NOTICE_KIND.name(), PublicNoticeProcess.KIND_RESULT)
        .containsEntry(NOTICE_CONTENT.name(), "院内新设充电桩12个，飞线全部拆除。")
        .containsEntry(CommonVariables.NUMBER.name(), NUMBER);

    complete(
        task(notice),
        Map.of(
            NOTICE_OUTCOME.name(), PublicNoticeProcess.NO_OBJECTION, NOTICE_ID.name(), "notice-7"));

    assertThat(instance).hasPassed(ImplementationProcess.EVENT_IMPLEMENTATION_DONE).isEnded();
    assertThat(instance).hasNotPassed(ImplementationProcess.CALL_SUMMON_DEPARTMENTS);
    assertThat(instance)
        .variables()
        .containsEntry(IMPLEMENTATION_OUTCOME.name(), DONE)
        .containsEntry(RESULT_RECORD_ID.name(), "record-1")
        .containsEntry(NOTICE_ID.name(), "notice-7")
        .containsEntry(RESULT_RECORDED_BY.name(), "convenor-li");
  }

  @Test
  void residentsCarryItOutAndAnObjectionToTheResultNoticeEndsItObjected() {
    ProcessInstance instance = start(resolved());
    complete(task(instance), Map.of(IMPLEMENTERS.name(), List.of(RESIDENTS)));
    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_RESIDENTS_CARRY_OUT);
    assertThat(task(instance)).hasCandidateGroup(CASEWORKERS);
    complete(task(instance), Map.of(RESIDENTS_NOTE.name(), "居民已自行拆除飞线。"));
    Assertions.assertThat(steps).containsExactly("居民落实完成");

    Task record = task(instance);
    taskService().claim(record.getId(), "convenor-wang");
    ProcessInstance notice = recordSignAndNotice(instance, "居民已自行拆除飞线。");
    Assertions.assertThat(signedResults).containsExactly("居民已自行拆除飞线。 / convenor-wang");

    complete(
        task(notice),
        Map.of(NOTICE_OUTCOME.name(), PublicNoticeProcess.OBJECTED, NOTICE_ID.name(), "notice-8"));

    assertThat(instance).hasPassed(ImplementationProcess.EVENT_RESULT_OBJECTED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(IMPLEMENTATION_OUTCOME.name(), OBJECTED)
        .containsEntry(RESULT_RECORD_ID.name(), "record-1")
        .containsEntry(IMPLEMENTER.name(), RESIDENTS);
  }

  @Test
  void departmentsChosenByTheCaseworkerAreSummonedByTheCourtyardForTheResolution() {
    ProcessInstance instance = start(resolved());

    // Tasklist sends the checklist as a JSON array
    Map<String, Object> choice = new HashMap<>();
    choice.put(IMPLEMENTER.name(), DEPARTMENTS);
    choice.put(
        SUMMONED_DEPARTMENTS.name(),
        SpinValues.jsonValue("[\"dept-police\",\"dept-smq-safety\",\"dept-police\"]").create());
    complete(task(instance), choice);

    assertThat(instance)
        .isWaitingAt(ImplementationProcess.CALL_SUMMON_DEPARTMENTS)
        .hasNotPassed(ImplementationProcess.TASK_CARRY_OUT);
    ProcessInstance summons = calledProcessInstance(DepartmentSummonsProcess.KEY, instance);
    assertThat(summons).hasBusinessKey(NUMBER);
    assertThat(summons)
        .variables()
        .containsEntry(SUMMONING_UNIT.name(), COURTYARD)
        .containsEntry(SUMMONS_TASK.name(), PLAN)
        .containsEntry(SUMMONED_DEPARTMENTS.name(), List.of("dept-police", "dept-smq-safety"));

    complete(task(summons));

    ProcessInstance notice = recordSignAndNotice(instance, "派出所与街道安办上门劝导，飞线已拆除。");
    complete(
        task(notice),
        Map.of(
            NOTICE_OUTCOME.name(), PublicNoticeProcess.NO_OBJECTION, NOTICE_ID.name(), "notice-9"));
    assertThat(instance).hasPassed(ImplementationProcess.EVENT_IMPLEMENTATION_DONE).isEnded();
    assertThat(instance).variables().containsEntry(IMPLEMENTATION_OUTCOME.name(), DONE);
  }

  /**
   * 马鞍北路8号院 flying wires: the street safety office and the police persuade, the residents remove
   * the wires; each part is its own step, and the result is recorded only when both are done.
   */
  @Test
  void residentsAndDepartmentsCarryOutTheirPartsTogetherAndTheResultWaitsForBoth() {
    ProcessInstance instance = start(resolved());
    Map<String, Object> choice = new HashMap<>();
    // Tasklist sends checklists as JSON arrays
    choice.put(
        IMPLEMENTERS.name(), SpinValues.jsonValue("[\"DEPARTMENTS\",\"RESIDENTS\"]").create());
    choice.put(
        SUMMONED_DEPARTMENTS.name(),
        SpinValues.jsonValue("[\"dept-smq-safety\",\"dept-police\"]").create());
    choice.put(DEPARTMENTS_TASK.name(), "上门劝导居民拆除飞线，讲解火灾隐患。");
    complete(task(instance), choice);

    assertThat(instance)
        .isWaitingAt(
            ImplementationProcess.TASK_RESIDENTS_CARRY_OUT,
            ImplementationProcess.CALL_SUMMON_DEPARTMENTS)
        .hasNotPassed(ImplementationProcess.TASK_CARRY_OUT);
    assertThat(instance)
        .variables()
        .containsEntry(IMPLEMENTER.name(), "RESIDENTS,DEPARTMENTS")
        .containsEntry(IMPLEMENTERS.name(), List.of(RESIDENTS, DEPARTMENTS));
    ProcessInstance summons = calledProcessInstance(DepartmentSummonsProcess.KEY, instance);
    assertThat(summons)
        .variables()
        .containsEntry(SUMMONING_UNIT.name(), COURTYARD)
        .containsEntry(SUMMONS_TASK.name(), "上门劝导居民拆除飞线，讲解火灾隐患。")
        .containsEntry(SUMMONED_DEPARTMENTS.name(), List.of("dept-smq-safety", "dept-police"));

    // the departments finish first: the residents' part still runs, nothing is recorded yet
    complete(task(summons));
    assertThat(instance)
        .isWaitingAt(ImplementationProcess.TASK_RESIDENTS_CARRY_OUT)
        .hasPassed(ImplementationProcess.CALL_SUMMON_DEPARTMENTS);
    Assertions.assertThat(steps).containsExactly("职能部门落实完成");

    complete(task(instance), Map.of(RESIDENTS_NOTE.name(), "居民已于月底前自行拆除全部飞线。"));
    Assertions.assertThat(steps).containsExactly("职能部门落实完成", "居民落实完成");
    ProcessInstance notice = recordSignAndNotice(instance, "街道安办、派出所上门劝导，居民自行拆除飞线。");
    complete(
        task(notice),
        Map.of(
            NOTICE_OUTCOME.name(),
            PublicNoticeProcess.NO_OBJECTION,
            NOTICE_ID.name(),
            "notice-11"));
    assertThat(instance)
        .hasPassed(
            ImplementationProcess.SUB_PROCESS_PARTS,
            ImplementationProcess.EVENT_IMPLEMENTATION_DONE)
        .isEnded();
  }

  @Test
  void theLevelTheResidentsAndADepartmentAllCarryOutAPartAndTheResultWaitsForAll() {
    ProcessInstance instance = start(resolved());
    complete(
        task(instance),
        Map.of(
            IMPLEMENTERS.name(),
            List.of(SELF, RESIDENTS, DEPARTMENTS),
            SUMMONED_DEPARTMENTS.name(),
            List.of("dept-police")));

    assertThat(instance)
        .isWaitingAt(
            ImplementationProcess.TASK_CARRY_OUT,
            ImplementationProcess.TASK_RESIDENTS_CARRY_OUT,
            ImplementationProcess.CALL_SUMMON_DEPARTMENTS);
    ProcessInstance summons = calledProcessInstance(DepartmentSummonsProcess.KEY, instance);
    assertThat(summons).variables().containsEntry(SUMMONS_TASK.name(), PLAN);
    complete(task(summons));
    complete(
        taskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(ImplementationProcess.TASK_CARRY_OUT)
            .singleResult());
    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_RESIDENTS_CARRY_OUT);
    complete(task(instance));
    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_RECORD_RESULT);
    Assertions.assertThat(steps).containsExactly("职能部门落实完成", "本级落实完成", "居民落实完成");
  }

  @Test
  void departmentOrderWithPresetDepartmentsSkipsTheChoice() {
    Map<String, Object> order = resolved();
    order.put(IMPLEMENTER.name(), DEPARTMENTS);
    order.put(SUMMONED_DEPARTMENTS.name(), List.of("dept-urban"));
    order.put(RESOLUTION.name(), "转综合行政执法局处理：城市道路路灯损坏。");

    ProcessInstance instance = start(order);

    assertThat(instance)
        .isWaitingAt(ImplementationProcess.CALL_SUMMON_DEPARTMENTS)
        .hasNotPassed(ImplementationProcess.TASK_ASSIGN_IMPLEMENTER);
    ProcessInstance summons = calledProcessInstance(DepartmentSummonsProcess.KEY, instance);
    assertThat(summons)
        .variables()
        .containsEntry(SUMMONED_DEPARTMENTS.name(), List.of("dept-urban"))
        .containsEntry(SUMMONS_TASK.name(), "转综合行政执法局处理：城市道路路灯损坏。");
    // only what the departments' steps read: no submitter's name or phone
    assertThat(summons)
        .variables()
        .containsOnlyKeys(
            CommonVariables.NUMBER.name(),
            CommonVariables.TITLE.name(),
            CommonVariables.TIME_LIMITS.name(),
            SUMMONED_DEPARTMENTS.name(),
            CommonVariables.SUMMONING_UNIT.name(),
            SUMMONS_TASK.name());
    complete(task(summons));

    ProcessInstance notice = recordSignAndNotice(instance, "路灯已修复。");
    complete(
        task(notice),
        Map.of(
            NOTICE_OUTCOME.name(),
            PublicNoticeProcess.NO_OBJECTION,
            NOTICE_ID.name(),
            "notice-10"));
    assertThat(instance).hasPassed(ImplementationProcess.EVENT_IMPLEMENTATION_DONE).isEnded();
    Assertions.assertThat(statuses).containsExactly("IN_IMPLEMENTATION", "IN_NOTICE");
  }

  @Test
  void departmentsPresetWithoutAnyDepartmentAreChosenByTheCaseworker() {
    Map<String, Object> order = resolved();
    order.put(IMPLEMENTER.name(), DEPARTMENTS);
    order.put(SUMMONED_DEPARTMENTS.name(), List.of());

    ProcessInstance instance = start(order);

    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_ASSIGN_IMPLEMENTER);
  }

  @Test
  void departmentsWithoutAnyDepartmentAreRefused() {
    ProcessInstance instance = start(resolved());
    Task assign = task(instance);

    assertRefused(
        assign,
        Map.of(IMPLEMENTER.name(), DEPARTMENTS),
        SUMMONED_DEPARTMENTS.name(),
        "由职能部门落实时，请至少选择一个职能部门");
    assertRefused(
        assign,
        Map.of(IMPLEMENTER.name(), DEPARTMENTS, SUMMONED_DEPARTMENTS.name(), List.of(" ")),
        SUMMONED_DEPARTMENTS.name(),
        "由职能部门落实时，请至少选择一个职能部门");
    assertRefused(
        assign,
        Map.of(
            IMPLEMENTER.name(),
            DEPARTMENTS,
            SUMMONED_DEPARTMENTS.name(),
            List.of("dept-police", "dept-nowhere")),
        SUMMONED_DEPARTMENTS.name(),
        "未知的职能部门：dept-nowhere");

    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_ASSIGN_IMPLEMENTER);
    Assertions.assertThat(runtimeService().getVariable(instance.getId(), IMPLEMENTER.name()))
        .as("nothing saved")
        .isNull();
  }

  @Test
  void missingOrUnknownImplementerIsRefused() {
    ProcessInstance instance = start(resolved());
    Task assign = task(instance);

    assertRefused(assign, Map.of(), IMPLEMENTERS.name(), "请选择落实方（可多选）");
    assertRefused(
        assign, Map.of(IMPLEMENTERS.name(), List.of()), IMPLEMENTERS.name(), "请选择落实方（可多选）");
    assertRefused(
        assign, Map.of(IMPLEMENTER.name(), "CONTRACTOR"), IMPLEMENTERS.name(), "未知的落实方：CONTRACTOR");
    assertRefused(
        assign,
        Map.of(IMPLEMENTERS.name(), List.of(RESIDENTS, "CONTRACTOR")),
        IMPLEMENTERS.name(),
        "未知的落实方：CONTRACTOR");
    assertRefused(
        assign,
        Map.of(
            IMPLEMENTERS.name(),
            List.of(RESIDENTS, DEPARTMENTS),
            SUMMONED_DEPARTMENTS.name(),
            List.of("dept-police"),
            DEPARTMENTS_TASK.name(),
            "长".repeat(ImplementerChoice.MAX_DEPARTMENTS_TASK + 1)),
        DEPARTMENTS_TASK.name(),
        "职能部门承担的事项不能超过2000字");
    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_ASSIGN_IMPLEMENTER);
  }

  @Test
  void missingOrOverlongResultOrAnUnknownRecorderIsRefused() {
    ProcessInstance instance = start(resolved());
    complete(task(instance), Map.of(IMPLEMENTER.name(), SELF));
    complete(task(instance));
    Task record = task(instance);

    assertRefused(record, Map.of(), RESULT.name(), "请填写落实结果");
    assertRefused(record, Map.of(RESULT.name(), "   "), RESULT.name(), "请填写落实结果");
    assertRefused(
        record,
        Map.of(RESULT.name(), "长".repeat(RESULT_MAX_LENGTH + 1)),
        RESULT.name(),
        "落实结果不能超过5000字");
    assertRefused(
        record,
        Map.of(RESULT.name(), "已完成。"),
        RESULT_RECORDED_BY.name(),
        "无法确定落实结果记录人：请登录并认领任务后再提交");

    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_RECORD_RESULT);
    Assertions.assertThat(signedResults).isEmpty();
  }

  @Test
  void failedSignatureIsRetriedByTheEngineAndNothingIsNoticed() {
    ProcessInstance instance = start(resolved());
    complete(task(instance), Map.of(IMPLEMENTER.name(), SELF));
    complete(task(instance));
    taskService().claim(task(instance).getId(), "caseworker-zhao");
    complete(task(instance), Map.of(RESULT.name(), "已完成。"));
    signingFails = true;

    String jobId = job(instance).getId();
    Assertions.assertThatThrownBy(() -> managementService().executeJob(jobId))
        .hasMessageContaining("signature service unavailable");

    Assertions.assertThat(job(instance).getRetries()).isEqualTo(2);
    assertThat(instance).isWaitingAt(ImplementationProcess.TASK_SIGN_RESULT);
    Assertions.assertThat(statuses).containsExactly("IN_IMPLEMENTATION");

    signingFails = false;
    execute(job(instance));
    assertThat(instance)
        .isWaitingAt(ImplementationProcess.CALL_PUBLISH_RESULT)
        .variables()
        .containsEntry(RESULT_RECORD_ID.name(), "record-1");
  }

  /**
   * The engine refuses the completion; it wraps the listener's exception (ENGINE-03051) and its
   * message still carries the Chinese text.
   */
  private static void assertRefused(
      Task task, Map<String, Object> variables, String field, String message) {
    Assertions.assertThatThrownBy(() -> taskService().complete(task.getId(), variables))
        .hasMessageContaining(message)
        .hasRootCauseInstanceOf(InvalidStepInputException.class)
        .rootCause()
        .hasMessage(message)
        .satisfies(
            e -> Assertions.assertThat(((InvalidStepInputException) e).field()).isEqualTo(field));
  }
}
