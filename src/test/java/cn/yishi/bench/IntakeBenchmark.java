package cn.yishi.bench;

import static cn.yishi.common.CommonVariables.COMMUNITY;
import static cn.yishi.common.CommonVariables.DESCRIPTION;
import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.proposal.ProposalLifecycleProcess.AFFECTED_HOUSEHOLDS;
import static cn.yishi.proposal.ProposalLifecycleProcess.CO_SIGNERS;
import static cn.yishi.proposal.ProposalLifecycleProcess.ESTIMATED_COST;
import static cn.yishi.proposal.ProposalLifecycleProcess.SCOPE;
import static cn.yishi.proposal.ProposalLifecycleProcess.SUBMITTER_NAME;
import static cn.yishi.proposal.ProposalLifecycleProcess.TOPIC;
import static cn.yishi.proposal.ProposalLifecycleProcess.USES_COLLECTIVE_FUNDS;

import cn.yishi.YishiApplication;
import cn.yishi.proposal.ProposalFields;
import cn.yishi.statistics.StatisticsBenchmark;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake over HTTP (benchmark issue, "intake_*"; issue 7, defect 11): starts Yishi in this JVM on a
 * random localhost port (a fresh H2 file database under the output folder, an embedded PostgreSQL,
 * or the server of {@code SPRING_DATASOURCE_URL}), deploys a bare one-user-task process through
 * {@code /engine-rest} as admin, and measures starts of that process beside {@code POST
 * /api/proposals} with {@link HttpClient}: closed loops at each client count (each client sends its
 * next request when the last answered), then an open loop paced at a fixed rate (latency from the
 * planned send time, so a queue shows). The write limits do not apply: localhost is a trusted
 * client and the per-address limit is raised as well.
 */
final class IntakeBenchmark {

