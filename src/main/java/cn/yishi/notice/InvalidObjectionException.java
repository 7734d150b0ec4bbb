package cn.yishi.notice;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An objection with missing, too long or malformed fields (the public API answers 400 naming each
 * in {@link #problems()}); nothing is stored.
 */
public class InvalidObjectionException extends IllegalArgumentException {

  /** One bad field and what is wrong with it, in the resident's words. */
  public record Problem(String field, String message) {}

  private final List<Problem> problems;

  public InvalidObjectionException(List<Problem> problems) {
    super(problems.stream().map(Problem::message).collect(Collectors.joining("；")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid objection names at least one field");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every bad field, in the order of the form (name, phone, text). */
  public List<Problem> problems() {
    return problems;
  }
}
