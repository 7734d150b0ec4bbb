package cn.yishi.notification;

import cn.yishi.common.SqlLists;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox table {@code notification}. Rows are written in the caller's transaction (the engine
 * step's), so a notification exists exactly when the step that caused it committed.
 */
@Repository
public class NotificationOutbox {

  private static final int MAX_ERROR = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public NotificationOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Adds an undelivered notification; returns its id. */
  public String add(
      String proposalNumber,
      String recipientKind,
      String recipient,
      String message,
      String channel,
      OffsetDateTime createdAt) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO notification (id, proposal_number, recipient_kind, recipient, message, channel,"
            + " created_at, delivered_at, attempts, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL)",
        id,
        new SqlParameterValue(Types.VARCHAR, proposalNumber),
        recipientKind,
        recipient,
        message,
        channel,
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, createdAt));
    return id;
  }

  public Optional<Notification> find(String id) {
    return jdbc
        .query("SELECT * FROM notification WHERE id = ?", NotificationOutbox::row, id)
        .stream()
        .findFirst();
  }

  /** The notifications about one proposal, oldest first. */
  public List<Notification> ofProposal(String proposalNumber) {
    return jdbc.query(
        "SELECT * FROM notification WHERE proposal_number = ? ORDER BY created_at, id",
        NotificationOutbox::row,
        proposalNumber);
  }

  /** Marks a successful delivery (counts it as an attempt); false if it was delivered already. */
  public boolean markDelivered(String id, OffsetDateTime at) {
    return jdbc.update(
            "UPDATE notification SET delivered_at = ?, attempts = attempts + 1, last_error = NULL"
                + " WHERE id = ? AND delivered_at IS NULL",
            new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at),
            id)
        == 1;
  }

  /**
   * Counts a failed attempt and keeps its error, in a transaction of its own: the step's
   * transaction is rolled back by the failure that is being recorded.
   */
  public void recordFailedAttempt(String id, String error) {
    String shortError =
        error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR));
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.update(
                "UPDATE notification SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                new SqlParameterValue(Types.VARCHAR, shortError),
                id));
  }

  private static Notification row(ResultSet rs, int rowNum) throws SQLException {
    return new Notification(
        rs.getString("id"),
        rs.getString("proposal_number"),
        rs.getString("recipient_kind"),
        rs.getString("recipient"),
        rs.getString("message"),
        rs.getString("channel"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("delivered_at", OffsetDateTime.class),
        rs.getInt("attempts"),
        rs.getString("last_error"));
  }

  /**
   * Removes the notifications of these proposals (their history has expired: cn.yishi.retention).
   */
  public void forget(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM notification WHERE proposal_number IN ("
            + SqlLists.placeholders(numbers)
            + ")",
        numbers.toArray());
  }
}
