package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.proposal.ProposalLifecycleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.common.CommonVariables;
import cn.yishi.notice.InvalidObjectionException;
import cn.yishi.notice.NoticeClosedException;
import cn.yishi.notice.NoticeNotFoundException;
import cn.yishi.notice.ObjectionIntake;
import cn.yishi.notice.PublicNotice;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.notice.PublicNotices;
import cn.yishi.notification.Notification;
import cn.yishi.notification.NotificationOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform services the procedures call, on the real database (H2 and PostgreSQL): proposal
 * numbers, the public status read model with its timeline, the notification outbox and its
 * delivery, and the public notice board. Jobs are executed by the test (job executor off). Test
 * processes (src/test/resources/platform) call the services as the procedures do.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // only the process these services start; the probes are deployed by the test
      "yishi.deployment.resources=classpath*:processes/notificationDelivery.bpmn"
    })
@ExtendWith(OutputCaptureExtension.class)
class PlatformServicesIT {

  private static final String PROBE = "platformStatusProbe";
  private static final String NOTICE_PROBE = "noticeProbe";
  private static final String PHONE = "13900000001";
  private static final String NEXT_STATUS = "nextStatus";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ProposalViewService views;
  @Autowired NotificationOutbox outbox;
  @Autowired PublicNotices notices;
  @Autowired ObjectionIntake objections;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void deployProbes() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
      repositoryService
          .createDeployment()
          .name("platform-services-it")
          .addClasspathResource("platform/status-probe.bpmn")
          .addClasspathResource("platform/notice-probe.bpmn")
          .deploy();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void clockAt(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  private static Map<String, Object> greening() {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE.name(), "金沙国际小区绿化提升");
    v.put(DESCRIPTION.name(), "小区中庭绿地裸露，建议补种草坪和灌木。");
    v.put(COMMUNITY.name(), "jn-jld-jldbl");
    v.put(COURTYARD.name(), "jn-jld-jldbl-jhy");
    v.put(SUBMITTER_NAME.name(), "李女士");
    v.put(SUBMITTER_PHONE.name(), PHONE);
    v.put(CATEGORY.name(), "CONSTRUCTION");
    v.put(MATTER_SCOPE.name(), "COMMUNITY");
    v.put(TRACK.name(), "MINOR");
    v.put(LEVEL.name(), "COMMUNITY");
    v.put(CO_SIGNERS.name(), 3);
    return v;
  }

  private ProcessInstance submit() {
    return runtimeService.startProcessInstanceByKey(PROBE, greening());
  }

