package cn.yishi.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Loads the decision tables from {@code decisions/<key>.dmn} (on the test class path, copied there
 * from the project's {@code decisions/} folder) and evaluates them with the standalone Camunda DMN
 * engine — the same FEEL-Scala engine the process engine uses. Records which rules matched, so case
 * tables can name the rule they expect.
 */
final class DecisionTables {

  private static final ThreadLocal<DmnDecisionTableEvaluationEvent> LAST_EVENT =
      new ThreadLocal<>();

  private static final DmnEngine ENGINE;

  static {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    DmnDecisionTableEvaluationListener recorder = LAST_EVENT::set;
    configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
    ENGINE = configuration.buildEngine();
  }

  private static final Map<String, DmnDecision> DECISIONS = new ConcurrentHashMap<>();

  private DecisionTables() {}

  /** The outcome of one evaluation: the result and the ids of the rules that produced it. */
  record Evaluation(DmnDecisionTableResult result, List<String> matchedRuleIds) {

    /** The single result's entry; fails if there is not exactly one result. */
    Object single(String output) {
      assertThat(result.getResultList()).as("result rows %s", result.getResultList()).hasSize(1);
      DmnDecisionRuleResult entries = result.getSingleResult();
      assertThat(entries.keySet()).as("outputs of the result").contains(output);
      return entries.get(output);
    }

    String singleRule() {
      assertThat(matchedRuleIds).as("matched rules").hasSize(1);
      return matchedRuleIds.get(0);
    }
  }

  static DmnDecision decision(String key) {
    return DECISIONS.computeIfAbsent(
        key,
        k -> {
          try (InputStream in = open(k)) {
            return ENGINE.parseDecision(k, in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static Evaluation evaluate(String key, Map<String, Object> variables) {
    LAST_EVENT.remove();
    DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(decision(key), variables);
    DmnDecisionTableEvaluationEvent event = LAST_EVENT.get();
    List<String> matched =
        event == null
            ? List.of()
            : event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
    return new Evaluation(result, matched);
  }

  static DmnModelInstance model(String key) {
    try (InputStream in = open(key)) {
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DecisionTable table(String key) {
    Decision decision = model(key).getModelElementById(key);
    assertThat(decision).as("decision %s in %s.dmn", key, key).isNotNull();
    return (DecisionTable) decision.getExpression();
  }

  static HitPolicy hitPolicy(String key) {
    return table(key).getHitPolicy();
  }

  static List<String> outputNames(String key) {
    return table(key).getOutputs().stream().map(Output::getName).toList();
  }

  static List<String> inputExpressions(String key) {
    return table(key).getInputs().stream()
        .map(Input::getInputExpression)
        .map(e -> e.getText().getTextContent().trim())
        .toList();
  }

  static Set<String> ruleIds(String key) {
    return table(key).getRules().stream()
        .map(Rule::getId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The values of column {@code column} in a case table {@code /decisions/<name>.csv} (first
   * non-comment line is the header; the same file feeds the parameterised test).
   */
  static Set<String> caseColumn(String csv, String column) {
    try (InputStream in = DecisionTables.class.getResourceAsStream("/decisions/" + csv)) {
      assertThat(in).as("case table /decisions/%s", csv).isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::trim).toList();
      int index = header.indexOf(column);
      assertThat(index).as("column %s in %s", column, csv).isNotNegative();
      Set<String> values = new LinkedHashSet<>();
      for (String line : lines.subList(1, lines.size())) {
        values.add(line.split(",", -1)[index].trim());
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String key) {
    InputStream in = DecisionTables.class.getResourceAsStream("/decisions/" + key + ".dmn");
    if (in == null) {
      throw new IllegalStateException("decisions/" + key + ".dmn is not on the class path");
    }
    return in;
  }

  static List<String> list(String... values) {
    return new ArrayList<>(Arrays.asList(values));
  }
}
