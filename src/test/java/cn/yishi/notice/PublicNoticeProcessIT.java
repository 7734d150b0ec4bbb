package cn.yishi.notice;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.notice.PublicNoticeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.CommonVariables;
import cn.yishi.organisation.Groups;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
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
 * The diagram publicNotice with the real notice board (bean {@code notices}, H2 and PostgreSQL):
 * what the process posts is on the board, a resident's objection reaches the instance by its
 * noticeId and becomes a judging task for the owning level (the level above from the third round),
 * an unfounded one's reply is shown on the notice, a well-founded one withdraws it, and the end of
 * the period closes the notice. Jobs are run by the test.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "yishi.deployment.resources=classpath*:processes/publicNotice.bpmn"
    })
class PublicNoticeProcessIT {

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired PublicNotices notices;
  @Autowired ObjectionIntake objections;
  @Autowired Groups groups;

  private static final String COMMUNITY = "jn-jld-jldbl"; // 九里堤北路社区
  private static final String STREET = "jn-jld"; // 九里堤街道

  /** Starts a result notice and runs its publication job; returns the instance. */
  private ProcessInstance postResult() {
    return postResult("JN-2026-" + UUID.randomUUID().toString().substring(0, 6));
  }

  private ProcessInstance postResult(String number) {
    return postResult(number, 3);
  }

