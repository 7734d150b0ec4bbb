package cn.yishi.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.testsupport.TestDatabase;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
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
        IdentitySync sync = context.getBean(IdentitySync.class);
        assertThat(report.filtersCreated()).isEqualTo(sync.filterDefinitions().size());
        assertThat(report.usersCreated()).isPositive();
        first = counts(context);

        // a filter an administrator changed (or an older Yishi made) is put back, not duplicated
        FilterService filters = context.getBean(FilterService.class);
        Filter overdue =
            filters.createFilterQuery().filterName(IdentitySync.FILTER_OVERDUE).singleResult();
        overdue.setQuery(context.getBean(TaskService.class).createTaskQuery());
        overdue.setProperties(Map.of("priority", 99));
        filters.saveFilter(overdue);
        SyncReport again = sync.synchronise();
        assertThat(again.filtersUpdated()).isEqualTo(1);
        assertThat(again.changes()).as(again.toString()).isEqualTo(1);
        assertThat(counts(context)).isEqualTo(first);
        Filter restored = filters.getFilter(overdue.getId());
        assertThat(restored.getProperties()).containsValue("本单位已超过办理期限的任务");
        assertThat(((TaskQueryImpl) restored.getQuery()).getExpressions())
            .containsValues("${now()}", "${currentUserGroups()}");
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
