package cn.yishi.notice;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.notice.PublicNoticeProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.yishi.common.CommonVariables;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.OrganisationService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Every path of publicNotice (公示): the period runs out; an objection is judged unfounded (a
 * reasoned reply, the notice runs on) or well-founded (back to deliberation); the period does not
 * end while an objection waits; two objections at once are two judging tasks.
 */
@Deployment(resources = "processes/publicNotice.bpmn")
class PublicNoticeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final OrganisationService ORGANISATION =
      new OrganisationService(new DefaultResourceLoader(), "classpath:organisation/jinniu.json");
  private static final String COMMUNITY = "jn-jld-jldbl"; // 九里堤北路社区
  private static final String STREET = "jn-jld"; // 九里堤街道

  private FakeNotices notices;

  @BeforeEach
  void registerNotices() {
    notices = new FakeNotices();
    Mocks.register("notices", notices);
    Mocks.register("groups", new Groups(ORGANISATION));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  private static Map<String, Object> resultNotice(String noticePeriod) {
    Map<String, Object> v = new HashMap<>();
    v.put(CommonVariables.NUMBER.name(), "JN-2026-000123");
    v.put(CommonVariables.TITLE.name(), "马鞍北路8号院清理飞线充电");
    v.put(CommonVariables.TRACK.name(), "MINOR");
    v.put(CommonVariables.DELIBERATION_UNIT.name(), COMMUNITY);
    v.put(NOTICE_KIND.name(), KIND_RESULT);
    v.put(NOTICE_CONTENT.name(), "居民已自行拆除飞线，院内新设充电桩12个。");
    Map<String, Object> timeLimits = new HashMap<>();
    timeLimits.put(NOTICE_PERIOD, noticePeriod);
    timeLimits.put(OBJECTION_ROUND_LEVEL_ABOVE, 3);
    timeLimits.put("responseWithin", "P1D");
    v.put(TIME_LIMITS.name(), timeLimits);
    return v;
  }

  /** Starts a notice and runs the asynchronous publication, as the job executor would. */
  private ProcessInstance publish(Map<String, Object> variables) {
    int postedBefore = notices.published.size();
    ProcessInstance instance =
        runtimeService().startProcessInstanceByKey(KEY, "JN-2026-000123", variables);
    assertThat(instance).isWaitingAt(PublicNoticeProcess.TASK_PUBLISH_NOTICE);
    Assertions.assertThat(notices.published)
        .as("nothing is posted before the job runs")
        .hasSize(postedBefore);
    execute(job(instance));
    Assertions.assertThat(notices.published).hasSize(postedBefore + 1);
    return instance;
  }

  /** A resident's objection, as notices.raiseObjection correlates it. */
  private static void object(String noticeId, String objectionId, String text) {
    runtimeService()
        .createMessageCorrelation(OBJECTION_MESSAGE)
        .processInstanceVariableEquals(NOTICE_ID.name(), noticeId)
        .setVariable(OBJECTION_ID.name(), objectionId)
        .setVariable(OBJECTOR_NAME.name(), "赵先生")
        .setVariable(OBJECTION_TEXT.name(), text)
        .correlate();
  }

  private static Task judgingTaskFor(ProcessInstance instance, String objectionId) {
    return taskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(PublicNoticeProcess.TASK_JUDGE_OBJECTION)
        .list()
        .stream()
        .filter(t -> objectionId.equals(taskService().getVariable(t.getId(), OBJECTION_ID.name())))
        .findFirst()
        .orElseThrow();
  }

  private static void judge(Task task, String judgement, String reply, Boolean pausesWork) {
    Map<String, Object> v = new HashMap<>();
    v.put(OBJECTION_JUDGEMENT.name(), judgement);
    v.put(OBJECTION_REPLY.name(), reply);
    if (pausesWork != null) {
      v.put(OBJECTION_PAUSES_WORK.name(), pausesWork);
    }
    taskService().complete(task.getId(), v);
  }

  private static Job periodTimer(ProcessInstance instance) {
    return jobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  @Test
  void noticeWithoutObjectionEndsNoObjectionWhenTheSevenDayPeriodIsOver() {
    Instant before = Instant.now();
    ProcessInstance instance = publish(resultNotice("P7D"));

    assertThat(instance).isWaitingAt(PublicNoticeProcess.EVENT_NOTICE_PERIOD_ENDED);
    Assertions.assertThat(notices.published).containsExactly("RESULT: 居民已自行拆除飞线，院内新设充电桩12个。");
    assertThat(instance)
        .variables()
        .containsEntry(NOTICE_ID.name(), "notice-1")
        .containsKey(NOTICE_UNTIL.name());
    Job timer = periodTimer(instance);
    Assertions.assertThat(timer.getDuedate().toInstant())
        .isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));

    execute(timer);

    assertThat(instance)
        .hasPassed(
            PublicNoticeProcess.EVENT_NOTICE_PERIOD_OVER,
            PublicNoticeProcess.TASK_CLOSE_NOTICE_AT_PERIOD_END,
            PublicNoticeProcess.EVENT_NO_OBJECTION)
        .isEnded();
    assertThat(instance).hasNotPassed(PublicNoticeProcess.EVENT_OBJECTION_RECEIVED);
    assertThat(instance)
        .variables()
        .containsEntry(NOTICE_OUTCOME.name(), NO_OBJECTION)
        .containsEntry(NOTICE_ID.name(), "notice-1");
    Assertions.assertThat(notices.closed).containsExactly("notice-1");
  }

  @Test
  void urgentMattersAreNoticedForTheirShorterPeriod() {
    Instant before = Instant.now();
    ProcessInstance instance = publish(resultNotice("P3D"));

    Assertions.assertThat(periodTimer(instance).getDuedate().toInstant())
        .isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
  }

  @Test
  void
      anObjectionBecomesAJudgingTaskForTheOwningLevelAndAnUnfoundedOneIsAnsweredAndTheNoticeRunsOn() {
    ProcessInstance instance = publish(resultNotice("P7D"));

    object("notice-1", "objection-1", "三号楼的飞线还在。");

    Task task = judgingTaskFor(instance, "objection-1");
    assertThat(task).hasCandidateGroup(new Groups(ORGANISATION).caseworkers(COMMUNITY));
    Assertions.assertThat(task.getDueDate()).isNotNull();
    Assertions.assertThat(taskService().getVariable(task.getId(), OBJECTION_TEXT.name()))
        .isEqualTo("三号楼的飞线还在。");
    Assertions.assertThat(notices.closed)
        .as("an objection does not take the notice down")
        .isEmpty();

    judge(task, UNFOUNDED, "三号楼的飞线已于3月4日拆除，现场照片见公示附件。", null);

    assertThat(instance)
        .hasPassed(
            PublicNoticeProcess.TASK_RECORD_JUDGEMENT, PublicNoticeProcess.EVENT_OBJECTION_ANSWERED)
        .isNotEnded();
    assertThat(instance).isWaitingAt(PublicNoticeProcess.EVENT_NOTICE_PERIOD_ENDED);
    Assertions.assertThat(notices.judged)
        .containsExactly("objection-1 UNFOUNDED 三号楼的飞线已于3月4日拆除，现场照片见公示附件。");

    execute(periodTimer(instance));

    assertThat(instance)
        .isEnded()
        .hasPassed(PublicNoticeProcess.EVENT_NO_OBJECTION)
        .hasNotPassed(PublicNoticeProcess.EVENT_OBJECTED);
    assertThat(instance).variables().containsEntry(NOTICE_OUTCOME.name(), NO_OBJECTION);
  }

  @Test
  void aWellFoundedObjectionWithdrawsTheNoticeAndSendsTheMatterBackToDeliberation() {
    ProcessInstance instance = publish(resultNotice("P7D"));
    object("notice-1", "objection-1", "一楼住户采光受影响，方案未征求意见。");

    judge(judgingTaskFor(instance, "objection-1"), WELL_FOUNDED, "确未征求一楼住户意见，退回重新协商。", null);

    assertThat(instance)
        .hasPassed(
            PublicNoticeProcess.EVENT_OBJECTION_UPHELD,
            PublicNoticeProcess.EVENT_OBJECTION_UPHELD_CAUGHT,
            PublicNoticeProcess.TASK_CLOSE_NOTICE_ON_OBJECTION,
            PublicNoticeProcess.EVENT_OBJECTED)
        .isEnded()
        .hasNotPassed(
            PublicNoticeProcess.EVENT_NOTICE_PERIOD_OVER,
            PublicNoticeProcess.TASK_CLOSE_NOTICE_AT_PERIOD_END);
    assertThat(instance)
        .variables()
        .containsEntry(NOTICE_OUTCOME.name(), OBJECTED)
        .containsEntry(OBJECTION_PAUSES_WORK.name(), false);
    Assertions.assertThat(notices.closed).containsExactly("notice-1");
    Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count())
        .as("the period timer is gone")
        .isZero();
  }

  @Test
  void forAnUrgentMatterTheJudgeRecordsWhetherWorkUnderWayPauses() {
    Map<String, Object> urgent = resultNotice("P3D");
    urgent.put(CommonVariables.TRACK.name(), "URGENT");
    urgent.put(NOTICE_KIND.name(), KIND_RESOLUTION);
    ProcessInstance instance = publish(urgent);
    object("notice-1", "objection-1", "抢修方案会堵住消防通道。");

    judge(judgingTaskFor(instance, "objection-1"), WELL_FOUNDED, "消防通道问题属实，暂停施工，重新协商。", true);

    assertThat(instance)
        .isEnded()
        .variables()
        .containsEntry(NOTICE_OUTCOME.name(), OBJECTED)
        .containsEntry(OBJECTION_PAUSES_WORK.name(), true);
    Assertions.assertThat(notices.judged)
        .containsExactly("objection-1 WELL_FOUNDED 消防通道问题属实，暂停施工，重新协商。 pauses");
  }

  @Test
  void theNoticePeriodDoesNotEndWhileAnObjectionWaitsForJudgement() {
    ProcessInstance instance = publish(resultNotice("P7D"));
    object("notice-1", "objection-1", "三号楼的飞线还在。");

    execute(periodTimer(instance)); // the seven days are over, the objection is not yet judged

    assertThat(instance)
        .hasPassed(PublicNoticeProcess.EVENT_NOTICE_PERIOD_OVER)
        .isNotEnded()
        .isWaitingAt(PublicNoticeProcess.TASK_JUDGE_OBJECTION);
    assertThat(instance).hasNotPassed(PublicNoticeProcess.TASK_CLOSE_NOTICE_AT_PERIOD_END);
    Assertions.assertThat(notices.closed).isEmpty();

    judge(judgingTaskFor(instance, "objection-1"), UNFOUNDED, "飞线已拆除。", null);

    assertThat(instance)
        .isEnded()
        .hasPassed(
            PublicNoticeProcess.TASK_CLOSE_NOTICE_AT_PERIOD_END,
            PublicNoticeProcess.EVENT_NO_OBJECTION);
    assertThat(instance).variables().containsEntry(NOTICE_OUTCOME.name(), NO_OBJECTION);
  }

  @Test
  void anObjectionJudgedWellFoundedAfterThePeriodStillSendsTheMatterBack() {
    ProcessInstance instance = publish(resultNotice("P7D"));
    object("notice-1", "objection-1", "三号楼的飞线还在。");
    execute(periodTimer(instance));

    judge(judgingTaskFor(instance, "objection-1"), WELL_FOUNDED, "现场核实飞线仍在。", null);

    assertThat(instance)
        .isEnded()
        .hasPassed(PublicNoticeProcess.EVENT_OBJECTED)
        .hasNotPassed(PublicNoticeProcess.TASK_CLOSE_NOTICE_AT_PERIOD_END);
    assertThat(instance).variables().containsEntry(NOTICE_OUTCOME.name(), OBJECTED);
  }

  @Test
  void twoObjectionsAtOnceAreTwoJudgingTasksEachWithItsOwnObjection() {
    ProcessInstance instance = publish(resultNotice("P7D"));

    object("notice-1", "objection-1", "三号楼的飞线还在。");
    object("notice-1", "objection-2", "充电桩数量不够。");

    Assertions.assertThat(
            taskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(PublicNoticeProcess.TASK_JUDGE_OBJECTION)
                .count())
        .isEqualTo(2);
    Task first = judgingTaskFor(instance, "objection-1");
    Task second = judgingTaskFor(instance, "objection-2");
    Assertions.assertThat(taskService().getVariable(first.getId(), OBJECTION_TEXT.name()))
        .isEqualTo("三号楼的飞线还在。");
    Assertions.assertThat(taskService().getVariable(second.getId(), OBJECTION_TEXT.name()))
        .isEqualTo("充电桩数量不够。");

    judge(second, UNFOUNDED, "充电桩按住户申报数量设置。", null);
    assertThat(instance).isNotEnded();
    judge(first, WELL_FOUNDED, "飞线仍在，退回。", null);

    assertThat(instance).isEnded().variables().containsEntry(NOTICE_OUTCOME.name(), OBJECTED);
    Assertions.assertThat(notices.judged)
        .containsExactly(
            "objection-2 UNFOUNDED 充电桩按住户申报数量设置。", "objection-1 WELL_FOUNDED 飞线仍在，退回。");
  }

  @Test
  void fromTheThirdRoundTheLevelAboveJudges() {
    notices.judgeUnit = STREET; // what notices.publish sets from the third objection round on
    ProcessInstance instance = publish(resultNotice("P7D"));
    object("notice-1", "objection-1", "第三次提出：飞线还在。");

    assertThat(judgingTaskFor(instance, "objection-1"))
        .hasCandidateGroup(new Groups(ORGANISATION).caseworkers(STREET));
  }

  @Test
  void objectionReachesOnlyTheNoticeItIsAbout() {
    ProcessInstance first = publish(resultNotice("P7D"));
    Map<String, Object> resolution = resultNotice("P7D");
    resolution.put(NOTICE_KIND.name(), KIND_RESOLUTION);
    resolution.put(NOTICE_CONTENT.name(), "决议：在院内设集中充电点。");
    ProcessInstance second = publish(resolution);
    assertThat(second).variables().containsEntry(NOTICE_ID.name(), "notice-2");

    object("notice-2", "objection-1", "不同意设在院内。");

    assertThat(second).isWaitingAt(PublicNoticeProcess.TASK_JUDGE_OBJECTION);
    assertThat(first).isWaitingAt(PublicNoticeProcess.EVENT_NOTICE_PERIOD_ENDED);
    Assertions.assertThat(taskQuery().processInstanceId(first.getId()).count()).isZero();
    Assertions.assertThat(notices.published).contains("RESOLUTION: 决议：在院内设集中充电点。");
  }

  @Test
  void failedPublicationIsRetriedByTheEngineAndPostsNothing() {
    notices.failPublishing = true;
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, resultNotice("P7D"));
    Job publication = job(instance);

    Assertions.assertThatThrownBy(() -> managementService().executeJob(publication.getId()))
        .hasMessageContaining("notice board unavailable");

    Assertions.assertThat(job(instance).getRetries()).isEqualTo(2);
    assertThat(instance).isWaitingAt(PublicNoticeProcess.TASK_PUBLISH_NOTICE);
    Assertions.assertThat(notices.published).isEmpty();
  }

  /**
   * Stands in for the {@code notices} service: numbers notices and records what was posted, judged
   * and closed.
   */
  public static class FakeNotices {
    final List<String> published = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    final List<String> judged = new ArrayList<>();
    boolean failPublishing;
    String judgeUnit;

    public void publish(DelegateExecution execution) {
      if (failPublishing) {
        throw new IllegalStateException("notice board unavailable");
      }
      published.add(
          execution.getVariable(NOTICE_KIND.name())
              + ": "
              + execution.getVariable(NOTICE_CONTENT.name()));
      execution.setVariable(NOTICE_ID.name(), "notice-" + published.size());
      execution.setVariable(NOTICE_UNTIL.name(), new java.util.Date());
      execution.setVariable(OBJECTION_ROUND.name(), judgeUnit == null ? 1 : 3);
      execution.setVariable(
          OBJECTION_JUDGE_UNIT.name(),
          judgeUnit == null
              ? execution.getVariable(CommonVariables.DELIBERATION_UNIT.name())
              : judgeUnit);
    }

    public void judge(DelegateExecution execution) {
      boolean wellFounded = WELL_FOUNDED.equals(execution.getVariable(OBJECTION_JUDGEMENT.name()));
      if (wellFounded) {
        execution.setVariable(
            OBJECTION_PAUSES_WORK.name(),
            Boolean.TRUE.equals(execution.getVariable(OBJECTION_PAUSES_WORK.name())));
      }
      judged.add(
          execution.getVariable(JUDGED_OBJECTION_ID.name())
              + " "
              + execution.getVariable(OBJECTION_JUDGEMENT.name())
              + " "
              + execution.getVariable(OBJECTION_REPLY.name())
              + (wellFounded
                      && Boolean.TRUE.equals(execution.getVariable(OBJECTION_PAUSES_WORK.name()))
                  ? " pauses"
                  : ""));
    }

    public void close(DelegateExecution execution) {
      closed.add(String.valueOf(execution.getVariable(NOTICE_ID.name())));
    }
  }
}