  /** A result notice; from objection round {@code roundLevelAbove} on the level above judges. */
  private ProcessInstance postResult(String number, int roundLevelAbove) {
    Map<String, Object> v = new HashMap<>();
    v.put(CommonVariables.DELIBERATION_UNIT.name(), COMMUNITY);
    v.put(CommonVariables.NUMBER.name(), number);
    v.put(CommonVariables.TITLE.name(), "马鞍北路8号院清理飞线充电");
    v.put(NOTICE_KIND.name(), KIND_RESULT);
    v.put(NOTICE_CONTENT.name(), "居民已自行拆除飞线，院内新设充电桩12个。");
    v.put(
        TIME_LIMITS.name(),
        Map.of(
            NOTICE_PERIOD,
            "P7D",
            "responseWithin",
            "P1D",
            OBJECTION_ROUND_LEVEL_ABOVE,
            roundLevelAbove));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, number, v);
    Job publication =
        managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.executeJob(publication.getId());
    return instance;
  }

  private String noticeIdOf(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), NOTICE_ID.name());
  }

  private Object finalVariable(ProcessInstance instance, String name) {
    return historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private PublicNotice board(String id) {
    return notices.list().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  private Task judgingTask(ProcessInstance instance) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(PublicNoticeProcess.TASK_JUDGE_OBJECTION)
        .singleResult();
  }

  private void judge(Task task, String judgement, String reply) {
    taskService.complete(
        task.getId(), Map.of(OBJECTION_JUDGEMENT.name(), judgement, OBJECTION_REPLY.name(), reply));
  }

  @Test
  void
      residentsObjectionIsJudgedByTheOwningLevelAndAnUnfoundedOneIsAnsweredOnTheNoticeWhichRunsOn() {
    ProcessInstance instance = postResult();
    String id = noticeIdOf(instance);
    PublicNotice posted = board(id);
    assertThat(posted.open()).isTrue();
    assertThat(posted.kind()).isEqualTo(KIND_RESULT);
    assertThat(posted.content()).isEqualTo("居民已自行拆除飞线，院内新设充电桩12个。");
    assertThat(posted.replies()).isEmpty();
    assertThat(Duration.between(posted.from(), posted.to())).isEqualTo(Duration.ofDays(7));

    String objection = objections.raiseObjection(id, "赵先生", "13700000002", "三号楼的飞线还在。");

    Task task = judgingTask(instance);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(groups.caseworkers(COMMUNITY)));
    assertThat(taskService.getVariable(task.getId(), OBJECTION_ID.name())).isEqualTo(objection);
    assertThat(board(id).open())
        .as("the objection waits for judgement; the notice stays up")
        .isTrue();

    judge(task, UNFOUNDED, "三号楼的飞线已于3月4日拆除，见现场照片。");

    PublicNotice answered = board(id);
    assertThat(answered.open()).isTrue();
    assertThat(answered.replies())
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply.text()).isEqualTo("三号楼的飞线已于3月4日拆除，见现场照片。");
              assertThat(reply.at()).isNotNull();
            });
    assertThat(notices.objections(id))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("judgement")).isEqualTo(UNFOUNDED);
              assertThat(row.get("judged_by_unit")).isEqualTo(COMMUNITY);
            });
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isOne();

    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .singleResult()
            .getId());

    assertThat(finalVariable(instance, NOTICE_OUTCOME.name())).isEqualTo(NO_OBJECTION);
    assertThat(board(id).open()).isFalse();
    assertThat(board(id).replies()).hasSize(1);
  }

  @Test
  void aWellFoundedObjectionWithdrawsTheNoticeObjectedAndTakesNoMore() {
    ProcessInstance instance = postResult();
    String id = noticeIdOf(instance);
    objections.raiseObjection(id, "赵先生", "13700000002", "三号楼的飞线还在。");

    judge(judgingTask(instance), WELL_FOUNDED, "现场核实飞线仍在，退回重新协商。");

    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(finalVariable(instance, NOTICE_OUTCOME.name())).isEqualTo(OBJECTED);
    assertThat(finalVariable(instance, NOTICE_ID.name())).isEqualTo(id);
    assertThat(board(id).open()).isFalse();
    assertThat(board(id).replies()).as("only unfounded objections get a public reply").isEmpty();
    assertThat(notices.objections(id))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("judgement")).isEqualTo(WELL_FOUNDED);
              assertThat(row.get("pauses_work")).isEqualTo(false);
            });
    assertThatThrownBy(() -> objections.raiseObjection(id, "钱女士", "13700000003", "同意"))
        .isInstanceOf(NoticeClosedException.class);
  }

  @Test
  void fromTheThirdObjectionRoundOnTheSameProposalTheLevelAboveJudges() {
    String number = "JN-2026-" + UUID.randomUUID().toString().substring(0, 6);
    for (int round = 1; round <= 2; round++) {
      ProcessInstance earlier = postResult(number);
      assertThat(runtimeService.getVariable(earlier.getId(), OBJECTION_ROUND.name()))
          .isEqualTo(round);
      assertThat(runtimeService.getVariable(earlier.getId(), OBJECTION_JUDGE_UNIT.name()))
          .isEqualTo(COMMUNITY);
      objections.raiseObjection(noticeIdOf(earlier), "赵先生", "13700000002", "第" + round + "轮：飞线还在。");
      judge(judgingTask(earlier), WELL_FOUNDED, "退回重新协商。");
    }
    ProcessInstance unobjected =
        postResult("JN-2026-" + UUID.randomUUID().toString().substring(0, 6));
    assertThat(runtimeService.getVariable(unobjected.getId(), OBJECTION_ROUND.name()))
        .as("another proposal")
        .isEqualTo(1);

    ProcessInstance third = postResult(number);
    assertThat(runtimeService.getVariable(third.getId(), OBJECTION_ROUND.name())).isEqualTo(3);
    assertThat(runtimeService.getVariable(third.getId(), OBJECTION_JUDGE_UNIT.name()))
        .isEqualTo(STREET);
    objections.raiseObjection(noticeIdOf(third), "赵先生", "13700000002", "第3轮：飞线还在。");

    assertThat(taskService.getIdentityLinksForTask(judgingTask(third).getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(groups.caseworkers(STREET)));
  }

  @Test
  void theRoundFromWhichTheLevelAboveJudgesIsTheTimeLimitsTablesNumber() {
    String number = "JN-2026-" + UUID.randomUUID().toString().substring(0, 6);
    ProcessInstance first = postResult(number, 2);
    assertThat(runtimeService.getVariable(first.getId(), OBJECTION_JUDGE_UNIT.name()))
        .isEqualTo(COMMUNITY);
    objections.raiseObjection(noticeIdOf(first), "赵先生", "13700000002", "第1轮：飞线还在。");
    judge(judgingTask(first), WELL_FOUNDED, "退回重新协商。");

    ProcessInstance second = postResult(number, 2);
    assertThat(runtimeService.getVariable(second.getId(), OBJECTION_ROUND.name())).isEqualTo(2);
    assertThat(runtimeService.getVariable(second.getId(), OBJECTION_JUDGE_UNIT.name()))
        .isEqualTo(STREET);
  }

  @Test
  void noticeWithoutObjectionIsClosedWhenItsPeriodIsOver() {
    ProcessInstance instance = postResult();
    String id = noticeIdOf(instance);
    Job timer =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .singleResult();
    assertThat(timer.getDuedate().toInstant()).isAfterOrEqualTo(board(id).to().toInstant());

    managementService.executeJob(timer.getId());

    assertThat(finalVariable(instance, NOTICE_OUTCOME.name())).isEqualTo(NO_OBJECTION);
    assertThat(board(id).open()).isFalse();
    assertThatThrownBy(() -> objections.raiseObjection(id, "赵先生", "13700000002", "迟到的意见"))
        .isInstanceOf(NoticeClosedException.class);
  }
}
