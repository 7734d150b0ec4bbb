package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static cn.yishi.deliberation.CourtyardDeliberationProcess.*;
import static cn.yishi.deliberation.DeliberationMeetingProcess.PASSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * courtyardDeliberation with the real beans and the real deliberationMeeting (H2 and PostgreSQL):
 * the convenor of 马东大院 puts a plan to the courtyard group, the group's meeting passes it (decision
 * meetingResolution, signed record), and the matter is settled at the courtyard. Jobs are run by
 * the test.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "yishi.deployment.resources=classpath*:processes/courtyardDeliberation.bpmn,"
          + "classpath*:processes/deliberationMeeting.bpmn,classpath*:decisions/meetingResolution.dmn"
    })
class CourtyardDeliberationJourneyIT {

  private static final String COURTYARD = "jn-smq-ma-mddy";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  private ProcessInstance start() {
    String number = "JN-2026-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER.name(), number);
    v.put(TITLE.name(), "马东大院环境整治");
    v.put(COMMUNITY.name(), "jn-smq-ma");
    v.put(cn.yishi.proposal.ProposalLifecycleProcess.COURTYARD.name(), COURTYARD);
    v.put(DELIBERATION_UNIT.name(), COURTYARD);
    v.put(
        TIME_LIMITS.name(),
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
    return runtimeService.startProcessInstanceByKey(KEY, number, v);
  }

  private static List<String> candidateGroups(TaskService taskService, Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(l -> l.getGroupId())
        .toList();
  }

  private Object finalVariable(ProcessInstance instance, String name) {
    return historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  @Test
  void planPassedByTheCourtyardGroupsMeetingSettlesTheMatterAtTheCourtyard() {
    ProcessInstance instance = start();
    Task prepare = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(candidateGroups(taskService, prepare)).containsExactly(COURTYARD + ".caseworker");
    assertThatThrownBy(
            () ->
                taskService.complete(
                    prepare.getId(), Map.of(COURTYARD_PREPARATION.name(), DELIBERATE)))
        .hasMessageContaining("请填写提交院落议事小组的方案");

    String plan = "清理院内堆积杂物，由院落自管小组与保洁公司分片负责。";
    taskService.complete(
        prepare.getId(),
        Map.of(COURTYARD_PREPARATION.name(), DELIBERATE, MEETING_PLAN.name(), plan));

    ProcessInstance meeting =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(instance.getId())
            .singleResult();
    Task hold = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();
    assertThat(candidateGroups(taskService, hold)).containsExactly(COURTYARD + ".committee");
    identityService.setAuthentication("recorder-wang", List.of(COURTYARD + ".committee"));
    try {
      taskService.complete(
          hold.getId(),
          Map.of(
              DeliberationMeetingProcess.MEMBERS.name(),
              7,
              DeliberationMeetingProcess.PRESENT.name(),
              6,
              DeliberationMeetingProcess.IN_FAVOUR.name(),
              5,
              DeliberationMeetingProcess.PARTICIPANTS.name(),
              "王大爷\n李阿姨\n张师傅\n刘女士\n陈先生\n赵先生"));
    } finally {
      identityService.clearAuthentication();
    }
    Job sign = managementService.createJobQuery().processInstanceId(meeting.getId()).singleResult();
    managementService.executeJob(sign.getId());

    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(finalVariable(instance, MEETING_OUTCOME.name())).isEqualTo(PASSED);
    assertThat(finalVariable(instance, MEETING_RECORD_ID.name())).isNotNull();
    assertThat(finalVariable(instance, DELIBERATION_OUTCOME.name())).isEqualTo(RESOLVED);
    assertThat(finalVariable(instance, RESOLUTION.name())).isEqualTo(plan);
  }

  @Test
  void convenorRaisesTheMatterToACommunityProposal() {
    ProcessInstance instance = start();
    Task prepare = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    taskService.complete(
        prepare.getId(),
        Map.of(COURTYARD_PREPARATION.name(), RAISE, RAISE_REASON.name(), "涉及社区公共区域，院落无权处置。"));

    assertThat(finalVariable(instance, DELIBERATION_OUTCOME.name())).isEqualTo(RAISED);
    assertThat(finalVariable(instance, RAISE_REASON.name())).isEqualTo("涉及社区公共区域，院落无权处置。");
  }
}
