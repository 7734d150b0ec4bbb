package cn.yishi.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one PostgreSQL of the cluster test: an embedded server on a fixed port with its data
 * directory under target/, so that it can be stopped (a fast shutdown: clients are disconnected)
 * and started again on the same port with the same data, like a database server restarted under
 * running nodes.
 */
final class ClusterDatabase implements AutoCloseable {

  static final String DATABASE = "yishi";
  static final String USER = "postgres";
  static final String PASSWORD = "postgres";

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  private ClusterDatabase(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** A new server in an empty data directory, with an empty database {@link #DATABASE}. */
  static ClusterDatabase create(Path dataDirectory, int port) throws IOException, SQLException {
    ClusterDatabase database = new ClusterDatabase(dataDirectory, port);
    database.start();
    try (Connection connection = database.server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    return database;
  }

  /** Starts the server on its port and data directory (initialised on first start only). */
  synchronized void start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("PostgreSQL is already running");
    }
    server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
  }

  /** Stops the server (pg_ctl stop -m fast), keeping its data directory. */
  synchronized void stop() throws IOException {
    if (server != null) {
      try {
        server.close();
      } finally {
        server = null;
      }
    }
  }

  synchronized boolean isRunning() {
    return server != null;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  /** Rows of a query on a connection of its own; column names in lower case. */
  List<Map<String, Object>> query(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), rows.getObject(c));
          }
          result.add(row);
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  long count(String sql, Object... parameters) {
    return ((Number) query(sql, parameters).get(0).values().iterator().next()).longValue();
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
