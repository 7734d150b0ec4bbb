package cn.yishi.common;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A value entered in a task (or sent to the API) that the form could not check, such as a count
 * larger than another or a correction without a reason. Thrown by a task listener on {@code
 * complete}: the engine refuses the completion, nothing is saved, and Tasklist shows the Chinese
 * message. {@link #field()} names the form field.
 *
 * <p>The engine wraps a listener's exception in its own ("ENGINE-03051 … Exception while invoking
 * TaskListener …"). So that Tasklist can still show the Chinese message alone, the refusal is also
 * remembered for the current thread (the request that completes the task), see {@link
 * #lastOnThisThread()} and {@code cn.yishi.config.StepInputErrors}.
 */
public class InvalidStepInputException extends ProcessEngineException {

  private static final ThreadLocal<InvalidStepInputException> LAST = new ThreadLocal<>();

  private final String field;

  public InvalidStepInputException(String field, String message) {
    super(message);
    this.field = field;
    LAST.set(this);
  }

  public String field() {
    return field;
  }

  /** The last refusal raised on this thread since {@link #forgetOnThisThread()}, or null. */
  public static InvalidStepInputException lastOnThisThread() {
    return LAST.get();
  }

  public static void forgetOnThisThread() {
    LAST.remove();
  }
}
