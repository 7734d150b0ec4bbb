package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static cn.yishi.deliberation.DeliberationMeetingProcess.*;
import static cn.yishi.deliberation.MeetingTestData.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.yishi.signature.SignatureService;
import cn.yishi.signature.SignatureTestSupport;
import cn.yishi.signature.SignedRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every path of deliberationMeeting with the real decision table meetingResolution, the real record
 * check and the real signing delegate (signatures in an in-memory database).
 */
@Deployment(resources = {"processes/deliberationMeeting.bpmn", "decisions/meetingResolution.dmn"})
class DeliberationMeetingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final String TWO_COMMITTEES_GROUP = "jn-jld-jldbl.two-committees";
  private static final String RECORDER = "secretary-jldbl";

  @TempDir Path keys;
  private SignatureTestSupport database;
  private SignatureService signatures;

  @BeforeEach
  void beans() {
    database = new SignatureTestSupport();
    signatures = database.service(keys);
    Mocks.register("meetingRecordCheck", new MeetingRecordCheck());
    Mocks.register("signMeetingRecord", new SignMeetingRecord(signatures));
    identityService().setAuthenticatedUserId(RECORDER);
  }

  @AfterEach
  void reset() {
    identityService().clearAuthentication();
    Mocks.reset();
    database.close();
  }

  private ProcessInstance twoCommitteesMeeting() {
    Map<String, Object> v = proposal();
    v.put(MEETING_BODY.name(), "TWO_COMMITTEES");
    v.put(MEETING_STEP.name(), "商议");
    v.put(MEETING_GROUP.name(), TWO_COMMITTEES_GROUP);
    v.put(MEETING_PLAN.name(), "加装电梯一部，费用按楼层分摊。");
    return runtimeService().startProcessInstanceByKey(KEY, NUMBER_VALUE, v);
  }

  /** Completes the meeting task and runs the signing job; returns the signed record. */
  private SignedRecord hold(ProcessInstance instance, Map<String, Object> counts) {
    taskService().complete(task(instance).getId(), counts);
    assertThat(instance).isWaitingAt(TASK_SIGN);
    execute(job(TASK_SIGN, instance));
    String recordId = (String) runtimeOrHistoricVariable(instance, MEETING_RECORD_ID.name());
    return signatures.record(recordId).orElseThrow();
  }

  private static Object runtimeOrHistoricVariable(ProcessInstance instance, String name) {
    var historic =
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(name)
            .singleResult();
    return historic == null ? null : historic.getValue();
  }

  @Test
  void passedMeetingIsRecordedByTheGroupSignedAndReturnsPassed() throws Exception {
    Instant before = Instant.now();
    ProcessInstance instance = twoCommitteesMeeting();

    assertThat(instance).isWaitingAt(TASK_HOLD_MEETING);
    Task meeting = task(instance);
    assertThat(meeting).hasCandidateGroup(TWO_COMMITTEES_GROUP).hasFormKey(null);
    org.assertj.core.api.Assertions.assertThat(meeting.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(3)));
    assertThat(instance).variables().containsEntry(MEETING_ATTEMPT.name(), 1L);

    SignedRecord record = hold(instance, counts(7, 6, 4));

    assertThat(instance).hasPassed(EVENT_MEETING_PASSED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(MEETING_OUTCOME.name(), PASSED)
        .containsEntry(MEETING_RECORD_ID.name(), record.id())
        .containsEntry(MEETING_RECORDED_BY.name(), RECORDER);
    org.assertj.core.api.Assertions.assertThat(signatures.verify(record.id()).intact()).isTrue();
    org.assertj.core.api.Assertions.assertThat(record.proposalNumber()).isEqualTo(NUMBER_VALUE);
    org.assertj.core.api.Assertions.assertThat(record.signedBy()).isEqualTo(RECORDER);
    JsonNode content = new ObjectMapper().readTree(record.content());
    org.assertj.core.api.Assertions.assertThat(content.get(MEETING_STEP.name()).asText())
        .isEqualTo("商议");
    org.assertj.core.api.Assertions.assertThat(content.get(MEETING_BODY.name()).asText())
        .isEqualTo("TWO_COMMITTEES");
    org.assertj.core.api.Assertions.assertThat(
            content.get(DeliberationMeetingProcess.MEMBERS.name()).asInt())
        .isEqualTo(7);
    org.assertj.core.api.Assertions.assertThat(
            content.get(DeliberationMeetingProcess.PRESENT.name()).asInt())
        .isEqualTo(6);
    org.assertj.core.api.Assertions.assertThat(
            content.get(DeliberationMeetingProcess.IN_FAVOUR.name()).asInt())
        .isEqualTo(4);
    org.assertj.core.api.Assertions.assertThat(content.get("outcome").asText()).isEqualTo(PASSED);
    org.assertj.core.api.Assertions.assertThat(
            content.get(DeliberationMeetingProcess.PARTICIPANTS.name()).toString())
        .isEqualTo("[\"张建国\",\"李秀英\",\"王芳\"]");
    org.assertj.core.api.Assertions.assertThat(content.get("recordedBy").asText())
        .isEqualTo(RECORDER);
    org.assertj.core.api.Assertions.assertThat(
            content.get(DeliberationMeetingProcess.MINUTES.name()).asText())
        .contains("费用分摊");
  }

  /** A 小事小议 committee meeting with its X stakeholders as members (7+X). */
  private ProcessInstance sevenPlusXMeeting(String stakeholders) {
    Map<String, Object> v = proposal();
    v.put(MEETING_BODY.name(), "DELIBERATION_COMMITTEE");
    v.put(MEETING_STEP.name(), "议事委员会协商");
    v.put(MEETING_GROUP.name(), "jn-jld-jldbl.committee");
    v.put(MEETING_PLAN.name(), "在3幢北侧增设非机动车充电棚。");
    v.put(MEETING_STAKEHOLDERS.name(), stakeholders);
    return runtimeService().startProcessInstanceByKey(KEY, NUMBER_VALUE, v);
  }

  /** Counts of a 7+X meeting: the committee's own members instead of members expected. */
  private static Map<String, Object> sevenPlusXCounts(
      int committeeMembers, int present, int inFavour) {
    Map<String, Object> counts = counts(0, present, inFavour);
    counts.remove(MEMBERS.name());
    counts.put(COMMITTEE_MEMBERS.name(), committeeMembers);
    return counts;
  }

  @Test
  void theXStakeholdersAreMembersOfTheSevenPlusXMeeting() throws Exception {
    ProcessInstance instance = sevenPlusXMeeting("3幢居民代表\n物业公司\n业委会");

    // 7 committee members + 3 stakeholders = 10 expected; 6 present is a quorum of 10, and 4 of 6
    // in favour pass
    SignedRecord record = hold(instance, sevenPlusXCounts(7, 6, 4));

    assertThat(instance).hasPassed(EVENT_MEETING_PASSED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(MEMBERS.name(), 10)
        .containsEntry(COMMITTEE_MEMBERS.name(), 7)
        .containsEntry(MEETING_OUTCOME.name(), PASSED);
    JsonNode content = new ObjectMapper().readTree(record.content());
    org.assertj.core.api.Assertions.assertThat(
            content.get(DeliberationMeetingProcess.MEMBERS.name()).asInt())
        .isEqualTo(10);
    org.assertj.core.api.Assertions.assertThat(
            content.get(DeliberationMeetingProcess.COMMITTEE_MEMBERS.name()).asInt())
        .isEqualTo(7);
    org.assertj.core.api.Assertions.assertThat(content.get("stakeholderMembers").toString())
        .isEqualTo("[\"3幢居民代表\",\"物业公司\",\"业委会\"]");
  }

  @Test
  void withoutItsStakeholdersTheSameCountsWouldHaveNoQuorum() {
    // 7 + 3 = 10 members: 5 present is not more than half of 10 (it would be of the committee's 7
    // alone)
    ProcessInstance instance = sevenPlusXMeeting("3幢居民代表\n物业公司\n业委会");

    hold(instance, sevenPlusXCounts(7, 5, 5));

    assertThat(instance).isWaitingAt(TASK_HOLD_MEETING);
    assertThat(instance)
        .variables()
        .containsEntry(MEETING_OUTCOME.name(), NO_QUORUM)
        .containsEntry(MEMBERS.name(), 10);
  }

  @Test
  void aSevenPlusXMeetingNeedsTheCommitteesMembersAndCountsPresentAgainstCommitteePlusX() {
    ProcessInstance instance = sevenPlusXMeeting("物业公司");
    Task meeting = task(instance);

    assertRefused(meeting, counts(8, 5, 4), COMMITTEE_MEMBERS.name(), "议事委员会成员应到人数不能为空");
    assertRefused(meeting, sevenPlusXCounts(0, 0, 0), COMMITTEE_MEMBERS.name(), "议事委员会成员应到人数至少为1");
    assertRefused(
        meeting, sevenPlusXCounts(7, 9, 5), PRESENT.name(), "实到人数不能多于应到人数（应到8人：议事委员会成员7人，利益相关方1位）");
    assertThat(instance).isWaitingAt(TASK_HOLD_MEETING);

    hold(instance, sevenPlusXCounts(7, 8, 5));
    assertThat(instance)
        .variables()
        .containsEntry(MEMBERS.name(), 8)
        .containsEntry(MEETING_OUTCOME.name(), PASSED);
  }

  @Test
  void meetingWithQuorumThatVotesAgainstReturnsRejected() {
    ProcessInstance instance = twoCommitteesMeeting();

    SignedRecord record = hold(instance, counts(7, 6, 3)); // a tie does not pass

    assertThat(instance).hasPassed(EVENT_MEETING_REJECTED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(MEETING_OUTCOME.name(), DeliberationMeetingProcess.REJECTED)
        .containsEntry(MEETING_RECORD_ID.name(), record.id());
  }

  @Test
  void meetingWithoutQuorumIsReconvenedNotRejectedAndItsRecordIsKept() {
    ProcessInstance instance = twoCommitteesMeeting();

    SignedRecord noQuorum = hold(instance, counts(7, 3, 3));

    assertThat(instance).isWaitingAt(TASK_HOLD_MEETING);
    assertThat(task(instance)).hasCandidateGroup(TWO_COMMITTEES_GROUP);
    assertThat(instance).variables().containsEntry(MEETING_OUTCOME.name(), NO_QUORUM);
    assertThat(instance).variables().containsEntry(MEETING_ATTEMPT.name(), 2L);
    org.assertj.core.api.Assertions.assertThat(noQuorum.content())
        .contains("\"outcome\":\"NO_QUORUM\"");

    SignedRecord reconvened = hold(instance, counts(7, 5, 5));

    assertThat(instance).hasPassed(EVENT_MEETING_PASSED).isEnded();
    org.assertj.core.api.Assertions.assertThat(signatures.records(NUMBER_VALUE))
        .extracting(SignedRecord::id)
        .containsExactly(noQuorum.id(), reconvened.id());
    assertThat(instance).variables().containsEntry(MEETING_RECORD_ID.name(), reconvened.id());
  }

  @Test
  void signingWaitsForTheJobExecutorSoAFailureIsRetriedNotLost() {
    ProcessInstance instance = twoCommitteesMeeting();
    taskService().complete(task(instance).getId(), counts(7, 6, 5));

    assertThat(instance).isWaitingAt(TASK_SIGN);
    assertThat(job(TASK_SIGN, instance)).isNotNull();
    org.assertj.core.api.Assertions.assertThat(signatures.records(NUMBER_VALUE)).isEmpty();
    assertThat(instance).variables().containsEntry(MEETING_OUTCOME.name(), PASSED);

    execute(job(TASK_SIGN, instance));

    org.assertj.core.api.Assertions.assertThat(signatures.records(NUMBER_VALUE)).hasSize(1);
    assertThat(instance).isEnded();
  }

  @Test
  void moreVotesThanPresentAreRefusedAndTheMeetingStaysOpen() {
    ProcessInstance instance = twoCommitteesMeeting();
    Task meeting = task(instance);

    assertRefused(
        meeting, counts(7, 5, 6), DeliberationMeetingProcess.IN_FAVOUR.name(), "赞成票数不能多于实到人数");
    assertRefused(
        meeting, counts(7, 8, 6), DeliberationMeetingProcess.PRESENT.name(), "实到人数不能多于应到人数");
    assertRefused(meeting, counts(0, 0, 0), DeliberationMeetingProcess.MEMBERS.name(), "应到人数至少为1");
    assertRefused(
        meeting, counts(-1, 0, 0), DeliberationMeetingProcess.MEMBERS.name(), "应到人数不能为负数");
    Map<String, Object> fractional = counts(7, 5, 4);
    fractional.put(PRESENT.name(), 4.5);
    assertRefused(meeting, fractional, DeliberationMeetingProcess.PRESENT.name(), "实到人数必须是整数");
    Map<String, Object> missing = counts(7, 5, 4);
    missing.put(IN_FAVOUR.name(), null);
    assertRefused(meeting, missing, DeliberationMeetingProcess.IN_FAVOUR.name(), "赞成票数不能为空");
    Map<String, Object> noParticipants = counts(7, 5, 4);
    noParticipants.put(PARTICIPANTS.name(), " \n ");
    assertRefused(meeting, noParticipants, PARTICIPANTS.name(), "请填写签到的参会人员，每行一人");

    assertThat(instance).isWaitingAt(TASK_HOLD_MEETING);
    org.assertj.core.api.Assertions.assertThat(
            runtimeService().getVariable(instance.getId(), MEMBERS.name()))
        .isNull();
    org.assertj.core.api.Assertions.assertThat(signatures.records(NUMBER_VALUE)).isEmpty();
  }

  @Test
  void countsSentAsLongOrDoubleAreStoredAsWholeNumbersForTheTable() {
    ProcessInstance instance = twoCommitteesMeeting();
    Map<String, Object> tasklist = counts(7, 6, 5);
    tasklist.put(MEMBERS.name(), 7L);
    tasklist.put(PRESENT.name(), 6.0);
    tasklist.put(IN_FAVOUR.name(), "5");

    hold(instance, tasklist);

    assertThat(instance).hasPassed(EVENT_MEETING_PASSED);
    assertThat(instance)
        .variables()
        .containsEntry(MEMBERS.name(), 7)
        .containsEntry(PRESENT.name(), 6)
        .containsEntry(IN_FAVOUR.name(), 5);
  }

  @Test
  void withoutAnAuthenticatedUserTheAssigneeIsTheRecorder() {
    identityService().clearAuthentication();
    ProcessInstance instance = twoCommitteesMeeting();
    Task meeting = task(instance);

    assertRefused(meeting, counts(7, 6, 5), MEETING_RECORDED_BY.name(), "无法确定会议记录人：请登录并认领任务后再提交");

    taskService().claim(meeting.getId(), "caseworker-li");
    SignedRecord record = hold(instance, counts(7, 6, 5));

    org.assertj.core.api.Assertions.assertThat(record.signedBy()).isEqualTo("caseworker-li");
    assertThat(instance).variables().containsEntry(MEETING_RECORDED_BY.name(), "caseworker-li");
  }

  private static void assertRefused(
      Task task, Map<String, Object> variables, String field, String message) {
    StepInputAssertions.assertRefused(taskService(), task.getId(), variables, field, message);
  }
}
