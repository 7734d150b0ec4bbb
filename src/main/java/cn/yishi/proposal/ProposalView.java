package cn.yishi.proposal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The public view of a proposal (CONTRACT §4, GET /api/proposals/{number}) without its open steps:
 * the read model row and the public timeline. Nothing here is private (no phone, no staff names).
 * Times are in the business time zone. {@code acceptedAt} is the end of sorting (受理) that starts
 * the handling {@code deadline} (null before); {@code resultRecorded} says whether the result of
 * this handling period has been recorded (a signed RESULT record since then).
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

  /** This view with its handling period's result recorded. */
  ProposalView withResultRecorded() {
    return new ProposalView(
        number,
        title,
        status,
        category,
        matterScope,
        track,
        level,
        community,
        courtyard,
        coSigners,
        submittedAt,
        updatedAt,
        deliberationUnit,
        rating,
        closedUnrated,
        acceptedAt,
        deadline,
        true,
        timeline);
  }

  /** One public step: when, which step (Chinese), and its outcome (a status or a step result). */
  public record TimelineEntry(OffsetDateTime at, String step, String outcome) {}

  /**
   * What the lifecycle knows of the proposal when its status changes: the view's columns (a null
   * keeps the column as it is), the time limits the handling deadline is counted from, and what the
   * submitter's message needs (the phone it goes to, the route, exclusion, reason or guidance of a
   * proposal that is not deliberated), and, for the statistics, whether a level below its handling
   * level settled it (null: not known to the process that changes the status).
   */
  public record Facts(
      String title,
      String community,
      String courtyard,
      String category,
      String matterScope,
      String track,
      String level,
      Integer coSigners,
      OffsetDateTime submittedAt,
      String rating,
      Boolean closedUnrated,
      String deliberationUnit,
      Map<String, Object> timeLimits,
      String submitterPhone,
      String route,
      String exclusion,
      String rejectionReason,
      String selfHelpGuidance,
      Boolean settledBelowLevel) {}
}
