package cn.yishi.deliberation;

import cn.yishi.common.DiagramCallable;
import cn.yishi.implementation.ImplementationProcess;
import cn.yishi.signature.RecordKind;
import cn.yishi.signature.SignatureService;
import cn.yishi.signature.SignedRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Signs the result of carrying out a proposal (bean {@code signResultRecord}, used by {@code
 * implementation} on an async-before service task): the proposal number, the recorded {@code
 * result}, the {@code implementer} and {@code resultRecordedBy}. Sets {@code resultRecordId}. The
 * variable names are the implementation process's ({@link ImplementationProcess}).
 */
@DiagramCallable
@Component("signResultRecord")
public class SignResultRecord implements JavaDelegate {

  // the implementation process's names (TODO lead: this delegate belongs in cn.yishi.implementation)
  private static final String IMPLEMENTER = cn.yishi.common.CommonVariables.IMPLEMENTER.name();
  private static final String RESULT = ImplementationProcess.RESULT.name();
  private static final String RESULT_RECORDED_BY = ImplementationProcess.RESULT_RECORDED_BY.name();
  private static final String RESULT_RECORD_ID = cn.yishi.common.CommonVariables.RESULT_RECORD_ID.name();

  private final SignatureService signatures;

  public SignResultRecord(SignatureService signatures) {
    this.signatures = signatures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = SignMeetingRecord.proposalNumber(execution);
    Object recordedBy = execution.getVariable(RESULT_RECORDED_BY);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("number", number);
    content.put(RESULT, execution.getVariable(RESULT));
    content.put(IMPLEMENTER, execution.getVariable(IMPLEMENTER));
    content.put(RESULT_RECORDED_BY, recordedBy);
    SignedRecord record =
        signatures.sign(RecordKind.RESULT.name(), number, content, recordedBy == null ? null : recordedBy.toString());
    execution.setVariable(RESULT_RECORD_ID, record.id());
  }
}
