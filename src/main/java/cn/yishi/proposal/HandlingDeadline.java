package cn.yishi.proposal;

import java.time.OffsetDateTime;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Set;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * The proposal's handling deadline (办理时限, DOMAIN "Time limits run end to end"): {@code
 * resolveWithin} of its {@code timeLimits}, counted from the end of sorting (受理) to the recorded
 * result. Which status changes start, restart or stop the clock is decided here, from the public
 * statuses alone (CONTRACT §4), so it does not depend on how the diagrams are drawn.
 */
public final class HandlingDeadline {

  /** Statuses in which a proposal is being handled: the clock runs. */
  static final Set<ProposalStatus> HANDLING =
      Set.of(
          ProposalStatus.UNDER_REVIEW,
          ProposalStatus.IN_DELIBERATION,
          ProposalStatus.IN_IMPLEMENTATION);

  /** Statuses that end a proposal: nothing is overdue any more. */
  public static final Set<ProposalStatus> ENDED =
      Set.of(
          ProposalStatus.CLOSED,
          ProposalStatus.REJECTED,
          ProposalStatus.SELF_HELP,
          ProposalStatus.REDIRECTED);

  /** The output of the timeLimits decision that is the handling deadline. */
  public static final String RESOLVE_WITHIN = "resolveWithin";

  private static final DatatypeFactory DURATIONS = durations();

  private HandlingDeadline() {}

  /** What a status change does to the clock. */
  enum Change {
    /** Sorting ended for the first time (受理): the clock starts. */
    START,
    /**
     * Sorting ended again (the review sent it back): same 受理, the deadline of the (maybe new)
     * track.
     */
    RESORTED,
    /**
     * Handling resumed after a recorded result (objection upheld, dissatisfied rating): a new
     * period.
     */
    REOPEN,
    NONE
  }

  /**
   * @param previous the status before, null for a new proposal
   * @param accepted whether the proposal has been accepted (受理) already
   * @param resultRecorded whether this handling period's result has been recorded
   */
  static Change change(
      ProposalStatus previous, ProposalStatus next, boolean accepted, boolean resultRecorded) {
    if (!HANDLING.contains(next)) {
      return Change.NONE;
    }
    if (previous == ProposalStatus.SORTING) {
      return accepted ? Change.RESORTED : Change.START;
    }
    if (accepted && resultRecorded && previous != null && !HANDLING.contains(previous)) {
      return Change.REOPEN;
    }
    return Change.NONE;
  }

  /**
   * {@code from} plus the ISO-8601 duration {@code resolveWithin} of the proposal's {@code
   * timeLimits} (days, months and years on the calendar of {@code from}'s zone, as the engine adds
   * due dates); null when there is none or it is not a duration.
   */
  static OffsetDateTime deadline(OffsetDateTime from, Object timeLimits) {
    return after(from, timeLimits, RESOLVE_WITHIN);
  }

  /**
   * {@code from} plus the ISO-8601 duration {@code limit} (e.g. {@code responseWithin}) of the
   * proposal's {@code timeLimits}, counted as {@link #deadline}; null when there is none.
   */
  static OffsetDateTime after(OffsetDateTime from, Object timeLimits, String limit) {
    if (from == null || !(timeLimits instanceof Map<?, ?> limits) || limits.get(limit) == null) {
      return null;
    }
    Duration within;
    try {
      within = DURATIONS.newDuration(limits.get(limit).toString().trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (within.getSign() < 0) {
      return null;
    }
    GregorianCalendar calendar = GregorianCalendar.from(from.toZonedDateTime());
    within.addTo(calendar);
    return calendar.toZonedDateTime().toOffsetDateTime();
  }

  /**
   * Whether the proposal as a whole is overdue at {@code now}: past its deadline, its result not
   * recorded and not ended.
   */
  public static boolean overdue(
      OffsetDateTime deadline, boolean resultRecorded, ProposalStatus status, OffsetDateTime now) {
    return deadline != null
        && !resultRecorded
        && (status == null || !ENDED.contains(status))
        && !now.isBefore(deadline);
  }

  private static DatatypeFactory durations() {
    try {
      return DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
