package cn.yishi.organisation;

import java.util.List;

/** The organisation data file is malformed; the message names every offending code. */
public class InvalidOrganisationException extends IllegalStateException {

  private final List<String> problems;

  public InvalidOrganisationException(String source, List<String> problems) {
    super(
        "organisation data "
            + source
            + " is invalid ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):\n - "
            + String.join("\n - ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidOrganisationException(String source, String message, Throwable cause) {
    super("organisation data " + source + " is invalid: " + message, cause);
    this.problems = List.of(message);
  }

  public List<String> problems() {
    return problems;
  }
}
