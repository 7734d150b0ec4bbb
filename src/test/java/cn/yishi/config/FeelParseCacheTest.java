package cn.yishi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.testsupport.InMemoryEngines;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parse cache changes nothing the tables decide: every decision in {@code decisions/} gives the
 * same result rows with the cached engine as with Camunda's own, over many input combinations
 * (absent inputs included), on the first and on later evaluations; bad FEEL fails with the same
 * message, every time.
 */
class FeelParseCacheTest {

  private static final DmnEngine CAMUNDA =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private static DmnEngine cached(DefaultDmnEngineConfiguration[] configuration) {
    DefaultDmnEngineConfiguration c =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    c.setFeelEngineFactory(new FeelParseCache.Factory(c));
    configuration[0] = c;
    return c.buildEngine();
  }

  private static FeelParseCache.CachingScalaFeelEngine cachingFeelEngine() {
    DefaultDmnEngineConfiguration[] configuration = new DefaultDmnEngineConfiguration[1];
    cached(configuration);
    return (FeelParseCache.CachingScalaFeelEngine) configuration[0].getFeelEngine();
  }

  /** Values residents, caseworkers and meetings give, with boundaries of the §3 defaults. */
  private static final Map<String, List<Object>> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put(
        "topic",
        List.of(
            "ELEVATOR",
            "FACILITIES",
            "GREENING",
            "SANITATION",
            "NOISE",
            "ENVIRONMENT",
            "ORDER",
            "FIRE_SAFETY",
            "SECURITY",
            "TRAFFIC_SAFETY",
            "ELDERLY_CARE",
            "CHILDCARE",
            "CULTURE_SPORTS",
            "CONVENIENCE",
            "PROPERTY_SERVICE",
            "CONVENTION",
            "NEIGHBOURHOOD",
            "SHARED_FUNDS",
            "ORGANISATION",
            "OTHER"));
    VALUES.put(
        "exclusion",
        List.of(
            "NONE",
            "UNLAWFUL",
            "PRIVACY",
            "IN_LEGAL_PROCEEDINGS",
            "PRIVATE_DISPUTE",
            "DEPARTMENT_DUTY"));
    VALUES.put(
        "scope", List.of("HOUSEHOLD", "BUILDING", "COURTYARD", "COMMUNITY", "MULTI_COMMUNITY"));
    VALUES.put("jurisdiction", List.of("COURTYARD", "COMMUNITY", "STREET", "DISTRICT", "CITY"));
    VALUES.put("matterScope", List.of("HOUSEHOLD", "COURTYARD", "COMMUNITY"));
    VALUES.put("track", List.of("URGENT", "MINOR", "MAJOR", "HARD"));
    VALUES.put("crossJurisdiction", List.of(true, false));
    VALUES.put("usesCollectiveFunds", List.of(true, false));
    VALUES.put("safetyHazard", List.of(true, false));
    VALUES.put("legacyIssue", List.of(true, false));
    VALUES.put("affectedHouseholds", List.of(1, 49, 50, 51, 300, 1_000_000));
    VALUES.put("stakeholderParties", List.of(1, 2, 3, 4, 1000));
    VALUES.put("coSigners", List.of(0, 5, 100));
    VALUES.put(
        "estimatedCost",
        List.of(
            0,
            49_999,
            new BigDecimal("49999.99"),
            50_000,
            new BigDecimal("50000.00"),
            50_001L,
            1.5e6));
    VALUES.put(
        "body",
        List.of("RESIDENTS_MEETING", "HOUSEHOLD_REPRESENTATIVES", "REPRESENTATIVES_MEETING"));
    VALUES.put("members", List.of(0, 1, 2, 3, 9, 10, 30));
    VALUES.put("present", List.of(0, 1, 2, 5, 6, 7, 20, 30));
    VALUES.put("inFavour", List.of(0, 1, 3, 4, 10, 16));
  }

  static Stream<Path> decisions() throws IOException {
    return Files.list(Path.of("decisions")).filter(p -> p.toString().endsWith(".dmn")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void everyTableDecidesAsWithCamundasOwnFeelEngine(Path file) throws IOException {
    DefaultDmnEngineConfiguration[] configuration = new DefaultDmnEngineConfiguration[1];
    DmnEngine cached = cached(configuration);
    List<DmnDecision> camundas;
    List<DmnDecision> ours;
    try (InputStream a = Files.newInputStream(file);
        InputStream b = Files.newInputStream(file)) {
      camundas = CAMUNDA.parseDecisions(a);
      ours = cached.parseDecisions(b);
    }
    Random random = new Random(20261201L);
    int compared = 0;
    for (int i = 0; i < 200; i++) {
      Map<String, Object> variables = new HashMap<>();
      VALUES.forEach(
          (name, values) -> {
            if (random.nextInt(5) > 0) { // sometimes absent: the table's default applies
              variables.put(name, values.get(random.nextInt(values.size())));
            }
          });
      for (int d = 0; d < camundas.size(); d++) {
        Object expected = outcome(CAMUNDA, camundas.get(d), variables);
        // twice: the first evaluation parses, the second uses what was parsed
        assertThat(outcome(cached, ours.get(d), variables))
            .as("%s with %s", file, variables)
            .isEqualTo(expected);
        assertThat(outcome(cached, ours.get(d), variables))
            .as("%s again with %s", file, variables)
            .isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(200);
    FeelParseCache.CachingScalaFeelEngine engine =
        (FeelParseCache.CachingScalaFeelEngine) configuration[0].getFeelEngine();
    assertThat(engine.parsing().cached()).isPositive();
    // the second evaluation of every combination was answered from memory, and still agreed
    assertThat(engine.results().hits()).isPositive();
  }

  @Test
  void aRememberedAnswerDependsOnEveryValueTheTextNames() {
    var ours = cachingFeelEngine();
    var theirs =
        new org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory(List.of()).createInstance();
    List<Map<String, Object>> contexts = new ArrayList<>();
    for (Object x : new Object[] {1, 5, 5L, 5.0, new BigDecimal("5.00"), 9, null, "5", true}) {
      for (Object limit : new Object[] {3, 5, 8, null}) {
        Map<String, Object> values = new HashMap<>();
        values.put("x", x);
        values.put("limit", limit);
        contexts.add(values);
      }
    }
    contexts.add(Map.of("limit", 5)); // x absent
    List<String> tests =
        List.of("< limit", ">= 5", "[1..limit]", "5, 9", "not(5)", "?  > limit - 1", "null", "-");
    List<String> expressions =
        List.of(
            "x", "x + limit", "if x > limit then \"more\" else \"not more\"", "\"CONSTRUCTION\"");
    for (int round = 0;
        round < 2;
        round++) { // the second round is answered from memory where it may be
      for (Map<String, Object> values : contexts) {
        var context = Variables.fromMap(values).asVariableContext();
        for (String test : tests) {
          assertThat(outcome(() -> ours.evaluateSimpleUnaryTests(test, "x", context)))
              .as("%s with %s", test, values)
              .isEqualTo(outcome(() -> theirs.evaluateSimpleUnaryTests(test, "x", context)));
        }
        for (String expression : expressions) {
          assertThat(outcome(() -> ours.evaluateSimpleExpression(expression, context)))
              .as("%s with %s", expression, values)
              .isEqualTo(outcome(() -> theirs.evaluateSimpleExpression(expression, context)));
        }
      }
    }
    assertThat(ours.results().hits()).isPositive();
  }

  @Test
  void aTextThatCallsAFunctionOrReadsAPathIsEvaluatedEveryTime() {
    var ours = cachingFeelEngine();
    var context =
        Variables.createVariables()
            .putValue("x", 3)
            .putValue("limits", Map.of("max", 5))
            .asVariableContext();
    for (int i = 0; i < 3; i++) {
      assertThat(ours.evaluateSimpleUnaryTests("< limits.max", "x", context)).isTrue();
      assertThat((Object) ours.evaluateSimpleExpression("string(x)", context)).isEqualTo("3");
      assertThat(ours.evaluateSimpleUnaryTests("< date(\"2026-01-01\")", "x", context)).isFalse();
      assertThat((Object) ours.evaluateSimpleExpression("today() > date(\"2000-01-01\")", context))
          .isEqualTo(true);
    }
    assertThat(ours.results().hits()).isZero();
    assertThat(ours.results().remembered()).isZero();
  }

  private static Object outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      Object value = evaluation.get();
      return value == null ? "null" : value.getClass().getName() + ":" + value;
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** The result rows, or the failure's message (a table that cannot decide must fail alike). */
  private static Object outcome(
      DmnEngine engine, DmnDecision decision, Map<String, Object> variables) {
    try {
      return engine.evaluateDecision(decision, Variables.fromMap(variables)).getResultList();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  void theProcessEngineDecidesWithTheCachingEngineWhenThePluginIsThere() throws IOException {
    StandaloneInMemProcessEngineConfiguration configuration =
        InMemoryEngines.configuration("feel-cache", List.of(new FeelParseCache()));
    ProcessEngine engine = configuration.buildProcessEngine();
    try (InputStream in = Files.newInputStream(Path.of("decisions/proposalCategory.dmn"))) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addInputStream("proposalCategory.dmn", in)
          .deploy();
      assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
          .isInstanceOf(FeelParseCache.CachingScalaFeelEngine.class);
      FeelParseCache.ParsingOnce parsing =
          ((FeelParseCache.CachingScalaFeelEngine)
                  configuration.getDmnEngineConfiguration().getFeelEngine())
              .parsing();

      Object first =
          engine
              .getDecisionService()
              .evaluateDecisionByKey("proposalCategory")
              .variables(Map.of("topic", "GREENING"))
              .evaluate()
              .getSingleResult()
              .getEntry("category");
      int parsed = parsing.cached();
      Object second =
          engine
              .getDecisionService()
              .evaluateDecisionByKey("proposalCategory")
              .variables(Map.of("topic", "GREENING"))
              .evaluate()
              .getSingleResult()
              .getEntry("category");

      assertThat(first).isEqualTo("CONSTRUCTION");
      assertThat(second).isEqualTo("CONSTRUCTION");
      assertThat(parsed).isPositive();
      assertThat(parsing.cached()).isEqualTo(parsed); // nothing parsed again
    } finally {
      engine.close();
    }
  }

  @Test
  void badFeelFailsWithCamundasMessageEveryTime() {
    DefaultDmnEngineConfiguration[] configuration = new DefaultDmnEngineConfiguration[1];
    cached(configuration);
    var ours = configuration[0].getFeelEngine();
    var theirs =
        new org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory(List.of()).createInstance();
    var context = Variables.createVariables().putValue("x", 3).asVariableContext();

    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> ours.evaluateSimpleUnaryTests("> > 2", "x", context))
          .isInstanceOf(FeelException.class)
          .satisfies(e -> messages.add(e.getMessage()));
      assertThatThrownBy(() -> ours.evaluateSimpleExpression("x +* 1", context))
          .isInstanceOf(FeelException.class)
          .satisfies(e -> messages.add(e.getMessage()));
    }
    assertThatThrownBy(() -> theirs.evaluateSimpleUnaryTests("> > 2", "x", context))
        .hasMessage(messages.get(0));
    assertThatThrownBy(() -> theirs.evaluateSimpleExpression("x +* 1", context))
        .hasMessage(messages.get(1));
    assertThat(messages.get(2)).isEqualTo(messages.get(0));
    assertThat(messages.get(3)).isEqualTo(messages.get(1));
    assertThat(ours.evaluateSimpleUnaryTests("> 2", "x", context)).isTrue();
    assertThat(
            ours.evaluateSimpleUnaryTests(
                "> 2", "x", Variables.createVariables().putValue("x", 1).asVariableContext()))
        .isFalse();
    assertThat((Object) ours.evaluateSimpleExpression("x * 2", context))
        .isEqualTo(theirs.evaluateSimpleExpression("x * 2", context));
  }
}
