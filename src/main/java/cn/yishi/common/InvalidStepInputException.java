package cn.yishi.common;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A value entered in a task (or sent to the API) that the form could not check, such as a count
 * larger than another or a correction without a reason. Thrown by a task listener on {@code
 * complete}: the engine refuses the completion, nothing is saved, and Tasklist shows the Chinese
 * message. {@link #field()} names the form field.
 */
public class InvalidStepInputException extends ProcessEngineException {

  private final String field;

  public InvalidStepInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
