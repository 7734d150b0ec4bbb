package cn.yishi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.statistics.StatisticsRepository.Table;
import cn.yishi.statistics.StatisticsService.Period;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of a proposal's contribution to the statistics: which figures a proposal in a given
 * state counts in, each rate's edge, and how a query's dates are cut into months and days.
 */
class ContributionTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final OffsetDateTime SUBMITTED = OffsetDateTime.parse("2026-03-02T09:00+08:00");
  private static final OffsetDateTime RESPONSE_DUE = SUBMITTED.plusDays(3);
  private static final OffsetDateTime DEADLINE = SUBMITTED.plusDays(30);

  /** A change of the proposal, as the proposal's read model tells it. */
  private record Step(
      String status,
      OffsetDateTime at,
      boolean reaches,
      boolean ended,
      OffsetDateTime deadline,
      boolean result,
      String rating,
      Boolean settledBelow) {

    StatisticsInput input() {
      return new StatisticsInput(
          "JN-2026-000001",
          at,
          status,
          !"SORTING".equals(status),
          reaches,
          ended,
          "CONSTRUCTION",
          "MINOR",
          "COMMUNITY",
          "jn-jld-jldbl",
          SUBMITTED,
          RESPONSE_DUE,
          deadline,
          result,
          rating,
          settledBelow);
    }
  }

  private static Step step(String status, OffsetDateTime at) {
    return new Step(status, at, false, false, null, false, null, null);
  }

  private static Contribution replay(Step... steps) {
    Contribution c = null;
    for (Step s : steps) {
      c = Contribution.next(c, s.input(), SHANGHAI);
    }
    return c;
  }

  private static Step sorting() {
    return step("SORTING", SUBMITTED);
  }

  private static Step review(OffsetDateTime at) {
    return new Step("UNDER_REVIEW", at, false, false, DEADLINE, false, null, null);
  }

  private static Step deliberation(OffsetDateTime at) {
    return new Step("IN_DELIBERATION", at, true, false, DEADLINE, false, null, null);
  }

  private static Step notice(OffsetDateTime at) {
    return new Step("IN_NOTICE", at, false, false, DEADLINE, true, null, null);
  }

  @Test
  void aNewProposalCountsInTotalAndItsClassificationOnly() {
    assertThat(replay(sorting()).figures())
        .containsExactly(
            "category:CONSTRUCTION", "level:COMMUNITY", "status:SORTING", "total", "track:MINOR");
  }

  @Test
  void sortedExactlyAtResponseWithinIsInTimeAMillisecondLaterIsNot() {
    assertThat(replay(sorting(), review(RESPONSE_DUE)).figures())
        .contains("response:sorted", "response:inTime");
    assertThat(replay(sorting(), review(RESPONSE_DUE.plusNanos(1_000_000))).figures())
        .contains("response:sorted")
        .doesNotContain("response:inTime");
  }

  @Test
  void aProposalSentBackToSortingKeepsItsFirstResponse() {
    Contribution c =
        replay(
            sorting(),
            review(RESPONSE_DUE.minusHours(1)),
            step("SORTING", RESPONSE_DUE.plusDays(1)),
            review(RESPONSE_DUE.plusDays(2)));
    assertThat(c.figures()).contains("response:sorted", "response:inTime");
    assertThat(replay(sorting(), step("SORTING", RESPONSE_DUE)).figures())
        .doesNotContain("response:sorted");
  }

  @Test
  void aResultRecordedExactlyAtTheDeadlineIsOnTimeAndResolves() {
    Contribution c =
        replay(sorting(), review(SUBMITTED), deliberation(SUBMITTED), notice(DEADLINE));
    assertThat(c.figures())
        .contains("result:recorded", "result:onTime", "resolution:due", "resolution:resolved")
        .doesNotContain("status:IN_DELIBERATION");

    Contribution late =
        replay(
            sorting(), review(SUBMITTED), deliberation(SUBMITTED), notice(DEADLINE.plusSeconds(1)));
    assertThat(late.figures())
        .contains("result:recorded", "resolution:due", "resolution:resolved")
        .doesNotContain("result:onTime");
  }

  @Test
  void theResultKeepsItsTimeThroughTheFollowingSteps() {
    Contribution c =
        replay(
            sorting(),
            review(SUBMITTED),
            deliberation(SUBMITTED),
            notice(DEADLINE.minusDays(1)),
            new Step(
                "AWAITING_EVALUATION",
                DEADLINE.plusDays(5),
                false,
                false,
                DEADLINE,
                true,
                null,
                null),
            new Step(
                "CLOSED", DEADLINE.plusDays(9), false, true, DEADLINE, true, "SATISFIED", null));
    assertThat(c.figures())
        .contains(
            "status:CLOSED",
            "rating:SATISFIED",
            "result:recorded",
            "result:onTime",
            "resolution:due",
            "resolution:resolved");
  }

  @Test
  void deliberatedAndEndedWithoutResultIsDueButNotResolved() {
    Contribution c =
        replay(
            sorting(),
            review(SUBMITTED),
            deliberation(SUBMITTED),
            new Step("REJECTED", SUBMITTED.plusDays(5), false, true, DEADLINE, false, null, null));
    assertThat(c.figures())
        .contains("resolution:due")
        .doesNotContain("resolution:resolved", "result:recorded");
  }

  @Test
  void endedAtSortingNeverCountsForResolution() {
    Contribution c =
        replay(
            sorting(),
            new Step("REJECTED", SUBMITTED.plusDays(1), false, true, null, false, null, null));
    assertThat(c.figures()).contains("response:sorted").doesNotContain("resolution:due");
    assertThat(c.watchDeadline()).isNull();
  }

  @Test
  void pastItsDeadlineInDeliberationIsDueOnceTheWatchSeesIt() {
    Contribution c = replay(sorting(), review(SUBMITTED), deliberation(SUBMITTED));
    assertThat(c.figures()).doesNotContain("resolution:due");
    assertThat(c.watchDeadline()).isEqualTo(DEADLINE);

    Contribution passed = c.deadlinePassed();
    assertThat(passed.figures()).contains("resolution:due").doesNotContain("resolution:resolved");
    assertThat(passed.watchDeadline()).isNull();
    // a step after the deadline sees it too
    assertThat(replay(sorting(), review(SUBMITTED), deliberation(DEADLINE)).figures())
        .contains("resolution:due");
  }

  @Test
  void pastItsDeadlineBeforeDeliberationDoesNotCount() {
    Contribution c = replay(sorting(), review(DEADLINE.plusDays(1)));
    assertThat(c.figures()).doesNotContain("resolution:due");
    assertThat(c.watchDeadline()).isNull();
  }

  @Test
  void aDepartmentOrderCountsForResolutionWithoutDeliberation() {
    Contribution c =
        replay(
            sorting(),
            new Step("IN_IMPLEMENTATION", SUBMITTED, true, false, DEADLINE, false, null, null),
            notice(DEADLINE.minusDays(1)));
    assertThat(c.figures()).contains("resolution:due", "resolution:resolved", "result:onTime");
  }

  @Test
  void reopenedHandlingCountsAgainOnlyWithItsNewResult() {
    OffsetDateTime reopened = DEADLINE.plusDays(2);
    OffsetDateTime newDeadline = reopened.plusDays(30);
    Contribution c =
        replay(
            sorting(),
            review(SUBMITTED),
            deliberation(SUBMITTED),
            new Step("IN_NOTICE", DEADLINE.plusDays(1), false, false, DEADLINE, true, null, null),
            new Step(
                "IN_DELIBERATION",
                reopened,
                true,
                false,
                newDeadline,
                false,
                "DISSATISFIED",
                null));
    assertThat(c.figures())
        .contains("rating:DISSATISFIED")
        .doesNotContain("result:recorded", "resolution:due", "resolution:resolved");
    assertThat(c.watchDeadline()).isEqualTo(newDeadline);

    Contribution again =
        Contribution.next(
            c,
            new Step(
                    "IN_NOTICE", newDeadline, false, false, newDeadline, true, "DISSATISFIED", null)
                .input(),
            SHANGHAI);
    assertThat(again.figures()).contains("result:recorded", "result:onTime", "resolution:resolved");
  }

  @Test
  void settledBelowItsLevelStaysWhenALaterProcessDoesNotKnow() {
    Contribution c =
        replay(
            sorting(),
            new Step("IN_DELIBERATION", SUBMITTED, true, false, DEADLINE, false, null, true),
            notice(DEADLINE));
    assertThat(c.figures()).contains("settledBelow");
    assertThat(replay(sorting(), review(SUBMITTED)).figures()).doesNotContain("settledBelow");
  }

  @Test
  void theBucketIsTheSubmissionDateInTheBusinessTimeZone() {
    OffsetDateTime lateEvening = OffsetDateTime.parse("2026-03-31T15:30Z"); // 23:30 in Shanghai
    StatisticsInput in =
        new StatisticsInput(
            "JN-2026-000002",
            lateEvening,
            "SORTING",
            false,
            false,
            false,
            null,
            null,
            null,
            "jn-jld-jldbl",
            lateEvening,
            null,
            null,
            false,
            null,
            null);
    Contribution c = Contribution.next(null, in, SHANGHAI);
    assertThat(c.submittedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(c.area()).isEqualTo("jn-jld-jldbl");
    assertThat(c.figures()).containsExactly("status:SORTING", "total");
  }

  @Test
  void nothingCountedIsNullAndFractionsHaveFourDecimals() {
    assertThat(StatisticsService.rate(0, 0)).isNull();
    assertThat(StatisticsService.rate(0, 3)).isEqualTo(0.0);
    assertThat(StatisticsService.rate(151, 151)).isEqualTo(1.0);
    assertThat(StatisticsService.rate(17, 24)).isEqualTo(0.7083);
  }

  @Test
  void aQueryReadsWholeMonthsAndOnlyTheEdgeDays() {
    assertThat(StatisticsService.periods(null, null))
        .containsExactly(new Period(Table.MONTH, null, null));
    assertThat(StatisticsService.periods(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 5, 31)))
        .containsExactly(
            new Period(Table.DAY, LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 31)),
            new Period(Table.MONTH, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)));
    assertThat(StatisticsService.periods(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20)))
        .containsExactly(
            new Period(Table.DAY, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20)));
  }

  @Test
  void theDatesOfAQueryAreEachCoveredExactlyOnce() {
    LocalDate first = LocalDate.of(2026, 1, 27);
    LocalDate last = LocalDate.of(2026, 4, 3);
    for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(1)) {
      for (LocalDate to = from; !to.isAfter(last); to = to.plusDays(1)) {
        List<Period> periods = StatisticsService.periods(from, to);
        for (LocalDate d = first.minusDays(3); !d.isAfter(last.plusDays(3)); d = d.plusDays(1)) {
          long covering = 0;
          for (Period p : periods) {
            if (covers(p, d)) {
              covering++;
            }
          }
          boolean inside = !d.isBefore(from) && !d.isAfter(to);
          assertThat(covering)
              .as("%s in periods of %s..%s: %s", d, from, to, periods)
              .isEqualTo(inside ? 1 : 0);
        }
      }
    }
  }

  private static boolean covers(Period p, LocalDate d) {
    LocalDate key = p.table() == Table.DAY ? d : YearMonth.from(d).atDay(1);
    return (p.from() == null || !key.isBefore(p.from()))
        && (p.to() == null || !key.isAfter(p.to()));
  }
}
