package cn.yishi.signature;

import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * A {@link SignatureService} for fast tests: an in-memory H2 database with Yishi's signature table
 * (the real Flyway script) and a key directory of the test's choosing.
 */
public final class SignatureTestSupport implements AutoCloseable {

  public static final String MIGRATION = "db/migration/V10__signature_record.sql";

  private final EmbeddedDatabase database;
  public final JdbcTemplate jdbc;

  public SignatureTestSupport() {
    database =
        new EmbeddedDatabaseBuilder()
            .setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true)
            .addScript(MIGRATION)
            .build();
    jdbc = new JdbcTemplate(database);
  }

  /**
   * A service over this database with the key pair in {@code keyDirectory} (generated if absent).
   */
  public SignatureService service(Path keyDirectory) {
    return new SignatureService(jdbc, SigningKeys.loadOrGenerate(keyDirectory));
  }

  @Override
  public void close() {
    database.shutdown();
  }
}
