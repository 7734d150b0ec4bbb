package cn.yishi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Registered in {@code META-INF/spring.factories} of the test classpath: gives every Spring Boot
 * test context its own database (see {@link TestDatabase}) unless the test set {@code
 * spring.datasource.url} itself, e.g. to start Yishi twice on one database; and keeps the signing
 * key of test contexts in a temporary directory, never in the developer's {@code ./data}.
 */
public class TestDatabaseInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String OWN_DATABASE = "yishi.test.own-database";

  /**
   * One signing-key directory for every context of this test JVM, as one deployment has one key.
   */
  private static final Path SIGNING_KEYS = signingKeyDirectory();

  private static Path signingKeyDirectory() {
    try {
      return Files.createTempDirectory("yishi-test-keys-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the test signing key", e);
    }
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var environment = context.getEnvironment();
    // the default of yishi.signature.key-directory (application.yaml); lowest precedence, so a
    // test that sets the property itself still wins
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "yishiTestSigningKeys",
                Map.of("YISHI_SIGNATURE_KEY_DIRECTORY", SIGNING_KEYS.toString())));
    if (environment.getProperty(OWN_DATABASE, Boolean.class, false)) {
      return;
    }
    TestDatabase.Url url = TestDatabase.newDatabase();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "yishiTestDatabase",
                Map.of(
                    "spring.datasource.url", url.jdbcUrl(),
                    "spring.datasource.username", url.username(),
                    "spring.datasource.password", url.password())));
    // Registered first, so destroyed last: after the data source and the job executor.
    ((DefaultListableBeanFactory) context.getBeanFactory())
        .registerDisposableBean("yishiTestDatabaseRelease", TestDatabase::release);
  }
}
