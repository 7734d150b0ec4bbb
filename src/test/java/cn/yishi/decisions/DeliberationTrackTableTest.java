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

/** Decision {@code deliberationTrack} against CONTRACT §3 (case table deliberationTrack.csv). */
class DeliberationTrackTableTest {

  private static final String KEY = "deliberationTrack";

  @ParameterizedTest(name = "[{index}] {0} -> {8}")
  @CsvFileSource(resources = "/decisions/deliberationTrack.csv", numLinesToSkip = 1)
  void trackIsTheFirstThatApplies(
      String caseName,
      String safetyHazard,
      String legacyIssue,
      String crossJurisdiction,
      String stakeholderParties,
      String usesCollectiveFunds,
      String estimatedCost,
      String affectedHouseholds,
      String track,
      String rule) {
    DecisionTables.Evaluation evaluation =
        evaluate(
            KEY,
            vars()
                .bool("safetyHazard", safetyHazard)
                .bool("legacyIssue", legacyIssue)
                .bool("crossJurisdiction", crossJurisdiction)
                .integer("stakeholderParties", stakeholderParties)
                .bool("usesCollectiveFunds", usesCollectiveFunds)
                .decimal("estimatedCost", estimatedCost)
                .integer("affectedHouseholds", affectedHouseholds)
                .map());

    assertThat(evaluation.single("track")).isEqualTo(track);
    assertThat(evaluation.singleRule()).isEqualTo(rule);
  }

  @Test
  void everyRuleHasACase() {
    assertThat(DecisionTables.caseColumn("deliberationTrack.csv", "rule"))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(KEY));
  }

  @Test
  void hitPolicyIsFirstAndOutputIsTrack() {
    assertThat(DecisionTables.hitPolicy(KEY)).isEqualTo(HitPolicy.FIRST);
    assertThat(DecisionTables.outputNames(KEY)).containsExactly("track");
  }

  static Stream<Arguments> optionalInputs() {
    return Stream.of(
        Arguments.of("safetyHazard", false),
        Arguments.of("legacyIssue", false),
        Arguments.of("crossJurisdiction", false),
        Arguments.of("stakeholderParties", 1),
        Arguments.of("usesCollectiveFunds", false),
        Arguments.of("estimatedCost", BigDecimal.ZERO),
        Arguments.of("affectedHouseholds", 1));
  }

  @ParameterizedTest(name = "{0} absent or null = {0} {1}")
  @MethodSource("optionalInputs")
  void absentOrNullInputBehavesAsItsDefault(String input, Object defaultValue) {
    DefaultsCheck.assertAbsentAndNullBehaveAsDefault(KEY, vars(), input, defaultValue);
    // the default must also be the answer just below every other threshold
    DefaultsCheck.assertAbsentAndNullBehaveAsDefault(
        KEY,
        vars()
            .value("stakeholderParties", 2)
            .value("estimatedCost", new BigDecimal("49999.99"))
            .value("affectedHouseholds", 49),
        input,
        defaultValue);
  }

  @ParameterizedTest(name = "estimatedCost as {0}")
  @MethodSource("costsOfEveryNumberType")
  void costThresholdHoldsForEveryNumberType(Object below, Object at) {
    assertThat(evaluate(KEY, vars().value("estimatedCost", below).map()).single("track"))
        .isEqualTo("MINOR");
    assertThat(evaluate(KEY, vars().value("estimatedCost", at).map()).single("track"))
        .isEqualTo("MAJOR");
  }

  static Stream<Arguments> costsOfEveryNumberType() {
    return Stream.of(
        Arguments.of(new BigDecimal("49999.99"), new BigDecimal("50000")),
        Arguments.of(49999.99d, 50000d),
        Arguments.of(49999, 50000),
        Arguments.of(49999L, 50000L));
  }
}
