package cn.yishi.supervision;

import cn.yishi.common.SqlLists;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The table {@code supervision_record} (Flyway V40), through JdbcTemplate so that it joins the
 * watch job's transaction: a reminder or a supervision is recorded exactly when the job commits.
 * The task id is the primary key, so two watches racing on one task cannot both record it.
 */
@Repository
public class SupervisionRecords {

  private static final RowMapper<SupervisionRecord> ROW =
      (rs, n) ->
          new SupervisionRecord(
              rs.getString("task_id"),
              rs.getString("proposal_number"),
              rs.getObject("reminded_at", OffsetDateTime.class),
              rs.getObject("overdue_since", OffsetDateTime.class),
              rs.getString("supervision_instance_id"));

  private final JdbcTemplate jdbc;

  public SupervisionRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<SupervisionRecord> find(String taskId) {
    return jdbc
        .query(
            "SELECT task_id, proposal_number, reminded_at, overdue_since, supervision_instance_id"
                + " FROM supervision_record WHERE task_id = ?",
            ROW,
            taskId)
        .stream()
        .findFirst();
  }

  public List<SupervisionRecord> forProposal(String number) {
    return jdbc.query(
        "SELECT task_id, proposal_number, reminded_at, overdue_since, supervision_instance_id"
            + " FROM supervision_record WHERE proposal_number = ? ORDER BY task_id",
        ROW,
        number);
  }

  public void recordReminder(String taskId, String number, OffsetDateTime at) {
    if (jdbc.update(
            "UPDATE supervision_record SET reminded_at = ? WHERE task_id = ? AND reminded_at IS NULL",
            at,
            taskId)
        == 0) {
      jdbc.update(
          "INSERT INTO supervision_record (task_id, proposal_number, reminded_at) VALUES (?, ?, ?)",
          taskId,
          number,
          at);
    }
  }

  public void recordSupervision(
      String taskId, String number, OffsetDateTime overdueSince, String supervisionInstanceId) {
    if (jdbc.update(
            "UPDATE supervision_record SET overdue_since = ?, supervision_instance_id = ?"
                + " WHERE task_id = ? AND supervision_instance_id IS NULL",
            overdueSince,
            supervisionInstanceId,
            taskId)
        == 0) {
      jdbc.update(
          "INSERT INTO supervision_record"
              + " (task_id, proposal_number, overdue_since, supervision_instance_id) VALUES (?, ?, ?, ?)",
          taskId,
          number,
          overdueSince,
          supervisionInstanceId);
    }
  }

  /**
   * Removes the reminder and 督办 records of these proposals (their history has expired:
   * cn.yishi.retention).
   */
  public void forget(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM supervision_record WHERE proposal_number IN ("
            + SqlLists.placeholders(numbers)
            + ")",
        numbers.toArray());
  }
}
