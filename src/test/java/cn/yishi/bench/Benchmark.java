package cn.yishi.bench;

import cn.yishi.statistics.StatisticsBenchmark;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Yishi's benchmark (README "Benchmark"): never part of {@code mvn verify} or {@code .ci/run}. Run
 * with {@code mvn -B -ntp -q -Pbench test-compile exec:java} (arguments in {@code
 * -Dbench.args="--threads=2 --seconds=10"}). Writes {@code target/bench/results.json} and a table
 * beside it ({@code results.md}), and prints the table.
 *
 * <p>Each figure is measured beside a baseline in the same run: this machine is shared, so the
 * ratios mean more than the absolute numbers.
 */
public final class Benchmark {

  /** The keys of the benchmark issue this benchmark does not measure yet. */
  static final List<String> NOT_MEASURED_YET = List.of();

  static final List<String> OPTIONS =
      List.of(
          "only",
          "threads",
          "seconds",
          "proposals",
          "statistics-proposals",
          "tasks",
          "pg-random-page-cost",
          "queries",
          "lifecycle-proposals",
          "audit-proposals",
          "db",
          "intake-seconds",
          "intake-clients",
          "intake-paced-rate",
          "intake-app-properties",
          "out");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
    double seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
    int proposals = Integer.parseInt(options.getOrDefault("proposals", "2000"));
    int statisticsProposals =
        Integer.parseInt(options.getOrDefault("statistics-proposals", "1000000"));
    int queries = Integer.parseInt(options.getOrDefault("queries", "500"));
    String db = options.getOrDefault("db", "postgres");
    int tasks = Integer.parseInt(options.getOrDefault("tasks", "100000"));
    String pageCost = options.getOrDefault("pg-random-page-cost", "1.1");
    Double randomPageCost = pageCost.equals("server") ? null : Double.valueOf(pageCost);
    int lifecycleProposals = Integer.parseInt(options.getOrDefault("lifecycle-proposals", "200"));
    List<String> only =
        List.of(
            options.getOrDefault("only", "dmn,statistics,tasks,lifecycle,audit,intake").split(","));
    Path out = Path.of(options.getOrDefault("out", "target/bench"));

    List<String> lines = new ArrayList<>();
    Consumer<String> print =
        line -> {
          System.out.println(line);
          lines.add(line);
        };
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("measured_at", OffsetDateTime.now().toString());
    results.put("cpus", Runtime.getRuntime().availableProcessors());
    results.put("java", System.getProperty("java.version"));
    results.put("threads", threads);
    results.put("seconds_per_figure", seconds);

    if (only.contains("dmn")) {
      results.putAll(new DmnChainBenchmark(threads, seconds, proposals, 20261204L).run(print));
    }
    if (only.contains("statistics")) {
      try (BenchDatabase database = BenchDatabase.open(db, out, randomPageCost)) {
        results.put(
            "statistics_database",
            database.description()
                + (randomPageCost == null || !db.equals("postgres")
                    ? ""
                    : ", random_page_cost " + randomPageCost));
        results.putAll(
            new StatisticsBenchmark(database.dataSource(), statisticsProposals, queries, 20261204L)
                .run(print));
      }
    }
    List<String> notMeasured = new ArrayList<>(NOT_MEASURED_YET);
    if (only.contains("tasks")) {
      if (db.equals("postgres")) {
        try (BenchDatabase database = BenchDatabase.open(db, out, randomPageCost)) {
          results.put(
              "task_query_database",
              database.description()
                  + (randomPageCost == null ? "" : ", random_page_cost " + randomPageCost));
          List<String> communities =
              StatisticsBenchmark.communities().stream().map(c -> c[0]).toList();
          results.putAll(
              new TaskQueryBenchmark(database.dataSource(), tasks, queries, communities)
                  .run(print));
        }
      } else {
        print.accept("task query: measured on PostgreSQL only (--db=postgres)");
        notMeasured.add("task_query_p95_ms (PostgreSQL only)");
      }
    }
    if (only.contains("intake")) {
      double intakeSeconds = Double.parseDouble(options.getOrDefault("intake-seconds", "15"));
      List<Integer> clients =
          Stream.of(options.getOrDefault("intake-clients", "1,4,8").split(","))
              .map(Integer::valueOf)
              .toList();
      int pacedRate = Integer.parseInt(options.getOrDefault("intake-paced-rate", "50"));
      String appProperties = options.getOrDefault("intake-app-properties", "");
      results.putAll(
          new IntakeBenchmark(
                  db,
                  out,
                  intakeSeconds,
                  Math.min(10, intakeSeconds),
                  clients,
                  pacedRate,
                  appProperties.isBlank() ? List.of() : List.of(appProperties.split(";")))
              .run(print));
    }
    if (only.contains("audit") && !only.contains("lifecycle")) {
      throw new IllegalArgumentException(
          "--only=audit needs lifecycle too: the audit trail's history is copied from the"
              + " proposals the lifecycle part drove");
    }
    boolean audit = only.contains("audit") && db.equals("postgres");
    if (only.contains("audit") && !audit) {
      print.accept("audit trail: measured on PostgreSQL only (--db=postgres)");
      notMeasured.add("audit_trail_p95_ms (PostgreSQL only)");
    }
    if (only.contains("lifecycle")) {
      List<Integer> auditSizes =
          Stream.of(options.getOrDefault("audit-proposals", "10000,30000,100000").split(","))
              .map(Integer::valueOf)
              .toList();
      try (BenchDatabase database = BenchDatabase.open(db, out, randomPageCost)) {
        results.put("lifecycle_database", database.description());
        LifecycleBenchmark lifecycle =
            new LifecycleBenchmark(
                database.jdbc(),
                LifecycleBenchmark.seedFigures(lifecycleProposals),
                LifecycleBenchmark.oneCasePerTrack(),
                threads,
                out);
        if (audit) {
          results.put("audit_trail_database", database.description());
          lifecycle.afterwards(yishi -> AuditTrailBenchmark.on(yishi, auditSizes, queries, print));
        }
        results.putAll(lifecycle.run(print));
      }
    }
    results.put("not_measured_yet", notMeasured);

