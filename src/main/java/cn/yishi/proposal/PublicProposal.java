package cn.yishi.proposal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public view of a proposal, CONTRACT §4 {@code GET /api/proposals/{number}}: no phone number,
 * no staff names, only roles and units. {@code deadline} is the handling deadline (resolveWithin
 * from the end of sorting, null before), {@code overdue} the proposal as a whole (false once its
 * result is recorded or it has ended); each open step has its own {@code dueAt} and {@code
 * overdue}.
 */
@JsonPropertyOrder({
  "number",
  "title",
  "status",
  "category",
  "matterScope",
  "track",
  "level",
  "community",
  "coSigners",
  "submittedAt",
  "deadline",
  "overdue",
  "openSteps",
  "timeline"
})
public record PublicProposal(
    String number,
    String title,
    String status,
    String category,
    String matterScope,
    String track,
    String level,
    String community,
    Integer coSigners,
    OffsetDateTime submittedAt,
    OffsetDateTime deadline,
    boolean overdue,
    List<OpenStep> openSteps,
    List<ProposalView.TimelineEntry> timeline) {

  /**
   * A step waiting for someone: its Chinese name, its task key, the level that owns it, when it is
   * due.
   */
  public record OpenStep(
      String name, String key, String level, OffsetDateTime dueAt, boolean overdue) {}
}
