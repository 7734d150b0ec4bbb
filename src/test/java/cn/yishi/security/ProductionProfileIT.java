package cn.yishi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.organisation.DemoUsers;
import cn.yishi.organisation.SeparateApplication;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Profile {@code prod}: no start with an empty or default admin password; with a strong one, Yishi
 * starts without any demo user. Each start is a separate Spring application on its own database and
 * with its own engine name, beside the shared test context.
 */
class ProductionProfileIT {

  static ConfigurableApplicationContext startProd(String adminPassword, String... more) {
    List<String> args = new ArrayList<>();
    args.add("--camunda.bpm.admin-user.password=" + adminPassword);
    args.addAll(List.of(more));
    return SeparateApplication.run("prodcheck", List.of("prod"), args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "admin", "demo", "password", "camunda", "Admin", "short7!"})
  void refusesAWeakAdminPassword(String password) {
    assertThatThrownBy(() -> startProd(password).close())
        .hasStackTraceContaining("Refusing to start with profile 'prod'")
        .hasStackTraceContaining("YISHI_ADMIN_PASSWORD");
  }

  @Test
  void refusesAnEmptyAdminPasswordWithAClearMessage() {
    assertThatThrownBy(() -> startProd("").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the admin password (camunda.bpm.admin-user.password")
        .hasMessageContaining("is empty");
  }

  @Test
  void refusesDemoDataInProduction() {
    assertThatThrownBy(() -> startProd("A-strong-Passw0rd-42", "--yishi.demo-data=true").close())
        .hasStackTraceContaining("yishi.demo-data is true");
  }

  @Test
  void startsWithAStrongPasswordAndWithoutDemoUsers() {
    try (ConfigurableApplicationContext context = startProd("A-strong-Passw0rd-42")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "A-strong-Passw0rd-42")).isTrue();
      for (DemoUsers.DemoUser demo : context.getBean(DemoUsers.class).read()) {
        assertThat(identity.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
      }
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      // the organisation's groups are there all the same
      assertThat(identity.createGroupQuery().groupId("jn-jld-jldbl.caseworker").count())
          .isEqualTo(1);
      assertThat(identity.createGroupQuery().groupId("auditors").count()).isEqualTo(1);
    }
  }
}
