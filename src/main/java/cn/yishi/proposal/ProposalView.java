package cn.yishi.proposal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public view of a proposal (CONTRACT §4, GET /api/proposals/{number}) without its open
 * steps: the read model row and the public timeline. Nothing here is private (no phone, no
 * staff names). Times are in the business time zone. {@code acceptedAt} is the end of sorting
 * (受理) that starts the handling {@code deadline} (null before); {@code resultRecorded} says
 * whether the result of this handling period has been recorded (a signed RESULT record since
 * then).
 */
public record ProposalView(
    String number,
    String title,
    ProposalStatus status,
    String category,
    String matterScope,
    String track,
    String level,
    String community,
    String courtyard,
    Integer coSigners,
    OffsetDateTime submittedAt,
    OffsetDateTime updatedAt,
    String deliberationUnit,
    String rating,
    Boolean closedUnrated,
    OffsetDateTime acceptedAt,
    OffsetDateTime deadline,
    boolean resultRecorded,
    List<TimelineEntry> timeline) {

  /**
   * Whether the proposal as a whole is overdue at {@code now} (CONTRACT §4 {@code overdue}): past
   * its handling deadline, without a recorded result, not ended.
   */
  public boolean overdueAt(OffsetDateTime now) {
    return HandlingDeadline.overdue(deadline, resultRecorded, status, now);
  }

  /** One public step: when, which step (Chinese), and its outcome (a status or a step result). */
  public record TimelineEntry(OffsetDateTime at, String step, String outcome) {}
}
