package cn.yishi.bench;

import cn.yishi.config.FeelParseCache;
import cn.yishi.proposal.ProposalFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;

/**
 * {@code dmn_chain_per_s}: the chain of decision tables a proposal meets (category, matter scope,
 * track, level, time limits, eligibility, a meeting's resolution), evaluated standalone, with three
 * engines in one run:
 *
 * <ul>
 *   <li>Yishi's: Camunda's default FEEL engine behind {@link FeelParseCache};
 *   <li>Camunda's default FEEL engine as it ships (parses every expression on every evaluation);
 *   <li>the baseline: FEEL's legacy behaviour, the same tables with their expressions written in
 *       JUEL where legacy FEEL cannot read them (input expressions, output entries, the meeting
 *       table's {@code 2 * ? > members} tests).
 * </ul>
 *
 * <p>Before anything is timed, all three must decide every generated proposal alike, or the run
 * stops: a fast engine that decides differently measures nothing.
 */
final class DmnChainBenchmark {

  static final List<String> CHAIN =
      List.of(
          "proposalCategory",
          "matterScope",
          "deliberationTrack",
          "handlingLevel",
          "timeLimits",
          "eligibility",
          "meetingResolution");

  /** Outputs a later table reads as its input. */
  private static final Map<String, String> FED_FORWARD =
      Map.of(
          "proposalCategory", "category",
          "matterScope", "matterScope",
          "deliberationTrack", "track",
          "handlingLevel", "level");

  record Engine(String name, List<DmnDecision> chain, DmnEngine engine) {}

  private final int threads;
  private final double seconds;
  private final List<Map<String, Object>> proposals;

  DmnChainBenchmark(int threads, double seconds, int proposals, long seed) {
    this.threads = threads;
    this.seconds = seconds;
    this.proposals = generate(proposals, new Random(seed));
  }

  private Engine yishi;
  private Engine stock;
  private Engine legacy;

  /**
   * Builds the three engines and checks that they decide every generated proposal alike (throws
   * naming the first that does not); the number of proposals checked.
   */
  int checkAlike() {
    yishi = engine("Yishi (default FEEL + parse cache)", cached(), false);
    stock = engine("Camunda default FEEL", stockConfiguration(), false);
    legacy = engine("legacy FEEL (baseline)", legacyConfiguration(), true);
    for (Map<String, Object> proposal : proposals) {
      Map<String, Object> expected = decide(stock, proposal);
      for (Engine other : List.of(yishi, legacy)) {
        Map<String, Object> actual = decide(other, proposal);
        if (!expected.equals(actual)) {
          throw new IllegalStateException(
              other.name()
                  + " decides "
                  + proposal
                  + " as "
                  + actual
                  + ", Camunda's default FEEL as "
                  + expected);
        }
      }
    }
    return proposals.size();
  }

  /** Checks the engines decide alike, then times each; the figures by key. */
  Map<String, Object> run(Consumer<String> out) {
    checkAlike();
    out.accept(
        "dmn: "
            + proposals.size()
            + " generated proposals decided alike by all three engines; "
            + threads
            + " thread(s), "
            + seconds
            + " s each");
    Map<String, Object> figures = new LinkedHashMap<>();
    double baseline = rate(legacy, out);
    double camunda = rate(stock, out);
    double ours = rate(yishi, out);
    figures.put("dmn_chain_per_s", Math.round(ours));
    figures.put("dmn_chain_per_s_camunda_default_feel", Math.round(camunda));
    figures.put("dmn_chain_per_s_legacy_feel", Math.round(baseline));
    figures.put("dmn_chain_ratio_to_legacy", round(baseline / ours));
    figures.put("dmn_tables_per_chain", CHAIN.size());
    return figures;
  }

  private double rate(Engine engine, Consumer<String> out) {
    measure(engine, Math.max(1, seconds / 3)); // warm-up: JIT, caches
    double perSecond = measure(engine, seconds);
    out.accept(String.format("  %-40s %,10.0f chains/s", engine.name(), perSecond));
    return perSecond;
  }

