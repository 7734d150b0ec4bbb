package cn.yishi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.statistics.StatisticsBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark still measures what it says (it is not run by {@code mvn verify}, so it would rot
 * unseen): its three FEEL engines decide the generated proposals alike, and its read model, filled
 * in bulk, counts what it generated. Nothing here is timed.
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
}