    String table = table(results);
    Files.createDirectories(out);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("results.json").toFile(), results);
    Files.writeString(out.resolve("results.md"), table, StandardCharsets.UTF_8);
    System.out.println();
    System.out.print(table);
    System.out.println(
        "written: " + out.resolve("results.json") + ", " + out.resolve("results.md"));
  }

  @SuppressWarnings("unchecked")
  static String table(Map<String, Object> r) {
    StringBuilder t = new StringBuilder();
    t.append("| figure | Yishi | baseline (same run) | ratio | target |\n");
    t.append("|---|---|---|---|---|\n");
    if (r.containsKey("dmn_chain_per_s")) {
      t.append(
          String.format(
              "| dmn_chain_per_s (%s tables, %s thread(s)) | %,d | legacy FEEL %,d; Camunda's default FEEL %,d | %s | ≥ 20,000 |%n",
              r.get("dmn_tables_per_chain"),
              r.get("threads"),
              (Long) r.get("dmn_chain_per_s"),
              (Long) r.get("dmn_chain_per_s_legacy_feel"),
              (Long) r.get("dmn_chain_per_s_camunda_default_feel"),
              r.get("dmn_chain_ratio_to_legacy")));
    }
    if (r.containsKey("statistics_p95_ms")) {
      t.append(
          String.format(
              "| statistics_p95_ms (%,d proposals, %s) | %s ms (p50 %s) | count(*) p95 %s ms (p50 %s) | %.2f | < 100 |%n",
              r.get("statistics_proposals"),
              r.get("statistics_database"),
              r.get("statistics_p95_ms"),
              r.get("statistics_p50_ms"),
              r.get("statistics_count_star_p95_ms"),
              r.get("statistics_count_star_p50_ms"),
              (Double) r.get("statistics_p95_ms")
                  / (Double) r.get("statistics_count_star_p95_ms")));
    }
    if (r.containsKey("task_query_p95_ms")) {
      t.append(
          String.format(
              "| task_query_p95_ms (%,d open tasks, %s) | %s ms (p50 %s) | all open tasks, no group: p95 %s ms (p50 %s) | %.2f | < 50 |%n",
              r.get("task_query_open_tasks"),
              r.get("task_query_database"),
              r.get("task_query_p95_ms"),
              r.get("task_query_p50_ms"),
              r.get("task_query_bare_p95_ms"),
              r.get("task_query_bare_p50_ms"),
              (Double) r.get("task_query_p95_ms") / (Double) r.get("task_query_bare_p95_ms")));
    }
    if (r.containsKey("intake_per_s")) {
      for (Object key : r.keySet().stream().filter(k -> k.startsWith("intake_per_s_")).toList()) {
        String clients = key.toString().substring("intake_per_s_".length());
        t.append(
            String.format(
                "| intake_per_s, intake_p50/p99_ms (%s, %s) | %s/s (p50 %s ms, p99 %s ms) | bare one-task start over HTTP %s/s (p50 %s, p99 %s) | intake_floor_ratio %s | ratio ≤ 1.5 at 8 clients |%n",
                clients.replace('_', ' '),
                r.get("intake_database"),
                r.get(key),
                r.get("intake_p50_ms_" + clients),
                r.get("intake_p99_ms_" + clients),
                r.get("intake_bare_per_s_" + clients),
                r.get("intake_bare_p50_ms_" + clients),
                r.get("intake_bare_p99_ms_" + clients),
                r.get("intake_floor_ratio_" + clients)));
      }
      t.append(
          String.format(
              "| intake_paced_p99_ms (paced %s/s, %s) | p99 %s ms (p50 %s), %s answered, %s failed | — | — | p99 < 100 |%n",
              r.get("intake_paced_rate_per_s"),
              r.get("intake_database"),
              r.get("intake_paced_p99_ms"),
              r.get("intake_paced_p50_ms"),
              r.get("intake_paced_answered"),
              r.get("intake_paced_failed")));
      t.append(
          String.format(
              "| intake_sql_per_request (%s) | %s statements, %s rows written, %s round trips | bare start: %s statements, %s rows, %s round trips | %.1f (statements) | — |%n",
              r.get("intake_database"),
              r.get("intake_sql_per_request"),
              r.get("intake_rows_written_per_request"),
              r.get("intake_sql_round_trips_per_request"),
              r.get("intake_bare_sql_per_request"),
              r.get("intake_bare_rows_written_per_request"),
              r.get("intake_bare_sql_round_trips_per_request"),
              (Double) r.get("intake_sql_per_request")
                  / (Double) r.get("intake_bare_sql_per_request")));
    }
    if (r.containsKey("lifecycle_per_s")) {
      t.append(
          String.format(
              "| lifecycle_per_s (%s proposals, %s thread(s), %s, history %s) | %s/s (p50 %s ms, p95 %s ms) | bare process, same transactions: %s/s (p50 %s ms, p95 %s ms) | %s (engine_floor_ratio) | engine_floor_ratio ≤ 1.3 |%n",
              r.get("lifecycle_proposals"),
              r.get("lifecycle_threads"),
              r.get("lifecycle_database"),
              r.get("lifecycle_history_level"),
              r.get("lifecycle_per_s"),
              r.get("lifecycle_p50_ms"),
              r.get("lifecycle_p95_ms"),
              r.get("bare_instances_per_s"),
              r.get("bare_p50_ms"),
              r.get("bare_p95_ms"),
              r.get("engine_floor_ratio")));
      t.append(
          String.format(
              "| sql_per_lifecycle (%s transactions per proposal) | %s statements | bare process: %s per instance | %.2f | — |%n",
              r.get("lifecycle_transactions_per_proposal"),
              r.get("sql_per_lifecycle"),
              r.get("bare_sql_per_instance"),
              (Double) r.get("sql_per_lifecycle") / (Double) r.get("bare_sql_per_instance")));
    }
    if (r.containsKey("audit_trail_p95_ms")) {
      for (Map<String, Object> point : (List<Map<String, Object>>) r.get("audit_trail_trend")) {
        t.append(
            String.format(
                "| audit_trail_p95_ms (%,d proposals in history, %s) | %s ms (p50 %s) | the engine's instances and activities alone: p95 %s ms (p50 %s) | %.2f | < 200 |%n",
                (Long) point.get("proposals"),
                r.get("audit_trail_database"),
                point.get("p95_ms"),
                point.get("p50_ms"),
                point.get("bare_p95_ms"),
                point.get("bare_p50_ms"),
                (Double) point.get("p95_ms") / (Double) point.get("bare_p95_ms")));
      }
    }
    List<String> notMeasured = (List<String>) r.get("not_measured_yet");
    if (!notMeasured.isEmpty()) {
      t.append("\nNot measured by this run: ").append(String.join("; ", notMeasured)).append(".\n");
    }
    return t.toString();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "unknown argument "
                + arg
                + " (expected --threads=N, --seconds=S, --proposals=N, --out=DIR)");
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown option --" + name + " (" + String.join(", ", OPTIONS) + ")");
      }
      options.put(name, arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }
}
