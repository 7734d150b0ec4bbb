package cn.yishi.testsupport;

import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Registered in {@code META-INF/spring.factories} of the test classpath: gives every Spring
 * Boot test context its own database (see {@link TestDatabase}) unless the test set
 * {@code spring.datasource.url} itself, e.g. to start Yishi twice on one database.
 */
public class TestDatabaseInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String OWN_DATABASE = "yishi.test.own-database";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var environment = context.getEnvironment();
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
