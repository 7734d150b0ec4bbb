package cn.yishi.decisions;

import static cn.yishi.decisions.DecisionTables.evaluate;
import static cn.yishi.decisions.Vars.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One policy number, one meaning (decisions/README.md).
 *
 * <ul>
 *   <li>The cost threshold lives in two cells: {@code matterScope}'s {@code Rule_CourtyardMatter}
 *       ({@code < N}: a courtyard matter) and {@code deliberationTrack}'s {@code Rule_MajorCost}
 *       ({@code >= N}: a major matter). Both are the same N, so "small enough for the courtyard"
 *       and "not major by cost" mean the same. A test fails when the cells disagree.
 *   <li>A rule's annotation does not restate the numbers in its cells (it would go stale when a
 *       cell is edited): no digits, no fractions or amounts in words.
 * </ul>
 */
class PolicyNumbersTest {

  private static final Pattern BELOW = Pattern.compile("^\\s*<\\s*([0-9]+(?:\\.[0-9]+)?)\\s*$");
  private static final Pattern AT_LEAST = Pattern.compile("^\\s*>=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*$");
  private static final BigDecimal CENT = new BigDecimal("0.01");

  /** Digits, and numbers, fractions and amounts written in words (Chinese or English). */
  private static final Pattern NUMBER_IN_WORDS =
      Pattern.compile(
          "[0-9０-９]|分之|半数|一半|过半|[一二三四五六七八九十百千万]+(?:元|户|方|天|日|小时|轮|分钟)"
              + "|(?i)\\b(?:half|halves|thirds?|quarters?|fifty|hundred|thousand)\\b");

  /** The threshold N of the courtyard row's cost cell ({@code < N}). */
  static BigDecimal courtyardCostBelow() {
    return number(
        cell("matterScope", "Rule_CourtyardMatter", "Input_EstimatedCost"),
        BELOW,
        "matterScope Rule_CourtyardMatter");
  }

  /** The threshold N of the major-cost row's cost cell ({@code >= N}). */
  static BigDecimal majorCostFrom() {
    return number(
        cell("deliberationTrack", "Rule_MajorCost", "Input_EstimatedCost"),
        AT_LEAST,
        "deliberationTrack Rule_MajorCost");
  }

  /** The two cells hold one number, read as its two complementary comparisons. */
  static void assertOneCostThreshold(String courtyardCell, String majorCell) {
    BigDecimal below = number(courtyardCell, BELOW, "matterScope Rule_CourtyardMatter");
    BigDecimal from = number(majorCell, AT_LEAST, "deliberationTrack Rule_MajorCost");
    assertThat(below)
        .as(
            "the cost threshold: matterScope Rule_CourtyardMatter '%s' and deliberationTrack Rule_MajorCost '%s'"
                + " are one policy number; change both cells together (decisions/README.md)",
            courtyardCell, majorCell)
        .isEqualByComparingTo(from);
  }

  @Test
  void theCourtyardCostAndTheMajorCostAreOneThreshold() {
    assertOneCostThreshold(
        cell("matterScope", "Rule_CourtyardMatter", "Input_EstimatedCost"),
        cell("deliberationTrack", "Rule_MajorCost", "Input_EstimatedCost"));
  }

  @Test
  void theCheckFailsWhenTheCellsDisagree() {
    assertThatThrownBy(() -> assertOneCostThreshold("< 60000", ">= 50000"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("change both cells together");
    assertThatThrownBy(() -> assertOneCostThreshold("<= 50000", ">= 50000"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Rule_CourtyardMatter");
    assertOneCostThreshold("< 50000", ">= 50000.00");
  }

  static Stream<BigDecimal> costsAroundTheThreshold() {
    BigDecimal n = courtyardCostBelow();
    return Stream.of(BigDecimal.ZERO, n.subtract(CENT), n, n.add(CENT), n.multiply(BigDecimal.TEN));
  }

  /**
   * What the one number means, evaluated: with no collective funds, a building matter costing c is
   * a courtyard matter exactly when its track by cost is not MAJOR.
   */
  @ParameterizedTest(name = "cost {0}")
  @MethodSource("costsAroundTheThreshold")
  void aCourtyardMatterIsExactlyOneThatIsNotMajorByCost(BigDecimal cost) {
    Object scope =
        evaluate(
                "matterScope",
                vars()
                    .string("scope", "BUILDING")
                    .bool("usesCollectiveFunds", "false")
                    .value("estimatedCost", cost)
                    .map())
            .single("matterScope");
    Object track =
        evaluate("deliberationTrack", vars().value("estimatedCost", cost).map()).single("track");
    boolean belowThreshold = cost.compareTo(majorCostFrom()) < 0;
    assertThat(scope)
        .as("matterScope at cost %s", cost)
        .isEqualTo(belowThreshold ? "COURTYARD" : "COMMUNITY");
    assertThat(track)
        .as("deliberationTrack at cost %s", cost)
        .isEqualTo(belowThreshold ? "MINOR" : "MAJOR");
  }

  static Stream<Path> tables() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("decisions"))) {
      return files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void ruleAnnotationsDoNotRestateTheNumbersInTheirCells(Path file) {
    List<String> problems = new ArrayList<>();
    for (DecisionTable table :
        Dmn.readModelFromFile(file.toFile()).getModelElementsByType(DecisionTable.class)) {
      for (Rule rule : table.getRules()) {
        String note = rule.getDescription() == null ? "" : rule.getDescription().getTextContent();
        Matcher m = NUMBER_IN_WORDS.matcher(note);
        if (m.find()) {
          problems.add(
              rule.getId()
                  + ": '"
                  + m.group()
                  + "' in \""
                  + note
                  + "\" (say which cell holds the number instead)");
        }
      }
    }
    assertThat(problems).as("%s: rule annotations restating a number", file).isEmpty();
  }

  @Test
  void theAnnotationCheckFindsDigitsFractionsAndAmountsInWords() {
    for (String stale :
        new String[] {
          "费用低于5万元", "实到三分之二以上", "赞成过半数", "五万元以下", "at least two thirds", "respond in 2 hours"
        }) {
      assertThat(NUMBER_IN_WORDS.matcher(stale).find()).as(stale).isTrue();
    }
    for (String fine :
        new String[] {
          "费用低于本行门槛", "两委会：达到法定人数", "two committees", "只涉及本户 → 家里事", "this row's threshold"
        }) {
      assertThat(NUMBER_IN_WORDS.matcher(fine).find()).as(fine).isFalse();
    }
  }

  private static String cell(String key, String ruleId, String inputId) {
    DecisionTable table = DecisionTables.table(key);
    int column = -1;
    for (int i = 0; i < table.getInputs().size(); i++) {
      if (inputId.equals(new ArrayList<>(table.getInputs()).get(i).getId())) {
        column = i;
      }
    }
    assertThat(column).as("input %s of %s", inputId, key).isNotNegative();
    for (Rule rule : table.getRules()) {
      if (ruleId.equals(rule.getId())) {
        return new ArrayList<>(rule.getInputEntries()).get(column).getTextContent().trim();
      }
    }
    throw new AssertionError("no rule " + ruleId + " in " + key);
  }

  private static BigDecimal number(String cell, Pattern form, String where) {
    Matcher m = form.matcher(cell);
    assertThat(m.matches())
        .as(
            "%s: the cost cell '%s' must read '%s' followed by the amount",
            where, cell, form == BELOW ? "<" : ">=")
        .isTrue();
    return new BigDecimal(m.group(1));
  }
}
