package cn.yishi.common;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A value entered in a task (or sent to the API) that the form could not check, such as a count
 * larger than another or a correction without a reason. Thrown by a task listener on {@code
 * complete} (usually through {@link StepCheck}): the engine refuses the completion, nothing is
 * saved, and Tasklist shows the Chinese message, which names the field by its label in the form and
 * values by their names, never by key or code. {@link #field()} names the form field.
 *
 * <p>The engine wraps a listener's exception in its own ("ENGINE-03051 … Exception while invoking
 * TaskListener …"). How the REST APIs still answer 400 with the Chinese message alone and the field
 * is {@code cn.yishi.config.StepInputErrors}: an interceptor around every engine command finds the
 * refusal in the failed command's cause chain ({@link #in(Throwable)}) and hands it to the request;
 * the exception itself remembers nothing.
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

  /** The refusal {@code failure} is or was caused by (the outermost one), or null. */
  public static InvalidStepInputException in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidStepInputException refusal) {
        return refusal;
      }
    }
    return null;
  }
}
