package cn.yishi.decisions;

import static cn.yishi.decisions.DecisionTables.evaluate;
import static cn.yishi.decisions.Vars.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision {@code handlingLevel} against CONTRACT §3 (case table handlingLevel.csv). */
class HandlingLevelTableTest {

  private static final String KEY = "handlingLevel";

  @ParameterizedTest(name = "[{index}] {0} -> {4}")
  @CsvFileSource(resources = "/decisions/handlingLevel.csv", numLinesToSkip = 1)
  void levelIsTheFirstThatApplies(
      String caseName,
      String matterScope,
      String scope,
      String jurisdiction,
      String level,
      String rule) {
    DecisionTables.Evaluation evaluation =
        evaluate(
            KEY,
            vars()
                .string("matterScope", matterScope)
                .string("scope", scope)
                .string("jurisdiction", jurisdiction)
                .map());

    assertThat(evaluation.single("level")).isEqualTo(level);
    assertThat(evaluation.singleRule()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "matterScope {0}, scope {1}: jurisdiction absent or null = COMMUNITY")
  @CsvSource({
    "HOUSEHOLD, HOUSEHOLD",
    "COURTYARD, BUILDING",
    "COURTYARD, COURTYARD",
    "COMMUNITY, COURTYARD",
    "COMMUNITY, COMMUNITY",
    "COMMUNITY, MULTI_COMMUNITY"
  })
  void absentOrNullJurisdictionBehavesAsCommunity(String matterScope, String scope) {
    DefaultsCheck.assertAbsentAndNullBehaveAsDefault(
        KEY,
        vars().value("matterScope", matterScope).value("scope", scope),
        "jurisdiction",
        "COMMUNITY");
  }

  @Test
  void everyRuleHasACase() {
    assertThat(DecisionTables.caseColumn("handlingLevel.csv", "rule"))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(KEY));
  }

  @Test
  void hitPolicyIsFirstAndOutputIsLevel() {
    assertThat(DecisionTables.hitPolicy(KEY)).isEqualTo(HitPolicy.FIRST);
    assertThat(DecisionTables.outputNames(KEY)).containsExactly("level");
  }
}
