package cn.yishi.implementation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.implementation.ImplementationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.CommonVariables;
import cn.yishi.notice.PublicNotice;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.notice.PublicNotices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * implementation and publicNotice with the real beans (H2 and PostgreSQL): the flying-wires case
 * carried out by the courtyard's residents, the result signed and posted on the notice board, and
 * the proposal's public status following along. Jobs are run by the test.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "yishi.deployment.resources=classpath*:processes/implementation.bpmn,classpath*:processes/publicNotice.bpmn"
    })
class ImplementationJourneyIT {

  private static final String COURTYARD = "jn-smq-ma-mabl8";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired PublicNotices notices;
  @Autowired JdbcTemplate jdbc;

  private Task openTask(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void runJobOf(String processInstanceId) {
    Job job =
        managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
    managementService.executeJob(job.getId());
  }

  private String statusOf(String number) {
    return jdbc.queryForObject(
        "SELECT status FROM proposal_view WHERE number = ?", String.class, number);
  }

  @Test
  void residentsCarryOutThePlanAndTheSignedResultIsPostedAndNoticedWithoutObjection() {
    String number = "JN-2026-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> v = new HashMap<>();
    v.put(CommonVariables.NUMBER.name(), number);
    v.put(CommonVariables.TITLE.name(), "马鞍北路8号院清理飞线充电");
    v.put(CommonVariables.COMMUNITY.name(), "jn-smq-ma");
    v.put(cn.yishi.proposal.ProposalLifecycleProcess.COURTYARD.name(), COURTYARD);
    v.put(DELIBERATION_UNIT.name(), COURTYARD);
    v.put(RESOLUTION.name(), "在院内设集中充电点，居民自行拆除飞线。");
    v.put(
        CommonVariables.TIME_LIMITS.name(),
        Map.of(
            "responseWithin",
            "P1D",
            "resolveWithin",
            "P7D",
            "stepWithin",
            "P3D",
            "noticePeriod",
            "P7D",
            "objectionRoundLevelAbove",
            3));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, number, v);
    assertThat(statusOf(number)).isEqualTo("IN_IMPLEMENTATION");

    Task assign = openTask(instance);
    assertThat(taskService.getIdentityLinksForTask(assign.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(COURTYARD + ".caseworker"));
    assertThat(
            String.valueOf(
                runtimeService.getVariableLocal(
                    assign.getExecutionId(), DEPARTMENT_OPTIONS.name())))
        .contains("\"value\":\"dept-police\"");
    assertThatThrownBy(
            () ->
                taskService.complete(
                    assign.getId(),
                    Map.of(
                        IMPLEMENTER.name(),
                        DEPARTMENTS,
                        SUMMONED_DEPARTMENTS.name(),
                        List.of("dept-nowhere"))))
        .hasMessageContaining("未知的职能部门：dept-nowhere");
    taskService.complete(assign.getId(), Map.of(IMPLEMENTERS.name(), List.of(RESIDENTS)));
    Task residents = openTask(instance);
    assertThat(residents.getTaskDefinitionKey())
        .isEqualTo(ImplementationProcess.TASK_RESIDENTS_CARRY_OUT);
    taskService.complete(residents.getId(), Map.of(RESIDENTS_NOTE.name(), "居民分楼栋拆除。"));

    // the courtyard group's convenor, logged in to Tasklist
    identityService.setAuthentication("convenor-li", List.of(COURTYARD + ".caseworker"));
    try {
      taskService.complete(openTask(instance).getId(), Map.of(RESULT.name(), "飞线全部拆除，新设充电桩12个。"));
    } finally {
      identityService.clearAuthentication();
    }
    runJobOf(instance.getId()); // sign the result
    assertThat(runtimeService.getVariable(instance.getId(), RESULT_RECORD_ID.name())).isNotNull();
    assertThat(runtimeService.getVariable(instance.getId(), RESULT_RECORDED_BY.name()))
        .isEqualTo("convenor-li");
    assertThat(statusOf(number)).isEqualTo("IN_NOTICE");

    ProcessInstance notice =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .singleResult();
    runJobOf(notice.getId()); // publish
    String noticeId = (String) runtimeService.getVariable(notice.getId(), NOTICE_ID.name());
    PublicNotice posted = notices.find(noticeId).orElseThrow();
    assertThat(posted.kind()).isEqualTo(PublicNoticeProcess.KIND_RESULT);
    assertThat(posted.proposalNumber()).isEqualTo(number);
    assertThat(posted.content()).isEqualTo("飞线全部拆除，新设充电桩12个。");

    runJobOf(notice.getId()); // the notice period is over

    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(IMPLEMENTATION_OUTCOME.name())
                .singleResult()
                .getValue())
        .isEqualTo(DONE);
    assertThat(notices.find(noticeId).orElseThrow().open()).isFalse();
  }
}
