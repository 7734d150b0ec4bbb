package cn.yishi.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.testsupport.TestDatabase;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Starting Yishi a second time on the same database changes nothing and does not fail. */
class IdentityRestartIT {

  record Counts(long groups, long users, long memberships, long authorizations, long filters) {}

  static Counts counts(ConfigurableApplicationContext context) {
    IdentityService identity = context.getBean(IdentityService.class);
    AuthorizationService authorizations = context.getBean(AuthorizationService.class);
    FilterService filters = context.getBean(FilterService.class);
    long memberships = 0;
    for (var group : identity.createGroupQuery().list()) {
      memberships += identity.createUserQuery().memberOfGroup(group.getId()).count();
    }
    return new Counts(
        identity.createGroupQuery().count(),
        identity.createUserQuery().count(),
        memberships,
        authorizations.createAuthorizationQuery().count(),
        filters.createFilterQuery().count());
  }

  static ConfigurableApplicationContext start(TestDatabase.Url db, String engineName) {
    return SeparateApplication.run(
        engineName,
        List.of(),
        "--yishi.test.own-database=true",
        "--spring.datasource.url=" + db.jdbcUrl(),
        "--spring.datasource.username=" + db.username(),
        "--spring.datasource.password=" + db.password());
  }

  @Test
  void secondStartChangesNothing() {
    TestDatabase.Url db = TestDatabase.newDatabase();
    try {
      Counts first;
      try (ConfigurableApplicationContext context = start(db, "restart1")) {
        SyncReport report = context.getBean(IdentitySync.class).lastReport();
        assertThat(report.groupsCreated())
            .isEqualTo(context.getBean(Groups.class).definitions().size());
        assertThat(report.filtersCreated()).isEqualTo(2);
        assertThat(report.usersCreated()).isPositive();
        first = counts(context);
      }
      try (ConfigurableApplicationContext context = start(db, "restart2")) {
        SyncReport report = context.getBean(IdentitySync.class).lastReport();
        assertThat(report.changes()).as(report.toString()).isZero();
        assertThat(counts(context)).isEqualTo(first);
      }
    } finally {
      TestDatabase.release();
    }
  }
}
