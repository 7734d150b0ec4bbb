package cn.yishi.decisions;

import static cn.yishi.decisions.DecisionTables.evaluate;
import static cn.yishi.decisions.Vars.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Decision {@code timeLimits} against CONTRACT §3 (case table timeLimits.csv). */
class TimeLimitsTableTest {

  private static final String KEY = "timeLimits";

  @ParameterizedTest(name = "{0}: {1} / {2} / {3}")
  @CsvFileSource(resources = "/decisions/timeLimits.csv", numLinesToSkip = 1)
  void everyTrackHasItsDurationsAndRoundLimit(
      String track,
      String responseWithin,
      String resolveWithin,
      String noticePeriod,
      String reminderBefore,
      String stepWithin,
      String reportInWithin,
      String evaluationWithin,
      boolean waitForResolutionNotice,
      int objectionRoundLevelAbove,
      Integer maxRounds,
      String rule) {
    DecisionTables.Evaluation evaluation = evaluate(KEY, vars().string("track", track).map());

    assertThat(evaluation.single("responseWithin")).isEqualTo(responseWithin);
    assertThat(evaluation.single("resolveWithin")).isEqualTo(resolveWithin);
    assertThat(evaluation.single("noticePeriod")).isEqualTo(noticePeriod);
    assertThat(evaluation.single("reminderBefore")).isEqualTo(reminderBefore);
    assertThat(evaluation.single("stepWithin")).isEqualTo(stepWithin);
    assertThat(evaluation.single("reportInWithin")).isEqualTo(reportInWithin);
    assertThat(evaluation.single("evaluationWithin")).isEqualTo(evaluationWithin);
    assertThat(evaluation.single("waitForResolutionNotice"))
        .as("waitForResolutionNotice of %s", track)
        .isEqualTo(waitForResolutionNotice);
    assertThat(((Number) evaluation.single("objectionRoundLevelAbove")).intValue())
        .as("objectionRoundLevelAbove of %s", track)
        .isEqualTo(objectionRoundLevelAbove);
    if (maxRounds == null) {
      // only 难事广议 deliberates in rounds: the other tracks' cell is empty, their result has no
      // maxRounds
      assertThat(evaluation.result().getSingleResult().getEntryMap())
          .as("outputs of %s", track)
          .doesNotContainKey("maxRounds");
    } else {
      assertThat(((Number) evaluation.single("maxRounds")).intValue()).isEqualTo(maxRounds);
    }
    assertThat(evaluation.singleRule()).isEqualTo(rule);
    for (String output :
        new String[] {
          "responseWithin",
          "resolveWithin",
          "noticePeriod",
          "reminderBefore",
          "stepWithin",
          "reportInWithin",
          "evaluationWithin"
        }) {
      assertThat(evaluation.single(output)).as(output).isInstanceOf(String.class);
      assertIsoDuration((String) evaluation.single(output));
    }
  }

  /** An ISO-8601 duration that java.time (and Camunda timers) understand: PnD or PTnH/PTnM. */
  private static void assertIsoDuration(String value) {
    if (value.startsWith("PT")) {
      assertThat(Duration.parse(value)).as(value).isPositive();
    } else {
      assertThat(Period.parse(value).isNegative() || Period.parse(value).isZero())
          .as(value)
          .isFalse();
    }
  }

  @Test
  void onlyTheHardTrackHasARoundLimit() {
    for (String track : new String[] {"URGENT", "MINOR", "MAJOR"}) {
      assertThat(
              evaluate(KEY, vars().string("track", track).map())
                  .result()
                  .getSingleResult()
                  .getEntryMap())
          .as(track)
          .doesNotContainKey("maxRounds")
          .containsKey("noticePeriod");
    }
    assertThat(
            ((Number) evaluate(KEY, vars().string("track", "HARD").map()).single("maxRounds"))
                .intValue())
        .isPositive();
  }

  @Test
  void onlyTheUrgentTrackIsCarriedOutWhileItsResolutionIsPosted() {
    for (String track : new String[] {"MINOR", "MAJOR", "HARD"}) {
      assertThat(
              evaluate(KEY, vars().string("track", track).map()).single("waitForResolutionNotice"))
          .as(track)
          .isEqualTo(true);
    }
    assertThat(
            evaluate(KEY, vars().string("track", "URGENT").map()).single("waitForResolutionNotice"))
        .isEqualTo(false);
  }

  @Test
  void anUnknownOrAbsentTrackGivesNoLimits() {
    assertThat(evaluate(KEY, vars().string("track", "SLOW").map()).result().getResultList())
        .isEmpty();
    assertThat(evaluate(KEY, vars().map()).result().getResultList()).isEmpty();
  }

  @Test
  void everyRuleHasACase() {
    assertThat(DecisionTables.caseColumn("timeLimits.csv", "rule"))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(KEY));
  }

  @Test
  void hitPolicyIsUniqueAndOutputsAreTheContractsThenYishisAdditions() {
    assertThat(DecisionTables.hitPolicy(KEY)).isEqualTo(HitPolicy.UNIQUE);
    assertThat(DecisionTables.outputNames(KEY))
        .containsExactly(
            "responseWithin",
            "resolveWithin",
            "noticePeriod",
            "reminderBefore",
            "stepWithin",
            "reportInWithin",
            "evaluationWithin",
            "waitForResolutionNotice",
            "objectionRoundLevelAbove",
            "maxRounds");
    assertThat(DecisionTables.table(KEY).getOutputs())
        .allSatisfy(
            o ->
                assertThat(o.getTypeRef())
                    .isEqualTo(
                        switch (o.getName()) {
                          case "maxRounds", "objectionRoundLevelAbove" -> "integer";
                          case "waitForResolutionNotice" -> "boolean";
                          default -> "string";
                        }));
  }
}
