package cn.yishi.decisions;

import static cn.yishi.decisions.DecisionTables.evaluate;
import static cn.yishi.decisions.Vars.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision {@code proposalCategory} against CONTRACT §2 (case table proposalCategory.csv). */
class ProposalCategoryTableTest {

  private static final String KEY = "proposalCategory";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvFileSource(resources = "/decisions/proposalCategory.csv", numLinesToSkip = 1)
  void everyTopicHasItsCategory(String topic, String category, String rule) {
    DecisionTables.Evaluation evaluation = evaluate(KEY, vars().string("topic", topic).map());

    assertThat(evaluation.single("category")).isEqualTo(category);
    assertThat(evaluation.singleRule()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "topic \"{0}\" gives no category")
  @ValueSource(strings = {"elevator", "UNKNOWN", "", "null"})
  void anUnknownTopicGivesNoCategory(String topic) {
    assertThat(evaluate(KEY, vars().string("topic", topic).map()).result().getResultList())
        .isEmpty();
  }

  @Test
  void anAbsentTopicGivesNoCategory() {
    assertThat(evaluate(KEY, vars().map()).result().getResultList()).isEmpty();
  }

  @Test
  void everyRuleHasACase() {
    assertThat(DecisionTables.caseColumn("proposalCategory.csv", "rule"))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(KEY));
  }

  @Test
  void hitPolicyIsUniqueAndOutputIsCategory() {
    assertThat(DecisionTables.hitPolicy(KEY)).isEqualTo(HitPolicy.UNIQUE);
    assertThat(DecisionTables.outputNames(KEY)).containsExactly("category");
  }
}