  private String numberOf(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), NUMBER.name());
  }

  private long deliveriesOf(String number) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(cn.yishi.notification.NotificationDeliveryProcess.KEY)
        .processInstanceBusinessKey(number)
        .count();
  }

  // --- numbering -------------------------------------------------------------------------------

  @Test
  void numbersCountUpPerYearOfTheBusinessTimeZone() {
    clockAt("2030-12-31T15:00:00Z"); // 23:00 in Chengdu
    ProcessInstance first = submit();
    ProcessInstance second = submit();
    clockAt("2030-12-31T16:30:00Z"); // already 2031-01-01 00:30 in Chengdu
    ProcessInstance newYear = submit();
    clockAt("2030-12-31T15:30:00Z");
    ProcessInstance late = submit();

    assertThat(List.of(numberOf(first), numberOf(second), numberOf(newYear), numberOf(late)))
        .containsExactly("JN-2030-000001", "JN-2030-000002", "JN-2031-000001", "JN-2030-000003");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(newYear.getId())
                .singleResult()
                .getBusinessKey())
        .isEqualTo("JN-2031-000001");
    assertThat(runtimeService.getVariable(newYear.getId(), SUBMITTED_AT.name()))
        .isEqualTo("2031-01-01T00:30:00+08:00");
    assertThat(views.find("JN-2031-000001").orElseThrow().submittedAt())
        .isEqualTo(OffsetDateTime.parse("2031-01-01T00:30:00+08:00"));
  }

  @Test
  void twentyConcurrentFirstSubmissionsOfAYearGetNumbersOneToTwenty() throws Exception {
    clockAt("2040-06-01T02:00:00Z"); // a year nobody has numbered: all twenty race to create its
    // counter
    int submitters = 20;
    ExecutorService pool = Executors.newFixedThreadPool(submitters);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> numbers = new ArrayList<>();
    try {
      for (int i = 0; i < submitters; i++) {
        Callable<String> submitOne =
            () -> {
              go.await();
              return numberOf(submit());
            };
        numbers.add(pool.submit(submitOne));
      }
      go.countDown();
      List<String> taken = new ArrayList<>();
      for (Future<String> number : numbers) {
        taken.add(number.get(60, TimeUnit.SECONDS));
      }
      assertThat(taken)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.rangeClosed(1, submitters)
                  .mapToObj(n -> String.format("JN-2040-%06d", n))
                  .toList());
    } finally {
      pool.shutdownNow();
    }
  }

  // --- status, read model, timeline, outbox --------------------------------------------------

  @Test
  void statusChangeWritesVariableReadModelTimelineAndNotificationTogether() {
    ProcessInstance instance = submit();
    String number = numberOf(instance);

    assertThat(runtimeService.getVariable(instance.getId(), STATUS.name())).isEqualTo("SORTING");
    ProposalView view = views.find(number).orElseThrow();
    assertThat(view.status()).isEqualTo(ProposalStatus.SORTING);
    assertThat(view.title()).isEqualTo("金沙国际小区绿化提升");
    assertThat(view.community()).isEqualTo("jn-jld-jldbl");
    assertThat(view.category()).isEqualTo("CONSTRUCTION");
    assertThat(view.matterScope()).isEqualTo("COMMUNITY");
    assertThat(view.track()).isEqualTo("MINOR");
    assertThat(view.level()).isEqualTo("COMMUNITY");
    assertThat(view.coSigners()).isEqualTo(3);
    assertThat(view.submittedAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    assertThat(view.timeline())
        .extracting(ProposalView.TimelineEntry::step, ProposalView.TimelineEntry::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("分拣提案", "SORTING"));

    List<Notification> told = outbox.ofProposal(number);
    assertThat(told)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipientKind()).isEqualTo(Notification.PHONE);
              assertThat(n.recipient()).isEqualTo(PHONE);
              assertThat(n.message()).contains(number).contains("已受理");
              assertThat(n.delivered()).isFalse();
            });
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(cn.yishi.notification.NotificationDeliveryProcess.KEY)
                .variableValueEquals(
                    cn.yishi.notification.NotificationDeliveryProcess.NOTIFICATION_ID.name(),
                    told.get(0).id())
                .singleResult()
                .getBusinessKey())
        .isEqualTo(number);

    String sorting =
        taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    taskService.complete(
        sorting, Map.of(NEXT_STATUS, "REJECTED", REJECTION_REASON.name(), "属于物业合同约定的养护范围"));

    view = views.find(number).orElseThrow();
    assertThat(view.status()).isEqualTo(ProposalStatus.REJECTED);
    assertThat(view.timeline())
        .extracting(ProposalView.TimelineEntry::step, ProposalView.TimelineEntry::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("分拣提案", "SORTING"),
            org.assertj.core.groups.Tuple.tuple("分拣提案", "分拣完成"),
            org.assertj.core.groups.Tuple.tuple("逐级审议", "REJECTED"));
    assertThat(outbox.ofProposal(number))
        .extracting(Notification::message)
        .last()
        .asString()
        .contains("未予采纳")
        .contains("理由：属于物业合同约定的养护范围");
  }

  @Test
  void rolledBackStartLeavesNoStatusTimelineNotificationOrInstanceBehind() {
    String[] rolledBack = new String[1];
    transactions.executeWithoutResult(
        tx -> {
          rolledBack[0] = numberOf(submit());
          assertThat(views.find(rolledBack[0]))
              .isPresent(); // visible inside the step's transaction
          tx.setRollbackOnly();
        });

    String number = rolledBack[0];
    assertThat(views.find(number)).isEmpty();
    assertThat(views.timeline(number)).isEmpty();
    assertThat(outbox.ofProposal(number)).isEmpty();
    assertThat(deliveriesOf(number)).isZero();
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isZero();
    // numbers come from a sequence: the rolled-back one stays a gap, it is never given twice
    String next = numberOf(submit());
    assertThat(next).isNotEqualTo(number);
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isZero();
  }

  @Test
  void numbersContinueAfterTheLastOneTheOldCounterTableGave() {
    // a database numbered before the sequences: the year's counter row says 122 were given
    jdbc.update(
        "INSERT INTO proposal_number_counter (counter_year, last_number) VALUES (2050, 122)");
    clockAt("2050-03-01T02:00:00Z");

    assertThat(List.of(numberOf(submit()), numberOf(submit())))
        .containsExactly("JN-2050-000123", "JN-2050-000124");
  }

  @Test
  void unknownStatusFailsTheStepNamingItAndChangesNothing() {
    ProcessInstance instance = submit();
    String number = numberOf(instance);
    String sorting =
        taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    assertThatThrownBy(() -> taskService.complete(sorting, Map.of(NEXT_STATUS, "UNDER_REVEIW")))
        .hasMessageContaining("UNDER_REVEIW");

    assertThat(taskService.createTaskQuery().taskId(sorting).count()).isOne();
    assertThat(runtimeService.getVariable(instance.getId(), STATUS.name())).isEqualTo("SORTING");
    assertThat(views.find(number).orElseThrow().status()).isEqualTo(ProposalStatus.SORTING);
    assertThat(views.timeline(number)).hasSize(1);
    assertThat(outbox.ofProposal(number)).hasSize(1);
    assertThat(deliveriesOf(number)).isOne();
  }

  @Test
  void deliveryJobSendsTheNotificationThroughTheLogChannelWithTheNumberMasked(
      CapturedOutput output) {
    ProcessInstance proposal = submit();
    String number = numberOf(proposal);
    String deliveryId =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(cn.yishi.notification.NotificationDeliveryProcess.KEY)
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    Job job = managementService.createJobQuery().processInstanceId(deliveryId).singleResult();

    managementService.executeJob(job.getId());

    Notification delivered = outbox.ofProposal(number).get(0);
    assertThat(delivered.delivered()).isTrue();
    assertThat(delivered.attempts()).isOne();
    assertThat(delivered.channel()).isEqualTo("log");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(deliveryId).count())
        .isZero();
    // the outbox row is the delivery's record; the delivery instance leaves no history of its
    // own (QuietDeliveryHistory), while the proposal's own history stays complete
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(deliveryId)
                .count())
        .isZero();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(deliveryId)
                .count())
        .isZero();
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(deliveryId).count())
        .isZero();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(deliveryId)
                .count())
        .isZero();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(proposal.getId())
                .count())
        .isOne();
    assertThat(output.getOut()).contains("139****0001").contains(delivered.message());
  }

  // --- public notices ------------------------------------------------------------------------

  private ProcessInstance post(String number, String kind, String period) {
    Map<String, Object> v = new HashMap<>();
    v.put(NUMBER.name(), number);
    v.put(TITLE.name(), "星辉中路6号院加装电梯");
    v.put(CommonVariables.DELIBERATION_UNIT.name(), "jn-jld-jldbl");
    v.put(cn.yishi.common.CommonVariables.NOTICE_KIND.name(), kind);
    v.put(cn.yishi.common.CommonVariables.NOTICE_CONTENT.name(), "居民会议表决通过：加装电梯一部，费用按楼层分摊。");
    v.put(
        TIME_LIMITS.name(),
        Map.of("noticePeriod", period, "stepWithin", "P2D", "objectionRoundLevelAbove", 3));
    return runtimeService.startProcessInstanceByKey(NOTICE_PROBE, number, v);
  }

  private String noticeIdOf(ProcessInstance instance) {
    return (String)
        runtimeService.getVariable(
            instance.getId(), cn.yishi.common.CommonVariables.NOTICE_ID.name());
  }

  private PublicNotice board(String id) {
    return notices.list().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void noticeIsPostedForItsPeriodAndAnObjectionInThePeriodEndsItForTheProcess() {
    clockAt("2026-03-05T01:30:00Z"); // 09:30 in Chengdu
    ProcessInstance older = post("JN-2026-900001", "RESULT", "P7D");
    clockAt("2026-03-05T02:00:00Z");
    ProcessInstance resolution = post("JN-2026-900002", "RESOLUTION", "P7D");
    String id = noticeIdOf(resolution);

    assertThat(
            runtimeService.getVariable(
                resolution.getId(), cn.yishi.notice.PublicNoticeProcess.NOTICE_UNTIL.name()))
        .isEqualTo("2026-03-12T10:00:00+08:00");
    PublicNotice posted = board(id);
    assertThat(posted.proposalNumber()).isEqualTo("JN-2026-900002");
    assertThat(posted.title()).isEqualTo("星辉中路6号院加装电梯");
    assertThat(posted.kind()).isEqualTo("RESOLUTION");
    assertThat(posted.content()).contains("加装电梯一部");
    assertThat(posted.from()).isEqualTo(OffsetDateTime.parse("2026-03-05T10:00:00+08:00"));
    assertThat(posted.to()).isEqualTo(OffsetDateTime.parse("2026-03-12T10:00:00+08:00"));
    assertThat(posted.open()).isTrue();
    List<String> order = notices.list().stream().map(PublicNotice::id).toList();
    assertThat(order.indexOf(id)).isLessThan(order.indexOf(noticeIdOf(older))); // newest first

    clockAt("2026-03-11T02:00:00Z"); // the sixth day
    String objection = objections.raiseObjection(id, "赵先生", "13700000002", "一楼住户采光受影响，方案未征求意见。");

    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(resolution.getId())
                .count())
        .isZero();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(resolution.getId())
                .activityId(PublicNoticeProcess.EVENT_OBJECTED)
                .count())
        .isOne();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(resolution.getId())
                .variableName(cn.yishi.notice.PublicNoticeProcess.OBJECTION_ID.name())
                .singleResult()
                .getValue())
        .isEqualTo(objection);
    assertThat(notices.objections(id))
        .singleElement()
        .satisfies(row -> assertThat(row.get("objection_text")).isEqualTo("一楼住户采光受影响，方案未征求意见。"));
    assertThat(board(id).open())
        .as("an objection does not take the notice down: a judgement does")
        .isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(older.getId()).count())
        .isOne();
    // a later objection within the period is recorded too; the probe (waiting no more) reacted once
    objections.raiseObjection(id, "钱女士", "13700000003", "同意赵先生意见");
    assertThat(notices.objections(id)).hasSize(2);
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(resolution.getId())
                .activityId(PublicNoticeProcess.EVENT_OBJECTED)
                .count())
        .isOne();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(resolution.getId())
                .variableName(cn.yishi.notice.PublicNoticeProcess.OBJECTION_ID.name())
                .singleResult()
                .getValue())
        .isEqualTo(objection);
  }

  @Test
  void objectionAfterThePeriodIsRefusedAndTheNoticeStaysUntouched() {
    clockAt("2026-03-05T01:30:00Z");
    ProcessInstance urgent = post("JN-2026-900003", "RESOLUTION", "P3D");
    String id = noticeIdOf(urgent);

    clockAt("2026-03-08T01:30:00Z"); // three days later, exactly when the period ends
    assertThatThrownBy(() -> objections.raiseObjection(id, "赵先生", "13700000002", "迟到的意见"))
        .isInstanceOf(NoticeClosedException.class)
        .hasMessageContaining("2026-03-08T09:30:00+08:00");

    assertThat(board(id).open()).isFalse();
    assertThat(notices.objections(id)).isEmpty();
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(urgent.getId()).count())
        .isOne();
    assertThatThrownBy(() -> objections.raiseObjection(id, "赵先生", "13700000002", " "))
        .isInstanceOf(InvalidObjectionException.class)
        .hasMessageContaining("异议内容");
    assertThatThrownBy(() -> objections.raiseObjection("no-such-notice", "赵先生", "13700000002", "?"))
        .isInstanceOf(NoticeNotFoundException.class)
        .hasMessageContaining("no-such-notice");
  }

  @Test
  void closedNoticeTakesNoMoreObjections() {
    ProcessInstance instance = post("JN-2026-900004", "RESULT", "P7D");
    String id = noticeIdOf(instance);
    String wait =
        taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    taskService.complete(wait); // the process closes the notice (${notices.close(execution)})

    assertThat(board(id).open()).isFalse();
    assertThatThrownBy(() -> objections.raiseObjection(id, "赵先生", "13700000002", "意见"))
        .isInstanceOf(NoticeClosedException.class)
        .hasMessageContaining("已结束");
    assertThat(Duration.between(board(id).from(), board(id).to())).isEqualTo(Duration.ofDays(7));
  }
}
