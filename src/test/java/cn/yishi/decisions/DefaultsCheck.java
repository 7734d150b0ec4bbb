package cn.yishi.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An optional input that is missing from the context entirely, or present as {@code null}, must
 * give exactly the answer (same outputs, same rule) as its CONTRACT §1 default.
 */
final class DefaultsCheck {

  private DefaultsCheck() {}

  static void assertAbsentAndNullBehaveAsDefault(
      String key, Vars base, String input, Object defaultValue) {
    Map<String, Object> withDefault = base.map();
    withDefault.put(input, defaultValue);
    Map<String, Object> absent = base.map();
    absent.remove(input);
    Map<String, Object> withNull = base.map();
    withNull.put(input, null);

    DecisionTables.Evaluation expected = DecisionTables.evaluate(key, withDefault);
    assertThat(expected.result().getResultList())
        .as("%s with %s = %s", key, input, defaultValue)
        .hasSize(1);

    DecisionTables.Evaluation whenAbsent = DecisionTables.evaluate(key, absent);
    assertThat(rows(whenAbsent)).as("%s with %s absent", key, input).isEqualTo(rows(expected));
    assertThat(whenAbsent.matchedRuleIds())
        .as("rule with %s absent", input)
        .isEqualTo(expected.matchedRuleIds());

    DecisionTables.Evaluation whenNull = DecisionTables.evaluate(key, withNull);
    assertThat(rows(whenNull)).as("%s with %s null", key, input).isEqualTo(rows(expected));
    assertThat(whenNull.matchedRuleIds())
        .as("rule with %s null", input)
        .isEqualTo(expected.matchedRuleIds());
  }

  private static List<Map<String, Object>> rows(DecisionTables.Evaluation evaluation) {
    return evaluation.result().getResultList().stream()
        .<Map<String, Object>>map(HashMap::new)
        .toList();
  }
}
