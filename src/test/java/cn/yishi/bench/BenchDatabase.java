package cn.yishi.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The benchmark's database, with Yishi's own tables (the Flyway migrations of {@code
 * db/migration}): an embedded PostgreSQL (real binaries, as the tests use), a server given by
 * {@code SPRING_DATASOURCE_URL} / {@code _USERNAME} / {@code _PASSWORD}, or a fresh H2 file
 * database under the output folder.
 */
final class BenchDatabase implements AutoCloseable {

  /** How an application connects to it (Yishi's {@code spring.datasource.*}). */
  record Jdbc(String url, String username, String password) {}

  private final DataSource dataSource;
  private final String description;
  private final AutoCloseable closer;
  private final Jdbc jdbc;

  private BenchDatabase(
      DataSource dataSource, String description, AutoCloseable closer, Jdbc jdbc) {
    this.dataSource = dataSource;
    this.description = description;
    this.closer = closer;
    this.jdbc = jdbc;
  }

  static BenchDatabase open(String kind, Path out, Double randomPageCost) throws IOException {
    return open(kind, out, System.getenv("SPRING_DATASOURCE_URL"), randomPageCost);
  }

  /**
   * {@code url}: a server's, or null for the database {@code kind} names; {@code randomPageCost}:
   * PostgreSQL's planner setting for the benchmark's connections (null: the server's own).
   */
  static BenchDatabase open(String kind, Path out, String url, Double randomPageCost)
      throws IOException {
    BenchDatabase database;
    boolean onPostgres =
        url != null && !url.isBlank()
            ? url.startsWith("jdbc:postgresql:")
            : kind.equals("postgres");
    if (url != null && !url.isBlank()) {
      Jdbc jdbc =
          new Jdbc(
              url,
              System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", ""),
              System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
      DriverManagerDataSource server =
          new DriverManagerDataSource(jdbc.url(), jdbc.username(), jdbc.password());
      // its statistics tables must be empty: the run checks the total it reads against what it made
      database = new BenchDatabase(server, "server " + url.replaceAll("\\?.*", ""), () -> {}, jdbc);
    } else if (kind.equals("postgres")) {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
      DataSource embedded = postgres.getPostgresDatabase();
      if (embedded instanceof PGSimpleDataSource pg) {
        pg.setReWriteBatchedInserts(true); // the bulk fill: one INSERT per batch
      }
      database =
          new BenchDatabase(
              embedded,
              "embedded PostgreSQL",
              postgres,
              new Jdbc(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
    } else if (kind.equals("h2")) {
      Path folder = out.resolve("h2");
      delete(folder);
      Files.createDirectories(folder);
      // QUERY_CACHE_SIZE as Yishi's own H2 url (application.yaml)
      Jdbc jdbc =
          new Jdbc(
              "jdbc:h2:file:"
                  + folder.toAbsolutePath().resolve("bench")
                  + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256",
              "sa",
              "");
      DriverManagerDataSource h2 =
          new DriverManagerDataSource(jdbc.url(), jdbc.username(), jdbc.password());
      database = new BenchDatabase(h2, "H2 file database", () -> {}, jdbc);
    } else {
      throw new IllegalArgumentException("--db must be postgres or h2, not " + kind);
    }
    database = database.pooled(onPostgres ? randomPageCost : null);
    Flyway.configure()
        .dataSource(database.dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return database;
  }

  /**
   * The same database behind a connection pool, as Yishi's own (Spring Boot's Hikari): without one
   * every query would pay for opening a connection.
   */
  private BenchDatabase pooled(Double randomPageCost) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(10);
    config.setPoolName("bench");
    if (randomPageCost != null) {
      // the planner setting docker/compose.yaml gives PostgreSQL (README: Running on PostgreSQL)
      config.setConnectionInitSql("SET random_page_cost = " + randomPageCost);
    }
    HikariDataSource pool = new HikariDataSource(config);
    return new BenchDatabase(
        pool,
        description,
        () -> {
          pool.close();
          closer.close();
        },
        jdbc);
  }

  DataSource dataSource() {
    return dataSource;
  }

  Jdbc jdbc() {
    return jdbc;
  }

  String description() {
    return description;
  }

  @Override
  public void close() throws Exception {
    closer.close();
  }

  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
