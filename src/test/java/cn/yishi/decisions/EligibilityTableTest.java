package cn.yishi.decisions;

import static cn.yishi.decisions.DecisionTables.evaluate;
import static cn.yishi.decisions.Vars.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Decision {@code eligibility} against CONTRACT §3 (case table eligibility.csv). */
class EligibilityTableTest {

  private static final String KEY = "eligibility";

  @ParameterizedTest(name = "{0}: eligible {2}, route {3}")
  @CsvFileSource(resources = "/decisions/eligibility.csv", numLinesToSkip = 1)
  void everyExclusionHasItsRoute(
      String caseName, String exclusion, boolean eligible, String route, String rule) {
    DecisionTables.Evaluation evaluation =
        evaluate(KEY, vars().string("exclusion", exclusion).map());

    assertThat(evaluation.single("eligible")).isEqualTo(eligible);
    assertThat(evaluation.single("route")).isEqualTo(route);
    assertThat(evaluation.singleRule()).isEqualTo(rule);
  }

  @Test
  void absentOrNullExclusionBehavesAsNone() {
    DefaultsCheck.assertAbsentAndNullBehaveAsDefault(KEY, vars(), "exclusion", "NONE");
  }

  @Test
  void anUnknownExclusionGivesNoRoute() {
    assertThat(
            evaluate(KEY, vars().string("exclusion", "SOMETHING_ELSE").map())
                .result()
                .getResultList())
        .isEmpty();
  }

  @Test
  void everyRuleHasACase() {
    assertThat(DecisionTables.caseColumn("eligibility.csv", "rule"))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(KEY));
  }

  @Test
  void hitPolicyIsUniqueAndOutputsAreEligibleAndRoute() {
    assertThat(DecisionTables.hitPolicy(KEY)).isEqualTo(HitPolicy.UNIQUE);
    assertThat(DecisionTables.outputNames(KEY)).containsExactly("eligible", "route");
    assertThat(DecisionTables.table(KEY).getOutputs().iterator().next().getTypeRef())
        .isEqualTo("boolean");
  }
}
