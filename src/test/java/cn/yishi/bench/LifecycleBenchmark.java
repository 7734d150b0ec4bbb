package cn.yishi.bench;

import static cn.yishi.common.CommonVariables.SUBMITTER_PHONE;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.proposal.ProposalLifecycleProcess.TASK_EVALUATE_OUTCOME;
import static cn.yishi.proposal.ProposalLifecycleProcess.TOPIC;

import cn.yishi.YishiApplication;
import cn.yishi.proposal.PublicProposal;
import cn.yishi.proposal.PublicProposals;
import cn.yishi.testsupport.CaseDriver;
import cn.yishi.testsupport.SeedCases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code lifecycle_per_s}, {@code sql_per_lifecycle} and {@code engine_floor_ratio}: Yishi started
 * in this JVM (a random port, the job executor off: each simulated user runs the async steps and
 * the notice periods' timers of the proposal it drives, as the job executor would) on the
 * benchmark's database, its data source wrapped by a {@link StatementCounter}. Proposals are
 * submitted through {@link PublicProposals} (as {@code POST /api/proposals} does) and driven
 * through their whole lifecycle by {@code threads} simulated users, each open task completed by a
 * member of its candidate group with the answers of the seed case it follows ({@link SeedCases}),
 * up to the submitter's rating. Then the floor: in the same engine, a generated bare process per
 * proposal with the same number of user tasks, timers and async continuations (and the same history
 * level), no delegates, listeners of its own, variables or tables, driven by the same driver with
 * the same threads.
 */
final class LifecycleBenchmark {

  /** The seed case a proposal follows, which decides its track (by the tables). */
  enum Case {
    WATERFALL_NOISE(SeedCases::waterfallNoise, (d, t) -> SeedCases.waterfallNoise(d)),
    FLYING_WIRES(SeedCases::flyingWires, SeedCases::flyingWires),
    ELEVATOR(SeedCases::elevator, (d, t) -> SeedCases.elevator(d)),
    COURTYARD_CLEAN_UP(SeedCases::courtyardCleanUp, (d, t) -> SeedCases.courtyardCleanUp(d));

    final Supplier<Map<String, Object>> submitted;
    final BiFunction<CaseDriver, TaskService, CaseDriver> script;

    Case(
        Supplier<Map<String, Object>> submitted,
        BiFunction<CaseDriver, TaskService, CaseDriver> script) {
      this.submitted = submitted;
      this.script = script;
    }
  }

  /** One proposal to drive: its category (as the seed counts them), its topic and its case. */
  record Submission(String category, String topic, Case followed) {}

  /** Jinniu's proposals by category (seed 000: 52 / 35 / 6 / 45 / 64 / 7 of 209). */
  static final Map<String, Integer> SEED_CATEGORIES = new LinkedHashMap<>();

  static {
    SEED_CATEGORIES.put("CONSTRUCTION", 52);
    SEED_CATEGORIES.put("REMEDIATION", 35);
    SEED_CATEGORIES.put("PUBLIC_SAFETY", 6);
    SEED_CATEGORIES.put("COMMUNITY_SERVICE", 45);
    SEED_CATEGORIES.put("SELF_GOVERNANCE", 64);
    SEED_CATEGORIES.put("OTHER", 7);
  }

  /**
   * {@code n} proposals with the seed's categories in its proportions, interleaved (smooth weighted
   * round robin, so any 35 in a row hold every category). Each category's matters take the shape of
   * a seed case, so that the tables spread them over the four tracks: construction like the
   * elevator (major), public safety like the flying wires (urgent), remediation alternately like
   * the waterfall noise (hard) and the courtyard clean-up (minor), the others like the clean-up.
   */
  static List<Submission> seedFigures(int n) {
    Map<String, List<Submission>> shapes = new HashMap<>();
    shapes.put(
        "CONSTRUCTION",
        List.of(
            new Submission("CONSTRUCTION", "ELEVATOR", Case.ELEVATOR),
            new Submission("CONSTRUCTION", "FACILITIES", Case.ELEVATOR),
            new Submission("CONSTRUCTION", "GREENING", Case.ELEVATOR)));
    shapes.put(
        "REMEDIATION",
        List.of(
            new Submission("REMEDIATION", "NOISE", Case.WATERFALL_NOISE),
            new Submission("REMEDIATION", "SANITATION", Case.COURTYARD_CLEAN_UP),
            new Submission("REMEDIATION", "ENVIRONMENT", Case.WATERFALL_NOISE),
            new Submission("REMEDIATION", "ORDER", Case.COURTYARD_CLEAN_UP)));
    shapes.put(
        "PUBLIC_SAFETY",
        List.of(
            new Submission("PUBLIC_SAFETY", "FIRE_SAFETY", Case.FLYING_WIRES),
            new Submission("PUBLIC_SAFETY", "SECURITY", Case.FLYING_WIRES),
            new Submission("PUBLIC_SAFETY", "TRAFFIC_SAFETY", Case.FLYING_WIRES)));
    shapes.put(
        "COMMUNITY_SERVICE",
        minor(
            "COMMUNITY_SERVICE",
            "ELDERLY_CARE",
            "CHILDCARE",
            "CULTURE_SPORTS",
            "CONVENIENCE",
            "PROPERTY_SERVICE"));
    shapes.put(
        "SELF_GOVERNANCE",
        minor("SELF_GOVERNANCE", "CONVENTION", "NEIGHBOURHOOD", "SHARED_FUNDS", "ORGANISATION"));
    shapes.put("OTHER", minor("OTHER", "OTHER"));

    int total = SEED_CATEGORIES.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Integer> current = new LinkedHashMap<>();
    Map<String, Integer> taken = new HashMap<>();
    SEED_CATEGORIES.keySet().forEach(c -> current.put(c, 0));
    List<Submission> submissions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SEED_CATEGORIES.forEach((c, w) -> current.merge(c, w, Integer::sum));
      String next =
          current.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      current.merge(next, -total, Integer::sum);
      List<Submission> shape = shapes.get(next);
      submissions.add(shape.get(taken.merge(next, 1, Integer::sum) % shape.size()));
    }
    return submissions;
  }

  /** The four seed cases as they are, one per track. */
  static List<Submission> oneCasePerTrack() {
    return List.of(
        new Submission("REMEDIATION", "NOISE", Case.WATERFALL_NOISE),
        new Submission("PUBLIC_SAFETY", "FIRE_SAFETY", Case.FLYING_WIRES),
        new Submission("CONSTRUCTION", "ELEVATOR", Case.ELEVATOR),
        new Submission("REMEDIATION", "SANITATION", Case.COURTYARD_CLEAN_UP));
  }

  private static List<Submission> minor(String category, String... topics) {
    return Arrays.stream(topics)
        .map(t -> new Submission(category, t, Case.COURTYARD_CLEAN_UP))
        .toList();
  }

  /** What driving one proposal (or one bare instance) took. */
  record Driven(
      String track,
      String category,
      int userTasks,
      int asyncJobs,
      int timerJobs,
      int retries,
      long nanos) {

    /** Transactions: the start, each task, each job. */
    int transactions() {
      return 1 + userTasks + asyncJobs + timerJobs;
    }
  }

  private static final String BARE_GROUP = "bench.bare";

  /** How many turns Yishi and the floor take. */
  private static final int ROUNDS = 5;

  private final BenchDatabase.Jdbc jdbc;
  private final List<Submission> submissions;
  private final List<Submission> warmUp;
  private final int threads;
  private final Path out;
  private Function<ConfigurableApplicationContext, Map<String, Object>> afterwards =
      yishi -> Map.of();

  LifecycleBenchmark(
      BenchDatabase.Jdbc jdbc,
      List<Submission> submissions,
      List<Submission> warmUp,
      int threads,
      Path out) {
    if (submissions.isEmpty() || threads < 1) {
      throw new IllegalArgumentException("--lifecycle-proposals and --threads must be at least 1");
    }
    this.jdbc = jdbc;
    this.submissions = submissions;
    this.warmUp = warmUp;
    this.threads = threads;
    this.out = out;
  }

  /**
   * What to measure once the lifecycle's figures are taken, on the same running Yishi and its
   * finished proposals (the audit trail's part).
   */
  LifecycleBenchmark afterwards(
      Function<ConfigurableApplicationContext, Map<String, Object>> measurement) {
    this.afterwards = measurement;
    return this;
  }

  Map<String, Object> run(Consumer<String> print) throws Exception {
    StatementCounter counter = new StatementCounter();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.datasource.url", jdbc.url());
    properties.put("spring.datasource.username", jdbc.username());
    properties.put("spring.datasource.password", jdbc.password());
    properties.put("yishi.test.own-database", "true");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put(
        "yishi.signature.key-directory", out.resolve("lifecycle-keys").toAbsolutePath().toString());
    properties.put("spring.main.banner-mode", "off");
    properties.put("logging.level.root", "WARN");
    // as command-line arguments: above application.yaml (builder properties would be below it)
    String[] arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    long starting = System.nanoTime();
    try (ConfigurableApplicationContext yishi =
        new SpringApplicationBuilder(YishiApplication.class)
            .initializers(context -> context.getBeanFactory().addBeanPostProcessor(counter))
            .run(arguments)) {
      print.accept(
          String.format(
              "lifecycle: Yishi started in this JVM in %.1f s",
              seconds(System.nanoTime() - starting)));
      Map<String, Object> figures = new LinkedHashMap<>(measure(yishi, counter, print));
      figures.putAll(afterwards.apply(yishi));
      return figures;
    }
  }

  private Map<String, Object> measure(
      ConfigurableApplicationContext yishi, StatementCounter counter, Consumer<String> print)
      throws Exception {
    ProcessEngine engine = yishi.getBean(ProcessEngine.class);
    PublicProposals proposals = yishi.getBean(PublicProposals.class);
    String history =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getHistoryLevel()
            .getName();

    // the floor: one bare process per distinct (tasks, timers, async) shape, one instance each
    Map<String, String> bareKeys = new HashMap<>();
    if (!warmUp.isEmpty()) {
      List<Driven> warm =
          drive(warmUp.size(), i -> proposal(engine, proposals, warmUp.get(i), "warm-up " + i));
      deployBare(engine, warm, bareKeys);
      drive(warm.size(), i -> bare(engine, bareKeys, warm.get(i), "warm-up " + i));
    }
    // Yishi and the floor take turns, a slice of the proposals each, so that a change of load on
    // this shared machine falls on both alike
    int rounds = Math.min(ROUNDS, submissions.size());
    List<Driven> yishiRun = new ArrayList<>();
    List<Driven> bareRun = new ArrayList<>();
    long yishiNanos = 0;
    long bareNanos = 0;
    long yishiStatements = 0;
    long bareStatements = 0;
    Map<String, Long> yishiKinds = new TreeMap<>();
    Map<String, Long> bareKinds = new TreeMap<>();
    for (int round = 0; round < rounds; round++) {
      List<Submission> slice =
          submissions.subList(
              round * submissions.size() / rounds, (round + 1) * submissions.size() / rounds);
      int offset = yishiRun.size();
      long before = counter.count();
      Map<String, Long> kindsBefore = counter.byKind();
      long start = System.nanoTime();
      List<Driven> driven =
          drive(slice.size(), i -> proposal(engine, proposals, slice.get(i), "#" + (offset + i)));
      yishiNanos += System.nanoTime() - start;
      yishiStatements += counter.count() - before;
      minus(counter.byKind(), kindsBefore).forEach((k, v) -> yishiKinds.merge(k, v, Long::sum));
      yishiRun.addAll(driven);

      deployBare(engine, driven, bareKeys);
      before = counter.count();
      kindsBefore = counter.byKind();
      start = System.nanoTime();
      bareRun.addAll(
          drive(driven.size(), i -> bare(engine, bareKeys, driven.get(i), "bare " + (offset + i))));
      bareNanos += System.nanoTime() - start;
      bareStatements += counter.count() - before;
      minus(counter.byKind(), kindsBefore).forEach((k, v) -> bareKinds.merge(k, v, Long::sum));
    }

    Map<String, Long> tracks = new TreeMap<>();
    Map<String, Long> categories = new TreeMap<>();
    for (Driven d : yishiRun) {
      tracks.merge(d.track(), 1L, Long::sum);
      categories.merge(d.category(), 1L, Long::sum);
    }
    if (submissions.size() >= 35 && tracks.size() < 4) {
      throw new IllegalStateException("the run did not reach every track: " + tracks);
    }

    int n = yishiRun.size();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("lifecycle_proposals", n);
    f.put("lifecycle_threads", threads);
    f.put("lifecycle_history_level", history);
    f.put("lifecycle_per_s", round(n / seconds(yishiNanos)));
    f.put("lifecycle_p50_ms", percentile(yishiRun, 0.50));
    f.put("lifecycle_p95_ms", percentile(yishiRun, 0.95));
    f.put("sql_per_lifecycle", round((double) yishiStatements / n));
    f.put("lifecycle_tracks", tracks);
    f.put("lifecycle_categories", categories);
    f.put("lifecycle_transactions_per_proposal", round(sum(yishiRun, Driven::transactions) / n));
    f.put("lifecycle_user_tasks_per_proposal", round(sum(yishiRun, Driven::userTasks) / n));
    f.put("lifecycle_async_jobs_per_proposal", round(sum(yishiRun, Driven::asyncJobs) / n));
    f.put("lifecycle_timer_jobs_per_proposal", round(sum(yishiRun, Driven::timerJobs) / n));
    f.put("lifecycle_retries", (long) sum(yishiRun, Driven::retries));
    f.put("bare_instances_per_s", round(n / seconds(bareNanos)));
    f.put("bare_p50_ms", percentile(bareRun, 0.50));
    f.put("bare_p95_ms", percentile(bareRun, 0.95));
    f.put("bare_sql_per_instance", round((double) bareStatements / n));
    f.put("bare_transactions_per_instance", round(sum(bareRun, Driven::transactions) / n));
    f.put("bare_processes", bareKeys.size());
    f.put("lifecycle_rounds", rounds);
    f.put("engine_floor_ratio", round(seconds(yishiNanos) / seconds(bareNanos)));
    Map<String, String> kinds = new LinkedHashMap<>();
    yishiKinds.keySet().stream()
        .sorted(
            Comparator.comparingLong(
                    (String k) -> yishiKinds.get(k) - bareKinds.getOrDefault(k, 0L))
                .reversed())
        .limit(15)
        .forEach(
            k ->
                kinds.put(
                    k,
                    round((double) yishiKinds.get(k) / n)
                        + " vs bare "
                        + round((double) bareKinds.getOrDefault(k, 0L) / n)));
    f.put("lifecycle_sql_kinds_per_proposal", kinds);

    print.accept(
        String.format(
            "lifecycle: %d proposals, %d thread(s), history %s, Yishi and the floor in %d turns;"
                + " tracks %s; categories %s",
            n, threads, history, rounds, tracks, categories));
    print.accept(
        String.format(
            "lifecycle: Yishi %.1f proposals/s (p50 %s ms, p95 %s ms), %s SQL statements and %s"
                + " transactions per proposal (%s tasks, %s async jobs, %s timers; %s retries)",
            f.get("lifecycle_per_s"),
            f.get("lifecycle_p50_ms"),
            f.get("lifecycle_p95_ms"),
            f.get("sql_per_lifecycle"),
            f.get("lifecycle_transactions_per_proposal"),
            f.get("lifecycle_user_tasks_per_proposal"),
            f.get("lifecycle_async_jobs_per_proposal"),
            f.get("lifecycle_timer_jobs_per_proposal"),
            f.get("lifecycle_retries")));
    print.accept(
        String.format(
            "lifecycle: bare floor %.1f instances/s (p50 %s ms, p95 %s ms), %s SQL statements and"
                + " %s transactions per instance (%d generated processes); engine_floor_ratio %s",
            f.get("bare_instances_per_s"),
            f.get("bare_p50_ms"),
            f.get("bare_p95_ms"),
            f.get("bare_sql_per_instance"),
            f.get("bare_transactions_per_instance"),
            bareKeys.size(),
            f.get("engine_floor_ratio")));
    print.accept("lifecycle: SQL statements per proposal, most above the bare floor: " + kinds);
    return f;
  }

  /** Submits one proposal and drives it to its end (rated by its submitter). */
  private Driven proposal(
      ProcessEngine engine, PublicProposals proposals, Submission submission, String label) {
    Map<String, Object> submitted = new HashMap<>(submission.followed().submitted.get());
    submitted.put(TOPIC.name(), submission.topic());
    String phone = String.format("139%08d", PHONES.incrementAndGet());
    submitted.put(SUBMITTER_PHONE.name(), phone);
    submitted.put(TITLE.name(), submitted.get(TITLE.name()) + " " + label);
    long start = System.nanoTime();
    PublicProposal created = proposals.submit(submitted);
    if (!created.category().equals(submission.category())) {
      throw new IllegalStateException(
          created.number() + ": category " + created.category() + ", not " + submission);
    }
    CaseDriver driver = submission.followed().script.apply(driver(engine), engine.getTaskService());
    driver.run(created.number(), TASK_EVALUATE_OUTCOME);
    proposals.evaluate(created.number(), "SATISFIED", "谢谢社区", phone);
    driver.run(created.number(), null);
    long nanos = System.nanoTime() - start;
    PublicProposal closed = proposals.find(created.number()).orElseThrow();
    long open =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(created.number())
            .count();
    if (!closed.status().equals("CLOSED") || open > 0) {
      throw new IllegalStateException(
          created.number()
              + " did not reach the end of its lifecycle: "
              + closed.status()
              + ", "
              + open
              + " process instance(s) still open");
    }
    // the rating completes the evaluation task: one more user task
    return new Driven(
        created.track(),
        submission.category(),
        driver.userTasks() + 1,
        driver.asyncJobs(),
        driver.timerJobs(),
        driver.retries(),
        nanos);
  }

  private static final AtomicInteger PHONES = new AtomicInteger();

  /** Starts one instance of the bare process of {@code shape} and drives it to its end. */
  private Driven bare(
      ProcessEngine engine, Map<String, String> keys, Driven shape, String businessKey) {
    long start = System.nanoTime();
    engine.getRuntimeService().startProcessInstanceByKey(keys.get(shape(shape)), businessKey);
    CaseDriver driver = driver(engine).otherwise(Map.of());
    for (int t = 0; t < shape.timerJobs(); t++) {
      driver.letPass("Timer_" + t);
    }
    driver.run(businessKey, null);
    long nanos = System.nanoTime() - start;
    long open =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .count();
    if (open > 0) {
      throw new IllegalStateException(businessKey + " did not reach its end");
    }
    return new Driven(
        "-",
        "-",
        driver.userTasks(),
        driver.asyncJobs(),
        driver.timerJobs(),
        driver.retries(),
        nanos);
  }

  /** Deploys a bare process for each shape of {@code driven} not deployed yet. */
  private static void deployBare(
      ProcessEngine engine, List<Driven> driven, Map<String, String> keys) {
    RepositoryService repository = engine.getRepositoryService();
    for (Driven d : driven) {
      keys.computeIfAbsent(
          shape(d),
          s -> {
            String key = "benchBare" + keys.size();
            repository
                .createDeployment()
                .name("lifecycle benchmark: bare process " + s)
                .addModelInstance(key + ".bpmn", bare(key, d))
                .deploy();
            return key;
          });
    }
  }

  private static CaseDriver driver(ProcessEngine engine) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    ManagementService management = engine.getManagementService();
    IdentityService identity = engine.getIdentityService();
    return new CaseDriver(runtime, tasks, management, identity);
  }

  private static String shape(Driven d) {
    return d.userTasks() + " tasks, " + d.timerJobs() + " timers, " + d.asyncJobs() + " async";
  }

  /**
   * A bare process with the proposal's tasks, timers and async continuations: the user tasks (for
   * one candidate group) with the async continuations spread among them, then the timers.
   */
  static BpmnModelInstance bare(String key, Driven d) {
    AbstractFlowNodeBuilder<?, ?> flow =
        Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent("Start");
    int asyncLeft = d.asyncJobs();
    for (int t = 0; t < d.userTasks(); t++) {
      flow = flow.userTask("Task_" + t).camundaCandidateGroups(BARE_GROUP);
      int asyncHere = asyncLeft / (d.userTasks() - t);
      for (int a = 0; a < asyncHere; a++, asyncLeft--) {
        flow = flow.intermediateThrowEvent("Async_" + t + "_" + a).camundaAsyncBefore();
      }
    }
    for (int a = 0; a < asyncLeft; a++) {
      flow = flow.intermediateThrowEvent("Async_end_" + a).camundaAsyncBefore();
    }
    for (int t = 0; t < d.timerJobs(); t++) {
      flow = flow.intermediateCatchEvent("Timer_" + t).timerWithDuration("PT1H");
    }
    return flow.endEvent("End").done();
  }

  /** Runs {@code count} drives on {@code threads} simulated users; each drive's figures. */
  private List<Driven> drive(int count, IntFunction<Driven> one) throws Exception {
    ExecutorService users = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Driven>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(users.submit(() -> one.apply(index)));
      }
      List<Driven> driven = new ArrayList<>();
      for (Future<Driven> future : futures) {
        driven.add(future.get());
      }
      return driven;
    } finally {
      users.shutdownNow();
    }
  }

  private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> difference = new TreeMap<>();
    after.forEach((k, v) -> difference.put(k, v - before.getOrDefault(k, 0L)));
    difference.values().removeIf(v -> v == 0);
    return difference;
  }

  private static double sum(List<Driven> driven, ToIntFunction<Driven> f) {
    return driven.stream().mapToInt(f).sum();
  }

  private static double percentile(List<Driven> driven, double p) {
    List<Long> sorted =
        driven.stream().map(Driven::nanos).sorted(Comparator.naturalOrder()).toList();
    long nanos = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    return round(nanos / 1e6);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
