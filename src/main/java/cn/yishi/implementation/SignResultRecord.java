package cn.yishi.implementation;

import static cn.yishi.common.CommonVariables.IMPLEMENTER;
import static cn.yishi.common.CommonVariables.NUMBER;
import static cn.yishi.common.CommonVariables.RESULT_RECORD_ID;
import static cn.yishi.implementation.ImplementationProcess.RESULT;
import static cn.yishi.implementation.ImplementationProcess.RESULT_RECORDED_BY;

import cn.yishi.common.DiagramCallable;
import cn.yishi.signature.RecordKind;
import cn.yishi.signature.SignatureService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Signs the result of carrying out a proposal (bean {@code signResultRecord}, used by {@code
 * implementation} on an async-before service task): the proposal number (the business key), the
 * recorded {@code result}, the {@code implementer} and {@code resultRecordedBy}. Sets {@code
 * resultRecordId}.
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
    RESULT_RECORD_ID.set(
        execution,
        sign(
            execution.getProcessBusinessKey(),
            RESULT.get(execution),
            IMPLEMENTER.get(execution),
            RESULT_RECORDED_BY.get(execution)));
  }

  /** Signs the result record; returns its id. The content is keyed by the variable names. */
  public String sign(String number, String result, String implementer, String recordedBy) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(NUMBER.name(), number);
    content.put(RESULT.name(), result);
    content.put(IMPLEMENTER.name(), implementer);
    content.put(RESULT_RECORDED_BY.name(), recordedBy);
    return signatures.sign(RecordKind.RESULT.name(), number, content, recordedBy).id();
  }
}
