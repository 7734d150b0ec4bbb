package cn.yishi.summons;

import cn.yishi.common.SqlLists;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code department_summons} and {@code department_rating} (Flyway V20). Uses Spring's
 * {@link JdbcTemplate}, so a write joins the transaction of the engine step that makes it: a step
 * that fails leaves no record behind.
 */
@Repository
public class SummonsRepository {

  private final JdbcTemplate jdbc;

  public SummonsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(SummonsRecord summons) {
    jdbc.update(
        "INSERT INTO department_summons (id, proposal_number, summoning_unit, departments,"
            + " summons_task, summoned_by, summoned_at, process_instance_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        summons.id(),
        summons.proposalNumber(),
        summons.summoningUnit(),
        String.join(",", summons.departments()),
        summons.summonsTask(),
        summons.summonedBy(),
        timestamp(summons.summonedAt()),
        summons.processInstanceId());
  }

  public void insert(DepartmentRatingRecord rating) {
    jdbc.update(
        "INSERT INTO department_rating (id, summons_id, proposal_number, department, summoning_unit,"
            + " report_in_overdue, reported_in_at, reported_in_by, done_at, done_by, work_done,"
            + " rating, rating_comment, rated_by, rated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rating.id(),
        rating.summonsId(),
        rating.proposalNumber(),
        rating.department(),
        rating.summoningUnit(),
        rating.reportInOverdue(),
        timestamp(rating.reportedInAt()),
        rating.reportedInBy(),
        timestamp(rating.doneAt()),
        rating.doneBy(),
        rating.workDone(),
        rating.rating().name(),
        rating.ratingComment(),
        rating.ratedBy(),
        timestamp(rating.ratedAt()));
  }

  /** The summonses of one proposal, oldest first (for the audit trail and tests). */
  public List<SummonsRecord> summonsesOf(String proposalNumber) {
    return jdbc.query(
        "SELECT id, proposal_number, summoning_unit, departments, summons_task, summoned_by,"
            + " summoned_at, process_instance_id FROM department_summons"
            + " WHERE proposal_number = ? ORDER BY summoned_at, id",
        (rs, i) ->
            new SummonsRecord(
                rs.getString("id"),
                rs.getString("proposal_number"),
                rs.getString("summoning_unit"),
                List.of(rs.getString("departments").split(",")),
                rs.getString("summons_task"),
                rs.getString("summoned_by"),
                rs.getObject("summoned_at", OffsetDateTime.class),
                rs.getString("process_instance_id")),
        proposalNumber);
  }

  /** The department ratings of one proposal, by department. */
  public List<DepartmentRatingRecord> ratingsOf(String proposalNumber) {
    return jdbc.query(
        "SELECT * FROM department_rating WHERE proposal_number = ? ORDER BY department, rated_at",
        (rs, i) ->
            new DepartmentRatingRecord(
                rs.getString("id"),
                rs.getString("summons_id"),
                rs.getString("proposal_number"),
                rs.getString("department"),
                rs.getString("summoning_unit"),
                rs.getBoolean("report_in_overdue"),
                rs.getObject("reported_in_at", OffsetDateTime.class),
                rs.getString("reported_in_by"),
                rs.getObject("done_at", OffsetDateTime.class),
                rs.getString("done_by"),
                rs.getString("work_done"),
                DepartmentRating.valueOf(rs.getString("rating")),
                rs.getString("rating_comment"),
                rs.getString("rated_by"),
                rs.getObject("rated_at", OffsetDateTime.class)),
        proposalNumber);
  }

  /** OffsetDateTime binds as TIMESTAMP WITH TIME ZONE on both H2 and PostgreSQL. */
  private static Object timestamp(OffsetDateTime at) {
    return at;
  }

  /**
   * Removes the summonses and ratings of these proposals (their history has expired:
   * cn.yishi.retention).
   */
  public void forget(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM department_rating WHERE proposal_number IN ("
            + SqlLists.placeholders(numbers)
            + ")",
        numbers.toArray());
    jdbc.update(
        "DELETE FROM department_summons WHERE proposal_number IN ("
            + SqlLists.placeholders(numbers)
            + ")",
        numbers.toArray());
  }
}
