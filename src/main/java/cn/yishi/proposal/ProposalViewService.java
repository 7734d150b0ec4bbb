package cn.yishi.proposal;

import cn.yishi.common.BusinessTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import cn.yishi.signature.RecordKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;

/**
 * Reads the public read model that {@link ProposalStatusService} keeps: a proposal's status and
 * classification and its timeline, for the public API and for tests.
 */
@Service
public class ProposalViewService {

  /** The read model row with the number of recorded (signed) results of carrying out. */
  private static final String VIEW =
      "SELECT v.*, (SELECT COUNT(*) FROM signature_record s WHERE s.proposal_number = v.number"
          + " AND s.kind = '" + RecordKind.RESULT.name() + "') AS results FROM proposal_view v";

  private final JdbcTemplate jdbc;
  private final BusinessTime time;

  public ProposalViewService(JdbcTemplate jdbc, BusinessTime time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  /** The proposal's public view, or empty when no such number is known. */
  public Optional<ProposalView> find(String number) {
    List<ProposalView.TimelineEntry> timeline = timeline(number);
    return jdbc.query(VIEW + " WHERE v.number = ?", (rs, n) -> view(rs, timeline), number)
        .stream()
        .findFirst();
  }

  /** The public timeline, oldest first. */
  public List<ProposalView.TimelineEntry> timeline(String number) {
    return jdbc.query(
        "SELECT occurred_at, step, outcome FROM proposal_timeline WHERE proposal_number = ?"
            + " ORDER BY entry_no, occurred_at",
        (rs, n) ->
            new ProposalView.TimelineEntry(
                time.inZone(rs.getObject("occurred_at", OffsetDateTime.class)),
                rs.getString("step"),
                rs.getString("outcome")),
        number);
  }

  /**
   * The proposals overdue at {@code now} (CONTRACT §4 {@code overdue}), earliest deadline first,
   * without their timelines: for the time-limit watch, which opens 督办 for them.
   */
  public List<ProposalView> overdue(OffsetDateTime now) {
    return jdbc
        .query(
            VIEW + " WHERE v.deadline IS NOT NULL AND v.deadline <= ? ORDER BY v.deadline, v.number",
            (rs, n) -> view(rs, List.of()),
            new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, now))
        .stream()
        .filter(view -> view.overdueAt(now))
        .toList();
  }

  private ProposalView view(ResultSet rs, List<ProposalView.TimelineEntry> timeline) throws SQLException {
    OffsetDateTime acceptedAt = rs.getObject("accepted_at", OffsetDateTime.class);
    Integer resultsBefore = rs.getObject("results_before", Integer.class);
    boolean resultRecorded =
        acceptedAt != null && rs.getInt("results") > (resultsBefore == null ? 0 : resultsBefore);
    return new ProposalView(
        rs.getString("number"),
        rs.getString("title"),
        ProposalStatus.of(rs.getString("status")),
        rs.getString("category"),
        rs.getString("matter_scope"),
        rs.getString("track"),
        rs.getString("handling_level"),
        rs.getString("community"),
        rs.getString("courtyard"),
        rs.getObject("co_signers", Integer.class),
        time.inZone(rs.getObject("submitted_at", OffsetDateTime.class)),
        time.inZone(rs.getObject("updated_at", OffsetDateTime.class)),
        rs.getString("deliberation_unit"),
        rs.getString("rating"),
        rs.getObject("closed_unrated", Boolean.class),
        time.inZone(acceptedAt),
        time.inZone(rs.getObject("deadline", OffsetDateTime.class)),
        resultRecorded,
        timeline);
  }
}
