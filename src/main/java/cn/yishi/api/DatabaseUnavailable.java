package cn.yishi.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached (CONTRACT §4: {@code 503} with {@code
 * Retry-After} then, never a 500): a connection refused or lost, the pool out of connections, an
 * SQL state of class 08 (connection exception), 57P (PostgreSQL: the server is shutting down) or
 * H2's database-closed states, whatever wraps it (the engine, Spring's transaction manager, JDBC).
 */
public final class DatabaseUnavailable {

  /** How long a client should wait before it tries again (seconds). */
  public static final long RETRY_AFTER_SECONDS = 30;

  /** H2's states for a database closed or a connection broken (it does not use class 08). */
  private static final java.util.Set<String> H2_CLOSED =
      java.util.Set.of("90067", "90098", "90121");

  static final String DETAIL = "系统暂时无法访问数据库，请稍后再试";

  private DatabaseUnavailable() {}

  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P") || H2_CLOSED.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
