package cn.yishi.deliberation;

/**
 * Meeting counts that must not be put to the {@code meetingResolution} table (CONTRACT §3): a
 * negative count, more present than members, more votes in favour than present, or an unknown body.
 * Carries the offending field (a contract name: {@code body}, {@code members}, {@code present},
 * {@code inFavour}) and a message in Chinese meant for the form or the API.
 */
public class InvalidMeetingCountsException extends RuntimeException {

  private final String field;

  public InvalidMeetingCountsException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The name of the refused field, as in CONTRACT §3. */
  public String field() {
    return field;
  }
}
