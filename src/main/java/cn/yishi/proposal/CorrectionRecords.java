package cn.yishi.proposal;

import cn.yishi.common.SqlLists;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Corrections made while sorting (table {@code proposal_correction}), written in the sorting task's
 * transaction: a correction is recorded exactly when the task completes.
 */
@Repository
public class CorrectionRecords {

  private final JdbcTemplate jdbc;

  public CorrectionRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void add(Correction c) {
    jdbc.update(
        "insert into proposal_correction (id, proposal_number, field, old_value, new_value, reason, corrected_by, corrected_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        c.proposalNumber(),
        c.field(),
        c.oldValue(),
        c.newValue(),
        c.reason(),
        c.correctedBy(),
        Timestamp.from(c.correctedAt().toInstant()));
  }

  /** A proposal's corrections, oldest first. */
  public List<Correction> of(String proposalNumber) {
    return jdbc.query(
        "select proposal_number, field, old_value, new_value, reason, corrected_by, corrected_at"
            + " from proposal_correction where proposal_number = ? order by corrected_at, field",
        (rs, i) ->
            new Correction(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant().atOffset(ZoneOffset.UTC)),
        proposalNumber);
  }

  /** For the correction's timestamp. */
  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Removes the corrections of these proposals (their history has expired: cn.yishi.retention). */
  public void forget(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM proposal_correction WHERE proposal_number IN ("
            + SqlLists.placeholders(numbers)
            + ")",
        numbers.toArray());
  }
}
