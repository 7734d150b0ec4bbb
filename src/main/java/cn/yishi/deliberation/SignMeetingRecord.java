package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.MEETING_BODY;
import static cn.yishi.common.CommonVariables.MEETING_OUTCOME;
import static cn.yishi.common.CommonVariables.MEETING_RECORD_ID;
import static cn.yishi.common.CommonVariables.MEETING_STAKEHOLDERS;
import static cn.yishi.common.CommonVariables.MEETING_STEP;
import static cn.yishi.common.CommonVariables.NUMBER;
import static cn.yishi.deliberation.DeliberationMeetingProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.TextLines;
import cn.yishi.signature.RecordKind;
import cn.yishi.signature.SignatureService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Signs the record of one meeting (bean {@code signMeetingRecord}, service task 会议记录签名, async
 * before so that a failure is retried by the job executor): the matter, the step and body, members
 * expected, present and in favour, the outcome, the participants who signed, the minutes and who
 * recorded it; for a "7+X" meeting also the committee's own members and the stakeholders who are
 * members of it. Sets {@code meetingRecordId}. The matter's number is the business key of the
 * meeting (the proposal's number, as of every process of the proposal).
 */
@DiagramCallable
@Component("signMeetingRecord")
public class SignMeetingRecord implements JavaDelegate {

  private final SignatureService signatures;

  public SignMeetingRecord(SignatureService signatures) {
    this.signatures = signatures;
  }

  /** What a meeting record holds. */
  public record MeetingRecord(
      String number,
      String step,
      String body,
      Integer members,
      Integer committeeMembers,
      List<String> stakeholderMembers,
      Integer present,
      Integer inFavour,
      String outcome,
      List<String> participants,
      String minutes,
      String recordedBy) {}

  @Override
  public void execute(DelegateExecution execution) {
    MeetingRecord record =
        new MeetingRecord(
            execution.getProcessBusinessKey(),
            MEETING_STEP.get(execution),
            MEETING_BODY.get(execution),
            MEMBERS.get(execution),
            COMMITTEE_MEMBERS.get(execution),
            TextLines.of(MEETING_STAKEHOLDERS.get(execution)),
            PRESENT.get(execution),
            IN_FAVOUR.get(execution),
            MEETING_OUTCOME.get(execution),
            TextLines.of(PARTICIPANTS.get(execution)),
            MINUTES.get(execution),
            MEETING_RECORDED_BY.get(execution));
    MEETING_RECORD_ID.set(execution, sign(record));
  }

  /** Signs the record; returns its id. The content is keyed by the meeting's variable names. */
  public String sign(MeetingRecord record) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(NUMBER.name(), record.number());
    content.put(MEETING_STEP.name(), record.step());
    content.put(MEETING_BODY.name(), record.body());
    content.put(MEMBERS.name(), record.members());
    if (!record.stakeholderMembers().isEmpty()) {
      // "7+X": the committee's own members and the X stakeholders who are members of this meeting
      content.put(COMMITTEE_MEMBERS.name(), record.committeeMembers());
      content.put("stakeholderMembers", record.stakeholderMembers());
    }
    content.put(PRESENT.name(), record.present());
    content.put(IN_FAVOUR.name(), record.inFavour());
    content.put("outcome", record.outcome());
    content.put(PARTICIPANTS.name(), record.participants());
    content.put(MINUTES.name(), record.minutes());
    content.put("recordedBy", record.recordedBy());
    return signatures
        .sign(RecordKind.MEETING.name(), record.number(), content, record.recordedBy())
        .id();
  }
}
