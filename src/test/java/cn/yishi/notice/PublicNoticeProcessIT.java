package cn.yishi.notice;

import static cn.yishi.notice.PublicNoticeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The diagram publicNotice with the real notice board (bean {@code notices}, H2 and PostgreSQL):
 * what the process posts is on the board, a resident's objection reaches the waiting instance by
 * its noticeId, and the end of the period closes the notice. Jobs are run by the test.
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
  @Autowired Notices notices;

  /** Starts a result notice and runs its publication job; returns the instance. */
  private ProcessInstance postResult() {
    String number = "JN-2026-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> v = new HashMap<>();
    v.put("number", number);
    v.put("title", "马鞍北路8号院清理飞线充电");
    v.put(NOTICE_KIND, KIND_RESULT);
    v.put(NOTICE_CONTENT, "居民已自行拆除飞线，院内新设充电桩12个。");
    v.put(TIME_LIMITS, Map.of(NOTICE_PERIOD, "P7D"));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, number, v);
    Job publication = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.executeJob(publication.getId());
    return instance;
  }

  private String noticeIdOf(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), NOTICE_ID);
  }

  private Object finalVariable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private PublicNotice board(String id) {
    return notices.list().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void residentsObjectionOnTheBoardEndsThePostedResultNoticeObjected() {
    ProcessInstance instance = postResult();
    String id = noticeIdOf(instance);
    PublicNotice posted = board(id);
    assertThat(posted.open()).isTrue();
    assertThat(posted.kind()).isEqualTo(KIND_RESULT);
    assertThat(posted.content()).isEqualTo("居民已自行拆除飞线，院内新设充电桩12个。");
    assertThat(Duration.between(posted.from(), posted.to())).isEqualTo(Duration.ofDays(7));

    notices.raiseObjection(id, "赵先生", "13700000002", "三号楼的飞线还在。");

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(finalVariable(instance, NOTICE_OUTCOME)).isEqualTo(OBJECTED);
    assertThat(finalVariable(instance, NOTICE_ID)).isEqualTo(id);
    assertThat(board(id).open()).isFalse();
  }

  @Test
  void noticeWithoutObjectionIsClosedWhenItsPeriodIsOver() {
    ProcessInstance instance = postResult();
    String id = noticeIdOf(instance);
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isAfterOrEqualTo(board(id).to().toInstant());

    managementService.executeJob(timer.getId());

    assertThat(finalVariable(instance, NOTICE_OUTCOME)).isEqualTo(NO_OBJECTION);
    assertThat(board(id).open()).isFalse();
    assertThatThrownBy(() -> notices.raiseObjection(id, "赵先生", "13700000002", "迟到的意见"))
        .isInstanceOf(NoticeClosedException.class);
  }
}
