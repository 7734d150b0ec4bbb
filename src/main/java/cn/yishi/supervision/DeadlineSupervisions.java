package cn.yishi.supervision;

import java.sql.Types;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/**
 * The table {@code deadline_supervision} (Flyway V71): the one supervision (督办) opened for a
 * proposal that missed its handling deadline, per handling period (its {@code accepted_at}), in the
 * watch job's transaction.
 */
@Repository
public class DeadlineSupervisions {

  private final JdbcTemplate jdbc;

  public DeadlineSupervisions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String number, OffsetDateTime acceptedAt) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM deadline_supervision WHERE proposal_number = ? AND accepted_at = ?",
            Integer.class,
            number,
            at(acceptedAt));
    return count != null && count > 0;
  }

  public void record(
      String number,
      OffsetDateTime acceptedAt,
      OffsetDateTime deadline,
      String supervisingUnit,
      String instanceId) {
    jdbc.update(
        "INSERT INTO deadline_supervision"
            + " (proposal_number, accepted_at, deadline, supervising_unit, supervision_instance_id)"
            + " VALUES (?, ?, ?, ?, ?)",
        number,
        at(acceptedAt),
        at(deadline),
        supervisingUnit,
        instanceId);
  }

  private static SqlParameterValue at(OffsetDateTime time) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, time);
  }
}
