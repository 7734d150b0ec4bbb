package cn.yishi.security;

import cn.yishi.organisation.DemoDataProperties;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * With profile {@code prod}, refuses to start (before the engine creates any user) while the admin
 * password ({@code camunda.bpm.admin-user.password}, from {@code YISHI_ADMIN_PASSWORD}) is empty, a
 * well-known default or shorter than {@value #MIN_LENGTH} characters, or while demo data is on.
 */
@Component
public class ProductionGuard implements BeanFactoryPostProcessor, EnvironmentAware {

  public static final String PROFILE = "prod";
  public static final int MIN_LENGTH = 8;
  static final Set<String> WEAK =
      Set.of(
          "admin",
          "administrator",
          "demo",
          "password",
          "passw0rd",
          "camunda",
          "yishi",
          "changeme",
          "change-me",
          "secret",
          "root",
          "test",
          "qwerty",
          "letmein",
          "123456",
          "12345678",
          "123456789",
          "admin123",
          "password1",
          "camunda123",
          "yishi123");

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory)
      throws BeansException {
    check(environment);
  }

  /** Throws {@link IllegalStateException} with the reason if a prod start must not go ahead. */
  public static void check(Environment environment) {
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    if (demoData(environment)) {
      throw new IllegalStateException(
          "Refusing to start with profile 'prod': yishi.demo-data is true, which would create"
              + " demo users with the password 'demo'. Remove it (the prod profile sets it false).");
    }
    String adminId = environment.getProperty("camunda.bpm.admin-user.id");
    if (adminId == null || adminId.isBlank()) {
      return; // no admin user is created
    }
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    String reason = weakness(adminId, password);
    if (reason != null) {
      throw new IllegalStateException(
          "Refusing to start with profile 'prod': the admin password (camunda.bpm.admin-user.password,"
              + " set it with the environment variable YISHI_ADMIN_PASSWORD) "
              + reason
              + ".");
    }
  }

  /**
   * {@code yishi.demo-data} as {@link DemoDataProperties} binds it (same default), read from the
   * environment because this check runs before any bean exists.
   */
  private static boolean demoData(Environment environment) {
    if (environment instanceof ConfigurableEnvironment configurable) {
      return Binder.get(configurable).bindOrCreate("yishi", DemoDataProperties.class).demoData();
    }
    return environment.getProperty("yishi.demo-data", Boolean.class, false);
  }

  static String weakness(String adminId, String password) {
    if (password == null || password.isBlank()) {
      return "is empty";
    }
    String lower = password.strip().toLowerCase(Locale.ROOT);
    if (WEAK.contains(lower) || lower.equals(adminId.toLowerCase(Locale.ROOT))) {
      return "is a well-known default";
    }
    if (password.length() < MIN_LENGTH) {
      return "is shorter than " + MIN_LENGTH + " characters";
    }
    return null;
  }
}
