package cn.yishi.decisions;

import static cn.yishi.decisions.DecisionTables.evaluate;
import static cn.yishi.decisions.Vars.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Decision {@code meetingResolution} against CONTRACT §3 (case table meetingResolution.csv). */
class MeetingResolutionTableTest {

  private static final String KEY = "meetingResolution";

  @ParameterizedTest(name = "[{index}] {0}: {1} {2}/{3}/{4} -> {5}")
  @CsvFileSource(resources = "/decisions/meetingResolution.csv", numLinesToSkip = 1)
  void outcomeFollowsTheContract(
      String caseName,
      String body,
      int members,
      int present,
      int inFavour,
      String outcome,
      String rule) {
    DecisionTables.Evaluation evaluation =
        evaluate(
            KEY,
            vars()
                .value("body", body)
                .value("members", members)
                .value("present", present)
                .value("inFavour", inFavour)
                .map());

    assertThat(evaluation.single("outcome")).isEqualTo(outcome);
    assertThat(evaluation.singleRule()).isEqualTo(rule);
  }

  static Stream<String> bodies() {
    return Stream.of(
        "RESIDENTS_MEETING",
        "HOUSEHOLD_REPRESENTATIVES",
        "REPRESENTATIVES_MEETING",
        "PARTY_MEMBERS_MEETING",
        "TWO_COMMITTEES",
        "DELIBERATION_COMMITTEE");
  }

  /**
   * Every valid count up to 15 members: exactly one rule applies (the UNIQUE rows of a body leave
   * no gap and do not overlap) and the outcome is the contract's, whose table is restated here in
   * integers (CONTRACT §3, meetingResolution rules).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void everyValidCountUpToFifteenMembersHasExactlyTheContractsOutcome(String body) {
    boolean twoThirdsQuorum =
        Set.of("HOUSEHOLD_REPRESENTATIVES", "REPRESENTATIVES_MEETING", "PARTY_MEMBERS_MEETING")
            .contains(body);
    boolean majorityOfMembers = body.equals("PARTY_MEMBERS_MEETING");
    for (int members = 0; members <= 15; members++) {
      for (int present = 0; present <= members; present++) {
        for (int inFavour = 0; inFavour <= present; inFavour++) {
          boolean quorum = twoThirdsQuorum ? 3 * present >= 2 * members : 2 * present > members;
          boolean passes = majorityOfMembers ? 2 * inFavour > members : 2 * inFavour > present;
          String expected = !quorum ? "NO_QUORUM" : passes ? "PASSED" : "REJECTED";

          DecisionTables.Evaluation evaluation =
              evaluate(
                  KEY,
                  vars()
                      .value("body", body)
                      .value("members", members)
                      .value("present", present)
                      .value("inFavour", inFavour)
                      .map());

          assertThat(evaluation.matchedRuleIds())
              .as("%s members %d present %d inFavour %d", body, members, present, inFavour)
              .hasSize(1);
          assertThat(evaluation.single("outcome"))
              .as("%s members %d present %d inFavour %d", body, members, present, inFavour)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void countsMayArriveAsLongs() {
    DecisionTables.Evaluation evaluation =
        evaluate(
            KEY,
            vars()
                .value("body", "REPRESENTATIVES_MEETING")
                .value("members", 9L)
                .value("present", 6L)
                .value("inFavour", 4L)
                .map());
    assertThat(evaluation.single("outcome")).isEqualTo("PASSED");
  }

  @Test
  void anUnknownBodyMatchesNoRule() {
    assertThat(
            evaluate(
                    KEY,
                    vars()
                        .value("body", "VILLAGE_COUNCIL")
                        .value("members", 9)
                        .value("present", 9)
                        .value("inFavour", 9)
                        .map())
                .result()
                .getResultList())
        .isEmpty();
  }

  @Test
  void cellsCompareWholeNumbersWithoutDivision() {
    assertThat(DecisionTables.table(KEY).getRules())
        .flatMap(rule -> rule.getInputEntries().stream().map(InputEntry::getTextContent).toList())
        .allSatisfy(text -> assertThat(text).doesNotContain("/"));
  }

  @Test
  void everyRuleHasACase() {
    assertThat(DecisionTables.caseColumn("meetingResolution.csv", "rule"))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(KEY));
  }

  @Test
  void hitPolicyIsUniqueAndOutputIsOutcome() {
    assertThat(DecisionTables.hitPolicy(KEY)).isEqualTo(HitPolicy.UNIQUE);
    assertThat(DecisionTables.outputNames(KEY)).containsExactly("outcome");
  }
}
