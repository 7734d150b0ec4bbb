package cn.yishi.decisions;

import static cn.yishi.decisions.DecisionTables.evaluate;
import static cn.yishi.decisions.Vars.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Decision {@code matterScope} (三事分流) against CONTRACT §3 (case table matterScope.csv). */
class MatterScopeTableTest {

  private static final String KEY = "matterScope";

  @ParameterizedTest(name = "[{index}] {0} -> {4}")
  @CsvFileSource(resources = "/decisions/matterScope.csv", numLinesToSkip = 1)
  void matterScopeFollowsTheContract(
      String caseName,
      String scope,
      String usesCollectiveFunds,
      String estimatedCost,
      String matterScope,
      String rule) {
    DecisionTables.Evaluation evaluation =
        evaluate(
            KEY,
            vars()
                .string("scope", scope)
                .bool("usesCollectiveFunds", usesCollectiveFunds)
                .decimal("estimatedCost", estimatedCost)
                .map());

    assertThat(evaluation.single("matterScope")).isEqualTo(matterScope);
    assertThat(evaluation.singleRule()).isEqualTo(rule);
  }

  static Stream<Arguments> optionalInputsPerScope() {
    return Stream.of("HOUSEHOLD", "BUILDING", "COURTYARD", "COMMUNITY", "MULTI_COMMUNITY")
        .flatMap(
            scope ->
                Stream.of(
                    Arguments.of(scope, "usesCollectiveFunds", false),
                    Arguments.of(scope, "estimatedCost", BigDecimal.ZERO)));
  }

  @ParameterizedTest(name = "scope {0}: {1} absent or null = {1} {2}")
  @MethodSource("optionalInputsPerScope")
  void absentOrNullInputBehavesAsItsDefault(String scope, String input, Object defaultValue) {
    DefaultsCheck.assertAbsentAndNullBehaveAsDefault(
        KEY, vars().value("scope", scope), input, defaultValue);
    DefaultsCheck.assertAbsentAndNullBehaveAsDefault(
        KEY,
        vars()
            .value("scope", scope)
            .value("estimatedCost", new BigDecimal("49999.99"))
            .value("usesCollectiveFunds", false),
        input,
        defaultValue);
  }

  @Test
  void everyRuleHasACase() {
    assertThat(DecisionTables.caseColumn("matterScope.csv", "rule"))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(KEY));
  }

  @Test
  void hitPolicyIsFirstAndOutputIsMatterScope() {
    assertThat(DecisionTables.hitPolicy(KEY)).isEqualTo(HitPolicy.FIRST);
    assertThat(DecisionTables.outputNames(KEY)).containsExactly("matterScope");
  }
}