  static final String BARE_KEY = "benchmarkBareStart";
  static final String BARE_BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Bench" targetNamespace="https://yishi.cn/bench">
        <bpmn:process id="%s" name="基准：单个人工任务" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Event_Start" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Wait" />
          <bpmn:userTask id="Task_Wait" name="等待" />
          <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Wait" targetRef="Event_End" />
          <bpmn:endEvent id="Event_End" />
        </bpmn:process>
      </bpmn:definitions>
      """
          .formatted(BARE_KEY);

  private static final Pattern NUMBER = Pattern.compile("\"number\":\"[A-Z]+-\\d{4}-\\d{6}\"");
  private static final String ADMIN =
      "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String[] TITLES = {
    "楼道照明改造", "院内增设休闲座椅", "小区绿地补植", "电动车充电桩建设", "垃圾分类点整治", "消防通道清理", "老年食堂延长开放", "单元门禁维修"
  };

  private final String db;
  private final Path out;
  private final double seconds;
  private final double warmUpSeconds;
  private final List<Integer> clientCounts;
  private final int pacedRate;
  private final List<String> appProperties;
  private final List<String> communities =
      StatisticsBenchmark.communities().stream().map(c -> c[0]).toList();
  private final List<String> topics = ProposalFields.TOPICS.stream().sorted().toList();
  // a MULTI_COMMUNITY scope asks the sorting caseworker for more; residents mostly send these
  private final List<String> scopes =
      ProposalFields.SCOPES.stream().filter(s -> !s.equals("MULTI_COMMUNITY")).sorted().toList();
  private final AtomicLong sequence = new AtomicLong();
  private final ObjectMapper json = new ObjectMapper();

  private HttpClient http;
  private String base;

  IntakeBenchmark(
      String db,
      Path out,
      double seconds,
      double warmUpSeconds,
      List<Integer> clientCounts,
      int pacedRate,
      List<String> appProperties) {
    for (String property : appProperties) {
      if (!property.contains("=")) {
        throw new IllegalArgumentException(
            "--intake-app-properties: expected name=value;name=value, not " + property);
      }
    }
    this.appProperties = appProperties;
    this.db = db;
    this.out = out;
    this.seconds = seconds;
    this.warmUpSeconds = warmUpSeconds;
    this.clientCounts = clientCounts;
    this.pacedRate = pacedRate;
  }

  Map<String, Object> run(Consumer<String> print) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    try (Server server = start(print)) {
      figures.put("intake_database", server.description);
      base = "http://127.0.0.1:" + server.port;
      ExecutorService httpThreads = Executors.newCachedThreadPool();
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(TIMEOUT)
              .executor(httpThreads)
              .build();
      try {
        deployBare();
        print.accept(
            String.format("intake: warming up (%.0f s each, 4 clients) ...", warmUpSeconds));
        closedLoop(false, 4, warmUpSeconds);
        closedLoop(true, 4, warmUpSeconds);
        figures.putAll(countSql(server.sql, print));
        List<String> failures = new ArrayList<>();
        for (int clients : clientCounts) {
          Summary bare = closedLoop(false, clients, seconds);
          Summary yishi = closedLoop(true, clients, seconds);
          bare.failures("bare, " + clients + " clients", failures);
          yishi.failures("POST /api/proposals, " + clients + " clients", failures);
          String suffix = "_" + clients + "_clients";
          figures.put("intake_per_s" + suffix, round(yishi.perSecond, 1));
          figures.put("intake_p50_ms" + suffix, round(yishi.p50, 1));
          figures.put("intake_p99_ms" + suffix, round(yishi.p99, 1));
          figures.put("intake_bare_per_s" + suffix, round(bare.perSecond, 1));
          figures.put("intake_bare_p50_ms" + suffix, round(bare.p50, 1));
          figures.put("intake_bare_p99_ms" + suffix, round(bare.p99, 1));
          figures.put("intake_floor_ratio" + suffix, round(bare.perSecond / yishi.perSecond, 2));
          print.accept(
              String.format(
                  "intake, %d client(s): Yishi %.1f/s (p50 %.0f ms, p99 %.0f ms), bare start %.1f/s (p50 %.0f, p99 %.0f), floor ratio %.2f",
                  clients,
                  yishi.perSecond,
                  yishi.p50,
                  yishi.p99,
                  bare.perSecond,
                  bare.p50,
                  bare.p99,
                  bare.perSecond / yishi.perSecond));
        }
        int plain = clientCounts.contains(8) ? 8 : clientCounts.get(clientCounts.size() - 1);
        for (String key : List.of("intake_per_s", "intake_p50_ms", "intake_p99_ms")) {
          figures.put(key, figures.get(key + "_" + plain + "_clients"));
        }
        figures.put("intake_floor_ratio", figures.get("intake_floor_ratio_" + plain + "_clients"));
        figures.put("intake_plain_clients", plain);
        Summary paced = paced(pacedRate, seconds);
        paced.failures("paced " + pacedRate + "/s", failures);
        figures.put("intake_paced_rate_per_s", pacedRate);
        figures.put("intake_paced_answered", paced.answered);
        figures.put("intake_paced_failed", paced.failed.size());
        figures.put("intake_paced_p50_ms", round(paced.p50, 1));
        figures.put("intake_paced_p99_ms", round(paced.p99, 1));
        print.accept(
            String.format(
                "intake, paced %d/s for %.0f s: %d answered 201, %d failed, p50 %.0f ms, p99 %.0f ms (from the planned send time)",
                pacedRate, seconds, paced.answered, paced.failed.size(), paced.p50, paced.p99));
        figures.put("intake_seconds_per_run", seconds);
        // an overloaded server may time out or answer 503 (no connection within Hikari's 30 s):
        // that is a result, recorded and printed, not a reason to lose the run's figures
        figures.put("intake_failures", failures);
        failures.forEach(f -> print.accept("  ! " + f));
      } finally {
        httpThreads.shutdownNow();
      }
    }
    return figures;
  }

  // --- the server -------------------------------------------------------------------------------

  private record Server(
      ConfigurableApplicationContext context,
      int port,
      String description,
      AutoCloseable database,
      SqlCounter sql)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      try {
        context.close();
      } finally {
        database.close();
      }
    }
  }

  private Server start(Consumer<String> print) throws IOException {
    Path folder = out.resolve("intake");
    BenchDatabase.delete(folder);
    Files.createDirectories(folder);
    String url = System.getenv("SPRING_DATASOURCE_URL");
    String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "");
    String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
    String description;
    AutoCloseable database = () -> {};
    if (url != null && !url.isBlank()) {
      description = "server " + url.replaceAll("\\?.*", "");
    } else if (db.equals("postgres")) {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
      database = postgres;
      url = postgres.getJdbcUrl("postgres", "postgres");
      user = "postgres";
      password = "postgres";
      description = "embedded PostgreSQL";
    } else if (db.equals("h2")) {
      // Yishi's default URL (application.yaml), in a fresh folder
      url =
          "jdbc:h2:file:"
              + folder.toAbsolutePath().resolve("yishi")
              + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256";
      user = "sa";
      password = "";
      description = "H2 file database";
    } else {
      throw new IllegalArgumentException("--db must be postgres or h2, not " + db);
    }
    print.accept(
        "intake: starting Yishi in this JVM ("
            + description
            + (appProperties.isEmpty() ? "" : ", " + String.join(", ", appProperties))
            + ") ...");
    SqlCounter sql = new SqlCounter(t -> t.getName().startsWith("http-nio"));
    // command-line arguments: above application.yaml and the environment
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                // the test classpath's TestDatabaseInitializer would swap in a database of its own
                "--yishi.test.own-database=true",
                "--yishi.signature.key-directory=" + folder.toAbsolutePath().resolve("keys"),
                "--camunda.bpm.admin-user.password=admin",
                // the write limit must not throttle the benchmark (localhost is trusted anyway)
                "--yishi.limits.writes.trusted-clients=127.0.0.0/8, ::1",
                "--yishi.limits.writes.per-address=100000000",
                "--logging.level.root=WARN"));
    appProperties.forEach(p -> args.add("--" + p));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(YishiApplication.class)
            .initializers(c -> c.getBeanFactory().addBeanPostProcessor(sql))
            .run(args.toArray(String[]::new));
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return new Server(context, port, description, database, sql);
  }

  /**
   * What one request sends to the database: {@value #COUNTED} submissions one after the other, then
   * as many bare starts, each counted on the web server's threads (inside the request) and on the
   * others (jobs and schedulers during the same time).
   */
  private Map<String, Object> countSql(SqlCounter sql, Consumer<String> print) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    for (boolean yishi : List.of(true, false)) {
      String prefix = yishi ? "intake_" : "intake_bare_";
      sql.start();
      long started = System.nanoTime();
      for (int i = 0; i < COUNTED; i++) {
        String problem =
            problem(yishi, http.send(request(yishi), HttpResponse.BodyHandlers.ofString()));
        if (problem != null) {
          throw new IllegalStateException("while counting SQL: " + problem);
        }
      }
      double ms = (System.nanoTime() - started) / 1e6 / COUNTED;
      sql.stop();
      figures.put(
          prefix + "sql_per_request", round(sql.statements("request") / (double) COUNTED, 1));
      figures.put(
          prefix + "rows_written_per_request", round(sql.rowsWritten() / (double) COUNTED, 1));
      figures.put(
          prefix + "sql_round_trips_per_request", round(sql.roundTrips() / (double) COUNTED, 1));
      figures.put(prefix + "jdbc_ms_per_request", round(sql.jdbcMillis() / COUNTED, 2));
      figures.put(
          prefix + "sql_other_threads_per_request",
          round(sql.statements("other") / (double) COUNTED, 1));
      print.accept(
          String.format(
              "intake SQL, %s (%d one after the other): %.1f statements and %.1f rows written per request on its thread, %.1f round trips taking %.1f ms of its %.1f ms; %.1f statements per request on other threads (jobs, schedulers)",
              yishi ? "POST /api/proposals" : "bare start",
              COUNTED,
              sql.statements("request") / (double) COUNTED,
              sql.rowsWritten() / (double) COUNTED,
              sql.roundTrips() / (double) COUNTED,
              sql.jdbcMillis() / COUNTED,
              ms,
              sql.statements("other") / (double) COUNTED));
      for (Map.Entry<String, Long> shape : sql.byShape()) {
        print.accept(
            String.format("  %6.1f  %s", shape.getValue() / (double) COUNTED, shape.getKey()));
      }
    }
    return figures;
  }

  private static final int COUNTED = 20;

  // --- the two kinds of request -----------------------------------------------------------------

  private void deployBare() throws IOException, InterruptedException {
    String boundary = "----yishi-bench-" + System.nanoTime();
    String body =
        part(boundary, "deployment-name", null, "benchmark-bare-start")
            + part(boundary, "deploy-changed-only", null, "true")
            + part(boundary, "data", "benchmark-bare-start.bpmn", BARE_BPMN)
            + "--"
            + boundary
            + "--\r\n";
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                .timeout(TIMEOUT)
                .header("Authorization", ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "deploying the bare process answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  private static String part(String boundary, String name, String file, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (file == null ? "" : "; filename=\"" + file + "\"\r\nContent-Type: application/xml")
        + "\r\n\r\n"
        + value
        + "\r\n";
  }

  /** A valid submission (CONTRACT §1), varied: communities, topics, scopes, sizes and costs. */
  String proposal() {
    long n = sequence.getAndIncrement();
    int i = (int) (n % 1_000_000);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(TITLE.name(), TITLES[i % TITLES.length] + "（" + n + "）");
    p.put(DESCRIPTION.name(), "居民反映问题已久，建议社区协调解决。".repeat(1 + i % 5));
    p.put(COMMUNITY.name(), communities.get(i % communities.size()));
    p.put(SUBMITTER_NAME.name(), "测试居民");
    p.put(
        SUBMITTER_PHONE.name(),
        "139" + String.format("%08d", 10_000_000 + (i * 7919L) % 90_000_000));
    p.put(TOPIC.name(), topics.get(i % topics.size()));
    p.put(SCOPE.name(), scopes.get(i % scopes.size()));
    p.put(AFFECTED_HOUSEHOLDS.name(), 1 + (i * 37) % 200);
    p.put(CO_SIGNERS.name(), i % 30);
    p.put(ESTIMATED_COST.name(), (i * 1231) % 80_000);
    p.put(USES_COLLECTIVE_FUNDS.name(), i % 7 == 0);
    try {
      return json.writeValueAsString(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest request(boolean yishi) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder().timeout(TIMEOUT).header("Content-Type", "application/json");
    if (yishi) {
      return request
          .uri(URI.create(base + "/api/proposals"))
          .POST(HttpRequest.BodyPublishers.ofString(proposal(), StandardCharsets.UTF_8))
          .build();
    }
    return request
        .uri(URI.create(base + "/engine-rest/process-definition/key/" + BARE_KEY + "/start"))
        .header("Authorization", ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();
  }

  /** null when the answer is what it should be, else what went wrong. */
  private static String problem(boolean yishi, HttpResponse<String> answer) {
    int expected = yishi ? 201 : 200;
    if (answer.statusCode() != expected) {
      String body = answer.body();
      return answer.statusCode() + " " + body.substring(0, Math.min(200, body.length()));
    }
    if (yishi && !NUMBER.matcher(answer.body()).find()) {
      return "no number in the answer";
    }
    return null;
  }

  // --- the loops --------------------------------------------------------------------------------

  private record Result(double ms, String problem) {}

  private record Summary(
      double perSecond, double p50, double p99, int answered, List<String> failed) {
    void failures(String label, List<String> into) {
      if (!failed.isEmpty()) {
        into.add(label + ": " + failed.size() + " failed, first: " + failed.get(0));
      }
    }
  }

  /**
   * Throughput counts the right answers; the quantiles too, except in the paced run ({@code
   * failuresCount}), where a request that failed after waiting counts with the time it waited.
   */
  private static Summary summary(
      List<Result> results, double elapsedSeconds, boolean failuresCount) {
    double[] times =
        results.stream()
            .filter(r -> failuresCount || r.problem == null)
            .mapToDouble(Result::ms)
            .sorted()
            .toArray();
    long answered = results.stream().filter(r -> r.problem == null).count();
    List<String> failed =
        results.stream().filter(r -> r.problem != null).map(Result::problem).toList();
    return new Summary(
        answered / elapsedSeconds,
        quantile(times, 0.5),
        quantile(times, 0.99),
        (int) answered,
        failed);
  }

  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
  }

  /** {@code clients} threads, each sending its next request when the last answered. */
  private Summary closedLoop(boolean yishi, int clients, double secs) throws Exception {
    long start = System.nanoTime();
    long end = start + (long) (secs * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Result>>> loops = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        loops.add(
            pool.submit(
                () -> {
                  List<Result> mine = new ArrayList<>();
                  while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    String problem;
                    try {
                      problem =
                          problem(
                              yishi,
                              http.send(request(yishi), HttpResponse.BodyHandlers.ofString()));
                    } catch (IOException e) {
                      problem = e.toString();
                    }
                    mine.add(new Result((System.nanoTime() - sent) / 1e6, problem));
                  }
                  return mine;
                }));
      }
      List<Result> all = new ArrayList<>();
      for (Future<List<Result>> loop : loops) {
        all.addAll(loop.get((long) secs + 2 * TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      }
      return summary(all, (System.nanoTime() - start) / 1e9, false);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One submission every 1/rate s whatever the answers; latency from the planned send time. */
  private Summary paced(int rate, double secs) throws Exception {
    long start = System.nanoTime();
    int total = (int) Math.round(rate * secs);
    List<CompletableFuture<Result>> pending = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      long planned = start + (long) (i * 1e9 / rate);
      long wait = planned - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not waiting for a condition
      }
      pending.add(
          http.sendAsync(request(true), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (answer, error) ->
                      new Result(
                          (System.nanoTime() - planned) / 1e6,
                          error != null ? error.toString() : problem(true, answer))));
    }
    List<Result> results = new ArrayList<>();
    for (CompletableFuture<Result> one : pending) {
      results.add(one.get(2 * TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
    return summary(results, (System.nanoTime() - start) / 1e9, true);
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
