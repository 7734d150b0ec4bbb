package cn.yishi.signature;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.CommonVariables;
import cn.yishi.implementation.ImplementationProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A meeting recorded in the real application (H2 or PostgreSQL, Flyway's table, the deployed
 * diagram and decision table) is signed by the async job and verifies through the database; a
 * change made in the database afterwards shows. The job executor is off so that the test runs the
 * signing job itself.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class ElectronicSignatureIT {

  private static final Path KEYS = temporaryDirectory();
  private static final String NUMBER = "JN-2026-000777";

  @DynamicPropertySource
  static void keyDirectory(DynamicPropertyRegistry registry) {
    registry.add("yishi.signature.key-directory", KEYS::toString);
  }

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired SignatureService signatures;
  @Autowired JdbcTemplate jdbc;

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("yishi-signature-keys");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessInstance twoCommitteesMeeting() {
    Map<String, Object> v = new HashMap<>();
    v.put(CommonVariables.NUMBER.name(), NUMBER);
    v.put(CommonVariables.TITLE.name(), "马东大院环境整治");
    v.put(CommonVariables.COMMUNITY.name(), "jn-jld-jldbl");
    v.put(
        CommonVariables.TIME_LIMITS.name(),
        Map.of("stepWithin", "P3D", "noticePeriod", "P7D", "objectionRoundLevelAbove", 3));
    v.put(CommonVariables.MEETING_BODY.name(), "TWO_COMMITTEES");
    v.put(CommonVariables.MEETING_STEP.name(), "商议");
    v.put(CommonVariables.MEETING_GROUP.name(), "jn-jld-jldbl.two-committees");
    v.put(CommonVariables.MEETING_PLAN.name(), "清理院内堆放杂物，修复排水沟。");
    return runtimeService.startProcessInstanceByKey(
        cn.yishi.deliberation.DeliberationMeetingProcess.KEY, NUMBER, v);
  }

  @Test
  void aMeetingRecordIsSignedByTheJobAndVerifiesThroughTheDatabase() {
    ProcessInstance instance = twoCommitteesMeeting();
    Task meeting = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(meeting.getTaskDefinitionKey())
        .isEqualTo(cn.yishi.deliberation.DeliberationMeetingProcess.TASK_HOLD_MEETING);
    taskService.claim(meeting.getId(), "secretary-jldbl");
    Map<String, Object> counts = new HashMap<>();
    counts.put(cn.yishi.deliberation.DeliberationMeetingProcess.MEMBERS.name(), 9L);
    counts.put(cn.yishi.deliberation.DeliberationMeetingProcess.PRESENT.name(), 7L);
    counts.put(cn.yishi.deliberation.DeliberationMeetingProcess.IN_FAVOUR.name(), 6L);
    counts.put(
        cn.yishi.deliberation.DeliberationMeetingProcess.PARTICIPANTS.name(),
        "张建国\n李秀英\n王芳\n赵磊\n陈静\n刘洋\n周敏");
    counts.put(cn.yishi.deliberation.DeliberationMeetingProcess.MINUTES.name(), "一致同意先清理杂物。");
    taskService.complete(meeting.getId(), counts);

    Job signing =
        managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(signing).as("the signing job").isNotNull();
    assertThat(signatures.records(NUMBER)).isEmpty();
    managementService.executeJob(signing.getId());

    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    String recordId =
        (String)
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(CommonVariables.MEETING_RECORD_ID.name())
                .singleResult()
                .getValue();
    SignedRecord record = signatures.record(recordId).orElseThrow();
    assertThat(record.kind()).isEqualTo(RecordKind.MEETING);
    assertThat(record.signedBy()).isEqualTo("secretary-jldbl");
    assertThat(record.content()).contains("\"outcome\":\"PASSED\"", "\"present\":7", "\"周敏\"");
    assertThat(signatures.records(NUMBER)).extracting(SignedRecord::id).containsExactly(recordId);
    assertThat(signatures.verify(recordId).intact()).isTrue();

    jdbc.update(
        "UPDATE signature_record SET content = REPLACE(content, '\"inFavour\":6', '\"inFavour\":3') WHERE id = ?",
        recordId);

    Verification verification = signatures.verify(recordId);
    assertThat(verification.intact()).isFalse();
    assertThat(verification.problem()).isEqualTo(Verification.Problem.HASH_MISMATCH);
  }

  @Test
  void theDeploymentKeyLivesInTheConfiguredDirectory() {
    assertThat(KEYS.resolve(SigningKeys.PRIVATE_KEY_FILE)).exists();
    assertThat(KEYS.resolve(SigningKeys.PUBLIC_KEY_FILE)).exists();
    SignedRecord result =
        signatures.sign(
            "RESULT",
            NUMBER,
            Map.of(
                ImplementationProcess.RESULT.name(),
                "杂物已清理，排水沟已修复。",
                CommonVariables.IMPLEMENTER.name(),
                "SELF"),
            "caseworker-li");

    assertThat(result.keyId()).isEqualTo(SigningKeys.loadOrGenerate(KEYS).keyId());
    assertThat(signatures.verify(result.id()).intact()).isTrue();
  }
}