  private double measure(Engine engine, double forSeconds) {
    LongAdder chains = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * 7919;
      Thread worker =
          new Thread(
              () -> {
                int i = offset;
                while (!stop.get()) {
                  decide(engine, proposals.get(i++ % proposals.size()));
                  chains.increment();
                }
              });
      worker.start();
      workers.add(worker);
    }
    long started = System.nanoTime();
    try {
      Thread.sleep((long) (forSeconds * 1000));
      stop.set(true);
      for (Thread worker : workers) {
        worker.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return chains.sum() / ((System.nanoTime() - started) / 1e9);
  }

  /** Every table of the chain, each fed what the earlier ones decided; all outputs. */
  static Map<String, Object> decide(Engine engine, Map<String, Object> proposal) {
    Map<String, Object> context = new HashMap<>(proposal);
    Map<String, Object> decided = new LinkedHashMap<>();
    for (int i = 0; i < CHAIN.size(); i++) {
      String key = CHAIN.get(i);
      var result = engine.engine().evaluateDecisionTable(engine.chain().get(i), context);
      if (result.size() != 1) {
        throw new IllegalStateException(key + " gave " + result.size() + " rows for " + proposal);
      }
      Map<String, Object> row = result.getSingleResult().getEntryMap();
      row.forEach((name, value) -> decided.put(key + "." + name, value));
      String forward = FED_FORWARD.get(key);
      if (forward != null) {
        context.put(forward, row.get(forward));
      }
    }
    return decided;
  }

  private static DefaultDmnEngineConfiguration stockConfiguration() {
    return (DefaultDmnEngineConfiguration)
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
  }

  private static DefaultDmnEngineConfiguration cached() {
    DefaultDmnEngineConfiguration configuration = stockConfiguration();
    FeelParseCache.install(configuration);
    return configuration;
  }

  private static DefaultDmnEngineConfiguration legacyConfiguration() {
    DefaultDmnEngineConfiguration configuration = stockConfiguration();
    configuration.enableFeelLegacyBehavior(true);
    return configuration;
  }

  private static Engine engine(
      String name, DefaultDmnEngineConfiguration configuration, boolean inJuel) {
    DmnEngine engine = configuration.buildEngine();
    List<DmnDecision> chain = new ArrayList<>();
    for (String key : CHAIN) {
      DmnModelInstance model = read(key);
      if (inJuel) {
        toJuel(model);
      }
      chain.add(engine.parseDecision(key, model));
    }
    return new Engine(name, chain, engine);
  }

  private static DmnModelInstance read(String key) {
    try (InputStream in =
        DmnChainBenchmark.class.getClassLoader().getResourceAsStream("decisions/" + key + ".dmn")) {
      if (in == null) {
        throw new IllegalStateException("decisions/" + key + ".dmn is not on the class path");
      }
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Pattern DEFAULTED = Pattern.compile("if (\\w+) = null then (\\S+) else \\1");
  private static final Pattern QUESTION = Pattern.compile("\\?");

  /**
   * The tables as FEEL's legacy behaviour can evaluate them: input expressions and output entries
   * in JUEL (legacy FEEL reads unary tests only), and the tests on {@code ?} in JUEL on {@code
   * cellInput}. The other input entries stay FEEL, for legacy FEEL to evaluate.
   */
  static void toJuel(DmnModelInstance model) {
    for (InputExpression input : model.getModelElementsByType(InputExpression.class)) {
      String text = input.getText().getTextContent().trim();
      Matcher defaulted = DEFAULTED.matcher(text);
      String juel =
          defaulted.matches()
              ? "${"
                  + defaulted.group(1)
                  + " == null ? "
                  + defaulted.group(2)
                  + " : "
                  + defaulted.group(1)
                  + "}"
              : "${" + text + "}";
      input.setExpressionLanguage("juel");
      input.getText().setTextContent(juel);
    }
    for (InputEntry entry : model.getModelElementsByType(InputEntry.class)) {
      String text = entry.getText().getTextContent().trim();
      if (text.contains("?")) {
        entry.setExpressionLanguage("juel");
        entry.getText().setTextContent("${" + QUESTION.matcher(text).replaceAll("cellInput") + "}");
      }
    }
    for (OutputEntry entry : model.getModelElementsByType(OutputEntry.class)) {
      String text = entry.getText().getTextContent().trim();
      if (!text.isEmpty()) {
        entry.setExpressionLanguage("juel");
        entry.getText().setTextContent("${" + text + "}");
      }
    }
  }

  /** The API's own lists (sorted, so a seed always generates the same proposals). */
  private static final String[] TOPICS = sorted(ProposalFields.TOPICS);

  private static final String[] SCOPES = sorted(ProposalFields.SCOPES);
  private static final String[] JURISDICTIONS = sorted(ProposalFields.JURISDICTIONS);
  private static final String[] EXCLUSIONS = {
    "NONE",
    "NONE",
    "NONE",
    "NONE",
    "UNLAWFUL",
    "PRIVACY",
    "IN_LEGAL_PROCEEDINGS",
    "PRIVATE_DISPUTE",
    "DEPARTMENT_DUTY"
  };
  private static final String[] BODIES = {
    "RESIDENTS_MEETING", "HOUSEHOLD_REPRESENTATIVES", "REPRESENTATIVES_MEETING",
    "PARTY_MEMBERS_MEETING", "TWO_COMMITTEES", "DELIBERATION_COMMITTEE"
  };
  private static final long[] COSTS = {0, 800, 12_000, 49_999, 50_000, 50_001, 300_000};
  private static final int[] HOUSEHOLDS = {1, 2, 12, 49, 50, 51, 400};

  /**
   * Proposals as residents send them, with every input given (JUEL, unlike FEEL, cannot read an
   * absent variable) and the thresholds' edges among the values.
   */
  static List<Map<String, Object>> generate(int count, Random random) {
    List<Map<String, Object>> proposals = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> p = new HashMap<>();
      p.put("topic", pick(random, TOPICS));
      p.put("scope", pick(random, SCOPES));
      p.put("jurisdiction", pick(random, JURISDICTIONS));
      p.put("crossJurisdiction", random.nextInt(5) == 0);
      p.put("affectedHouseholds", HOUSEHOLDS[random.nextInt(HOUSEHOLDS.length)]);
      p.put("stakeholderParties", 1 + random.nextInt(4));
      p.put("estimatedCost", BigDecimal.valueOf(COSTS[random.nextInt(COSTS.length)]));
      p.put("usesCollectiveFunds", random.nextInt(4) == 0);
      p.put("safetyHazard", random.nextInt(8) == 0);
      p.put("legacyIssue", random.nextInt(6) == 0);
      p.put("exclusion", pick(random, EXCLUSIONS));
      int members = 3 + random.nextInt(60);
      int present = random.nextInt(members + 1);
      p.put("body", pick(random, BODIES));
      p.put("members", members);
      p.put("present", present);
      p.put("inFavour", random.nextInt(present + 1));
      proposals.add(p);
    }
    return proposals;
  }

  private static String[] sorted(java.util.Set<String> values) {
    return values.stream().sorted().toArray(String[]::new);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
