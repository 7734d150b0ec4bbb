package cn.yishi.proposal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public view of a proposal (CONTRACT §4, GET /api/proposals/{number}) without its open
 * steps: the read model row and the public timeline. Nothing here is private (no phone, no
 * staff names). Times are in the business time zone.
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
    List<TimelineEntry> timeline) {

  /** One public step: when, which step (Chinese), and its outcome (a status or a step result). */
  public record TimelineEntry(OffsetDateTime at, String step, String outcome) {}
}
