package cn.yishi.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

  private static MockEnvironment prod() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(ProductionGuard.PROFILE);
    environment.setProperty("camunda.bpm.admin-user.id", "admin");
    environment.setProperty("camunda.bpm.admin-user.password", "A-strong-Passw0rd-42");
    return environment;
  }

  @Test
  void demoDataIsRefusedInProductionAndOffByDefault() {
    assertThatCode(() -> ProductionGuard.check(prod())).doesNotThrowAnyException();
    assertThatThrownBy(() -> ProductionGuard.check(prod().withProperty("yishi.demo-data", "true")))
        .hasMessageContaining("yishi.demo-data is true");
  }

  @Test
  void aWeakAdminPasswordIsRefusedInProduction() {
    assertThatThrownBy(
            () ->
                ProductionGuard.check(
                    prod().withProperty("camunda.bpm.admin-user.password", "admin")))
        .hasMessageContaining("well-known default");
  }
}
