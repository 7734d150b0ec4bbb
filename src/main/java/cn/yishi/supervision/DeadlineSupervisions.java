package cn.yishi.supervision;

import cn.yishi.common.SqlLists;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
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

  /**
   * Removes the deadline 督办 records of these proposals (their history has expired:
   * cn.yishi.retention).
   */
  public void forget(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM deadline_supervision WHERE proposal_number IN ("
            + SqlLists.placeholders(numbers)
            + ")",
        numbers.toArray());
  }
}
