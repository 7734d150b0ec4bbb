package cn.yishi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.statistics.StatisticsBenchmark;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The benchmark still measures what it says (it is not run by {@code mvn verify}, so it would rot
 * unseen): its three FEEL engines decide the generated proposals alike, its read model, filled in
 * bulk, counts what it generated, its lifecycle run drives every seed case to its end and its bare
 * floor has the same transactions, its statement counter counts. Nothing here is timed.
 */
class BenchmarkTest {

  @Test
  void theThreeFeelEnginesDecideEveryGeneratedProposalAlike() {
    assertThat(new DmnChainBenchmark(1, 0, 150, 7L).checkAlike()).isEqualTo(150);
  }

  @Test
  void theBulkFilledReadModelCountsEveryGeneratedProposal(@TempDir Path out) throws Exception {
    List<String> printed = new ArrayList<>();
    try (BenchDatabase database = BenchDatabase.open("h2", out, null, null)) {
      Map<String, Object> figures =
          new StatisticsBenchmark(database.dataSource(), 300, 20, 7L).run(printed::add);

      assertThat(figures)
          .containsEntry("statistics_proposals", 300)
          .containsKey("statistics_p95_ms");
      assertThat((Long) figures.get("statistics_sum_rows")).isPositive();
    }
    assertThat(printed).anySatisfy(line -> assertThat(line).contains("300 proposals"));
  }

  @Test
  void theCopiedTasksAreOpenTasksOfTheirUnits(@TempDir Path out) throws Exception {
    List<String> communities = StatisticsBenchmark.communities().stream().map(c -> c[0]).toList();
    try (BenchDatabase database = BenchDatabase.open("postgres", out, null, 1.1)) {
      Map<String, Object> figures =
          new TaskQueryBenchmark(database.dataSource(), 10 * communities.size(), 5, communities)
              .run(line -> {});

      // run() refuses copies the engine does not count as their unit's open tasks
      assertThat(figures)
          .containsEntry("task_query_open_tasks", 10L * communities.size())
          .containsKey("task_query_p95_ms");
    }
  }

  @Test
  void theSqlCounterNamesEachStatementByItsKindAndTable() {
    assertThat(SqlCounter.shape("insert into ACT_RU_VARIABLE (ID_, REV_) values (?, ?)"))
        .isEqualTo("insert into ACT_RU_VARIABLE");
    assertThat(SqlCounter.shape("  UPDATE notification SET attempts = ? WHERE id = ?"))
        .isEqualTo("update NOTIFICATION");
    assertThat(SqlCounter.shape("delete from ACT_RU_JOB where ID_ = ? and REV_ = ?"))
        .isEqualTo("delete from ACT_RU_JOB");
    assertThat(
            SqlCounter.shape(
                "select distinct RES.* from ACT_RE_DECISION_DEF RES where RES.KEY_ = ? order by RES.VERSION_ desc"))
        .isEqualTo("select ACT_RE_DECISION_DEF");
    assertThat(SqlCounter.shape("MERGE INTO statistics_day (area) KEY (area) VALUES (?)"))
        .isEqualTo("merge into STATISTICS_DAY");
  }

  @Test
  void theStatementCounterCountsEveryStatementSentByKind() throws Exception {
    StatementCounter counter = new StatementCounter();
    DataSource h2 =
        counter.wrap(
            new DriverManagerDataSource(
                "jdbc:h2:mem:counter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table t (x int)");
      try (PreparedStatement insert = connection.prepareStatement("insert into t values (?)")) {
        insert.setInt(1, 1);
        insert.executeUpdate();
        insert.setInt(1, 2);
        insert.addBatch();
        insert.setInt(1, 3);
        insert.addBatch();
        insert.executeBatch(); // one round trip
      }
      statement.executeQuery("select count(*) from t").close();
    }

    assertThat(counter.count()).isEqualTo(4);
    assertThat(counter.byKind())
        .containsEntry("create", 1L)
        .containsEntry("insert t", 2L)
        .containsEntry("select t", 1L);
  }

  @Test
  void theSeedFiguresMixHasTheSeedsCategoriesAndAnyThirtyFiveHoldEveryOne() {
    int total = LifecycleBenchmark.SEED_CATEGORIES.values().stream().mapToInt(i -> i).sum();
    Map<String, Long> mix =
        LifecycleBenchmark.seedFigures(total).stream()
            .collect(
                Collectors.groupingBy(
                    LifecycleBenchmark.Submission::category, Collectors.counting()));

    assertThat(mix)
        .isEqualTo(
            LifecycleBenchmark.SEED_CATEGORIES.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue())));
    assertThat(
            LifecycleBenchmark.seedFigures(35).stream()
                .map(s -> s.followed())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(LifecycleBenchmark.Case.values());
  }

  @Test
  void everySeedCaseReachesTheEndOfItsLifecycleAndTheBareFloorHasItsTransactions(@TempDir Path out)
      throws Exception {
    List<String> printed = new ArrayList<>();
    BenchDatabase.Jdbc h2 =
        new BenchDatabase.Jdbc(
            "jdbc:h2:mem:lifecycle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    // run() refuses a proposal that is not closed, or whose processes did not all end
    Map<String, Object> figures =
        new LifecycleBenchmark(h2, LifecycleBenchmark.oneCasePerTrack(), List.of(), 2, out)
            .run(printed::add);

    assertThat(figures)
        .containsEntry("lifecycle_proposals", 4)
        .containsEntry(
            "lifecycle_tracks", Map.of("HARD", 1L, "MAJOR", 1L, "MINOR", 1L, "URGENT", 1L))
        .containsKeys("lifecycle_per_s", "lifecycle_p95_ms", "engine_floor_ratio");
    assertThat(figures.get("bare_transactions_per_instance"))
        .isEqualTo(figures.get("lifecycle_transactions_per_proposal"));
    assertThat((Double) figures.get("lifecycle_user_tasks_per_proposal")).isGreaterThan(5);
    assertThat((Double) figures.get("lifecycle_timer_jobs_per_proposal")).isPositive();
    assertThat((Double) figures.get("lifecycle_async_jobs_per_proposal")).isPositive();
    assertThat((Double) figures.get("sql_per_lifecycle")).isPositive();
    assertThat((Double) figures.get("bare_sql_per_instance")).isPositive();
    assertThat(printed).anySatisfy(line -> assertThat(line).contains("engine_floor_ratio"));
  }
}
