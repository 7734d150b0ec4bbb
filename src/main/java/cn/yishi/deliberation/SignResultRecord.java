package cn.yishi.deliberation;

import static cn.yishi.implementation.ImplementationVariables.IMPLEMENTER;
import static cn.yishi.implementation.ImplementationVariables.RESULT;
import static cn.yishi.implementation.ImplementationVariables.RESULT_RECORDED_BY;
import static cn.yishi.implementation.ImplementationVariables.RESULT_RECORD_ID;

import cn.yishi.common.DiagramCallable;
import cn.yishi.implementation.ImplementationVariables;
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
 * variable names are the implementation process's ({@link ImplementationVariables}).
 */
@DiagramCallable
@Component("signResultRecord")
public class SignResultRecord implements JavaDelegate {

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
