package cn.yishi.deliberation;

import static cn.yishi.deliberation.MeetingVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.signature.RecordKind;
import cn.yishi.signature.SignatureService;
import cn.yishi.signature.SignedRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Signs the record of one meeting (bean {@code signMeetingRecord}, service task 会议记录签名,
 * async before so that a failure is retried by the job executor): the matter, the step and body,
 * members expected, present and in favour, the outcome, the participants who signed, the minutes
 * and who recorded it; for a "7+X" meeting also the committee's own members and the stakeholders
 * who are members of it. Sets {@code meetingRecordId}.
 */
@DiagramCallable
@Component("signMeetingRecord")
public class SignMeetingRecord implements JavaDelegate {

  private final SignatureService signatures;

  public SignMeetingRecord(SignatureService signatures) {
    this.signatures = signatures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = proposalNumber(execution);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("number", number);
    content.put("meetingStep", execution.getVariable(MEETING_STEP));
    content.put("meetingBody", execution.getVariable(MEETING_BODY));
    content.put("members", execution.getVariable(MEMBERS));
    java.util.List<String> stakeholders = TextLines.of(execution.getVariable(MEETING_STAKEHOLDERS));
    if (!stakeholders.isEmpty()) {
      // "7+X": the committee's own members and the X stakeholders who are members of this meeting
      content.put("committeeMembers", execution.getVariable(COMMITTEE_MEMBERS));
      content.put("stakeholderMembers", stakeholders);
    }
    content.put("present", execution.getVariable(PRESENT));
    content.put("inFavour", execution.getVariable(IN_FAVOUR));
    content.put("outcome", execution.getVariable(MEETING_OUTCOME));
    content.put("participants", TextLines.of(execution.getVariable(PARTICIPANTS)));
    content.put("minutes", execution.getVariable(MINUTES));
    String recordedBy = (String) execution.getVariable(MEETING_RECORDED_BY);
    content.put("recordedBy", recordedBy);
    SignedRecord record = signatures.sign(RecordKind.MEETING.name(), number, content, recordedBy);
    execution.setVariable(MEETING_RECORD_ID, record.id());
  }

  /** The proposal number: the variable {@code number}, or else the business key (the same value). */
  static String proposalNumber(DelegateExecution execution) {
    Object number = execution.getVariable(NUMBER);
    return number != null ? number.toString() : execution.getProcessBusinessKey();
  }
}
