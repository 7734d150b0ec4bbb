package cn.yishi.api;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The table {@code idempotency_key} (V80): one row per key. Every statement runs on its own
 * (auto-commit; the filter is outside any transaction), so a key claimed here is visible to every
 * node at once, and the claim is decided by the primary key, not by a read before a write.
 */
final class IdempotencyRecords {

  static final String IN_FLIGHT = "IN_FLIGHT";
  static final String DONE = "DONE";

  /** A stored key: the request it belongs to, and its first answer once {@link #DONE}. */
  record Entry(
      String fingerprint,
      String state,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      Integer status,
      String location,
      String contentType,
      String body) {

    boolean done() {
      return DONE.equals(state);
    }
  }

  private final JdbcTemplate jdbc;

  IdempotencyRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the key for a request in flight; false when the key is stored already. */
  boolean claim(String key, String fingerprint, OffsetDateTime now, OffsetDateTime expiresAt) {
    try {
      jdbc.update(
          "INSERT INTO idempotency_key (idempotency_key, fingerprint, state, created_at, expires_at)"
              + " VALUES (?, ?, ?, ?, ?)",
          key,
          fingerprint,
          IN_FLIGHT,
          at(now),
          at(expiresAt));
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  Optional<Entry> find(String key) {
    return jdbc
        .query(
            "SELECT * FROM idempotency_key WHERE idempotency_key = ?",
            (rs, n) ->
                new Entry(
                    rs.getString("fingerprint"),
                    rs.getString("state"),
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("expires_at", OffsetDateTime.class),
                    rs.getObject("response_status", Integer.class),
                    rs.getString("response_location"),
                    rs.getString("response_type"),
                    rs.getString("response_body")),
            key)
        .stream()
        .findFirst();
  }

  /** Keeps the first answer of the key claimed for this request. */
  void complete(String key, int status, String location, String contentType, String body) {
    jdbc.update(
        "UPDATE idempotency_key SET state = ?, response_status = ?, response_location = ?,"
            + " response_type = ?, response_body = ? WHERE idempotency_key = ? AND state = ?",
        DONE,
        status,
        new SqlParameterValue(Types.VARCHAR, location),
        new SqlParameterValue(Types.VARCHAR, contentType),
        new SqlParameterValue(Types.VARCHAR, body),
        key,
        IN_FLIGHT);
  }

  /** Forgets a claim whose request did not succeed (nothing of it is kept). */
  void release(String key) {
    jdbc.update(
        "DELETE FROM idempotency_key WHERE idempotency_key = ? AND state = ?", key, IN_FLIGHT);
  }

  /**
   * Forgets a stale entry (expired, or in flight on a server that stopped), exactly the one that
   * was read: a newer claim of the same key by another request stays.
   */
  boolean forgetStale(String key, OffsetDateTime createdAt) {
    return jdbc.update(
            "DELETE FROM idempotency_key WHERE idempotency_key = ? AND created_at = ?",
            key,
            at(createdAt))
        == 1;
  }

  /** Removes the keys expired before {@code now}; returns how many. */
  int removeExpired(OffsetDateTime now) {
    return jdbc.update("DELETE FROM idempotency_key WHERE expires_at < ?", at(now));
  }

  int count() {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key", Integer.class);
    return n == null ? 0 : n;
  }

  private static SqlParameterValue at(OffsetDateTime time) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, time);
  }
}
