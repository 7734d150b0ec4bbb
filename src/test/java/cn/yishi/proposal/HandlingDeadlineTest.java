package cn.yishi.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import cn.yishi.common.BusinessTime;
import cn.yishi.notification.Notifications;
import cn.yishi.signature.SignatureService;
import cn.yishi.signature.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The handling deadline (CONTRACT §4 {@code deadline}, {@code overdue}) as the status changes keep
 * it in the read model (Flyway V2, V10, V70 on H2): resolveWithin from the end of sorting to the
 * recorded result, whatever the diagrams look like (only the statuses and the signed result records
 * count).
 */
class HandlingDeadlineTest {

  private static final String NUMBER = "JN-2026-000321";

  /** 09:00 in Shanghai. */
  private static final Instant SUBMITTED = Instant.parse("2026-11-20T01:00:00Z");

  private static JdbcTemplate jdbc;

  private String track;
  private Map<String, Object> timeLimits;
  private ProposalViewService views;

  @BeforeAll
  static void tables() throws Exception {
    jdbc =
        new JdbcTemplate(
            new DriverManagerDataSource(
                "jdbc:h2:mem:handling-deadline-test;DB_CLOSE_DELAY=-1", "sa", ""));
    for (String table :
        List.of("signature_record", "proposal_timeline", "proposal_view", "proposal_cosignature")) {
      jdbc.execute("DROP TABLE IF EXISTS " + table);
    }
    for (String file :
        List.of(
            "V2__proposal_view.sql",
            "V10__signature_record.sql",
            "V70__proposal_deadline.sql",
            "V81__proposal_cosignature.sql")) {
      String migration = Files.readString(Path.of("src/main/resources/db/migration/" + file));
      for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          jdbc.execute(statement);
        }
      }
    }
  }

  @BeforeEach
  void services() {
    for (String table : List.of("signature_record", "proposal_timeline", "proposal_view")) {
      jdbc.update("DELETE FROM " + table);
    }
    BusinessTime time = new BusinessTime("Asia/Shanghai");
    views =
        new ProposalViewService(
            jdbc,
            time,
            new SignatureService(jdbc, (SigningKeys) null),
            mock(Notifications.class),
            new CoSignatures(jdbc),
            mock(ProposalStatistics.class));
    track("MINOR", "P7D");
    at(SUBMITTED);
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  private void track(String track, String resolveWithin) {
    this.track = track;
    timeLimits = new HashMap<>();
    timeLimits.put(ResponseClock.RESPONSE_WITHIN, "P1D");
    timeLimits.put(HandlingDeadline.RESOLVE_WITHIN, resolveWithin);
  }

  private static void at(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private void status(String status) {
    ProposalView.Facts facts =
        new ProposalView.Facts(
            "菁华园瀑布噪音扰民",
            "jn-jld-jldbl",
            null,
            null,
            null,
            track,
            null,
            null,
            null,
            null,
            null,
            null,
            timeLimits,
            "13800000000",
            null,
            null,
            null,
            null,
            null);
    views.changeStatus(NUMBER, ProposalStatus.of(status), facts, "测试步骤");
  }

  private ProposalView view() {
    return views.find(NUMBER).orElseThrow();
  }

  private static OffsetDateTime shanghai(Instant instant) {
    return instant.atOffset(ZoneOffset.ofHours(8));
  }

  private static void resultSigned(Instant at) {
    jdbc.update(
        "INSERT INTO signature_record (id, proposal_number, kind, content, content_hash, signature, key_id,"
            + " signed_by, signed_at) VALUES (?, ?, 'RESULT', '{}', 'h', 's', 'k', 'jldbl-caseworker', ?)",
        "r-" + at.toEpochMilli(),
        NUMBER,
        shanghai(at));
  }

  @Test
  void beforeSortingEndsThereIsNoDeadlineAndNothingIsOverdue() {
    status("SORTING");

    ProposalView view = view();
    assertThat(view.acceptedAt()).isNull();
    assertThat(view.deadline()).isNull();
    assertThat(view.overdueAt(shanghai(SUBMITTED.plus(Duration.ofDays(400))))).isFalse();
  }

  @Test
  void theDeadlineIsResolveWithinFromTheEndOfSortingAndOverdueOncePassedWithoutAResult() {
    status("SORTING");
    Instant sorted = SUBMITTED.plus(Duration.ofHours(5));
    at(sorted);
    status("UNDER_REVIEW");

    ProposalView view = view();
    assertThat(view.acceptedAt()).isEqualTo(shanghai(sorted));
    assertThat(view.deadline()).isEqualTo(shanghai(sorted.plus(Duration.ofDays(7))));
    assertThat(view.deadline().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    Instant deadline = sorted.plus(Duration.ofDays(7));
    assertThat(view.overdueAt(shanghai(deadline.minusMillis(1)))).isFalse();
    assertThat(view.overdueAt(shanghai(deadline))).isTrue();

    // later steps do not move it
    at(sorted.plus(Duration.ofDays(2)));
    status("IN_DELIBERATION");
    at(sorted.plus(Duration.ofDays(3)));
    status("IN_IMPLEMENTATION");
    assertThat(view().deadline()).isEqualTo(shanghai(deadline));
    assertThat(views.overdue(shanghai(deadline)))
        .extracting(ProposalView::number)
        .containsExactly(NUMBER);
    assertThat(views.overdue(shanghai(deadline.minusSeconds(1)))).isEmpty();
  }

  @Test
  void anUrgentMatterGoesFromSortingStraightToDeliberationWithItsOwnLimit() {
    track("URGENT", "P1D");
    status("SORTING");
    Instant sorted = SUBMITTED.plus(Duration.ofMinutes(40));
    at(sorted);
    status("IN_DELIBERATION");

    assertThat(view().deadline()).isEqualTo(shanghai(sorted.plus(Duration.ofDays(1))));
  }

  @Test
  void aDepartmentOrderStartsTheClockWhenItGoesToImplementation() {
    status("SORTING");
    at(SUBMITTED.plus(Duration.ofHours(1)));
    status("IN_IMPLEMENTATION");

    assertThat(view().deadline())
        .isEqualTo(shanghai(SUBMITTED.plus(Duration.ofHours(1)).plus(Duration.ofDays(7))));
  }

  @Test
  void aRecordedResultStopsTheClock() {
    status("SORTING");
    status("IN_DELIBERATION");
    Instant deadline = SUBMITTED.plus(Duration.ofDays(7));
    at(SUBMITTED.plus(Duration.ofDays(6)));
    status("IN_IMPLEMENTATION");
    resultSigned(SUBMITTED.plus(Duration.ofDays(6)));
    status("IN_NOTICE");

    ProposalView view = view();
    assertThat(view.resultRecorded()).isTrue();
    assertThat(view.overdueAt(shanghai(deadline.plus(Duration.ofDays(3))))).isFalse();
    assertThat(views.overdue(shanghai(deadline.plus(Duration.ofDays(3))))).isEmpty();
  }

  @Test
  void anEndedProposalIsNotOverdue() {
    status("SORTING");
    status("IN_DELIBERATION");
    at(SUBMITTED.plus(Duration.ofDays(9)));
    status("REJECTED");

    ProposalView view = view();
    assertThat(view.deadline()).isEqualTo(shanghai(SUBMITTED.plus(Duration.ofDays(7))));
    assertThat(view.overdueAt(shanghai(SUBMITTED.plus(Duration.ofDays(10))))).isFalse();
  }

  @Test
  void aProposalEndedAtSortingIsNeverAcceptedAndHasNoDeadline() {
    for (String end : List.of("SELF_HELP", "REDIRECTED", "REJECTED")) {
      jdbc.update("DELETE FROM proposal_view");
      at(SUBMITTED);
      status("SORTING");
      at(SUBMITTED.plus(Duration.ofHours(3)));
      status(end);

      assertThat(view().deadline()).as(end).isNull();
      assertThat(view().acceptedAt()).as(end).isNull();
    }
  }

  @Test
  void aProposalSentBackToSortingKeepsItsAcceptanceAndTakesTheLimitOfItsNewTrack() {
    status("SORTING");
    Instant sorted = SUBMITTED.plus(Duration.ofHours(2));
    at(sorted);
    status("UNDER_REVIEW");
    at(sorted.plus(Duration.ofDays(1)));
    status("SORTING");
    // the deadline stays public while it is sorted again
    assertThat(view().deadline()).isEqualTo(shanghai(sorted.plus(Duration.ofDays(7))));

    track("MAJOR", "P30D");
    at(sorted.plus(Duration.ofDays(2)));
    status("UNDER_REVIEW");

    ProposalView view = view();
    assertThat(view.acceptedAt()).isEqualTo(shanghai(sorted));
    assertThat(view.deadline()).isEqualTo(shanghai(sorted.plus(Duration.ofDays(30))));
  }

  @Test
  void handlingResumedAfterARecordedResultGetsANewPeriod() {
    status("SORTING");
    status("IN_DELIBERATION");
    status("IN_IMPLEMENTATION");
    resultSigned(SUBMITTED.plus(Duration.ofDays(3)));
    at(SUBMITTED.plus(Duration.ofDays(3)));
    status("IN_NOTICE");
    at(SUBMITTED.plus(Duration.ofDays(10)));
    status("AWAITING_EVALUATION");
    Instant dissatisfied = SUBMITTED.plus(Duration.ofDays(12));
    at(dissatisfied);
    status("IN_DELIBERATION");

    ProposalView view = view();
    assertThat(view.acceptedAt()).isEqualTo(shanghai(dissatisfied));
    assertThat(view.deadline()).isEqualTo(shanghai(dissatisfied.plus(Duration.ofDays(7))));
    assertThat(view.resultRecorded()).as("the first round's result is not this round's").isFalse();
    assertThat(view.overdueAt(shanghai(dissatisfied.plus(Duration.ofDays(7))))).isTrue();

    resultSigned(dissatisfied.plus(Duration.ofDays(1)));
    assertThat(view().resultRecorded()).isTrue();
  }

  @Test
  void leavingANoticeWithoutARecordedResultDoesNotRestartTheClock() {
    status("SORTING");
    status("IN_DELIBERATION");
    at(SUBMITTED.plus(Duration.ofDays(2)));
    status("IN_NOTICE");
    at(SUBMITTED.plus(Duration.ofDays(4)));
    status("IN_DELIBERATION");

    assertThat(view().acceptedAt()).isEqualTo(shanghai(SUBMITTED));
    assertThat(view().deadline()).isEqualTo(shanghai(SUBMITTED.plus(Duration.ofDays(7))));
  }

  @Test
  void calendarDurationsAreAddedOnTheBusinessCalendarAndBadOnesGiveNoDeadline() {
    OffsetDateTime from = OffsetDateTime.parse("2026-01-31T09:00+08:00");
    assertThat(HandlingDeadline.deadline(from, Map.of(HandlingDeadline.RESOLVE_WITHIN, "P1M")))
        .isEqualTo(OffsetDateTime.parse("2026-02-28T09:00+08:00"));
    assertThat(HandlingDeadline.deadline(from, Map.of(HandlingDeadline.RESOLVE_WITHIN, "PT36H")))
        .isEqualTo(OffsetDateTime.parse("2026-02-01T21:00+08:00"));
    assertThat(HandlingDeadline.deadline(from, Map.of(HandlingDeadline.RESOLVE_WITHIN, " P7D ")))
        .isEqualTo(OffsetDateTime.parse("2026-02-07T09:00+08:00"));
    assertThat(
            HandlingDeadline.deadline(from, Map.of(HandlingDeadline.RESOLVE_WITHIN, "seven days")))
        .isNull();
    assertThat(HandlingDeadline.deadline(from, Map.of(HandlingDeadline.RESOLVE_WITHIN, "-P7D")))
        .isNull();
    assertThat(HandlingDeadline.deadline(from, Map.of(ResponseClock.RESPONSE_WITHIN, "P1D")))
        .isNull();
    assertThat(HandlingDeadline.deadline(from, "P7D")).isNull();
    assertThat(HandlingDeadline.deadline(from, null)).isNull();
  }

  @Test
  void withoutResolveWithinTheProposalIsAcceptedWithoutADeadline() {
    timeLimits = Map.of(ResponseClock.RESPONSE_WITHIN, "P1D");
    status("SORTING");
    status("UNDER_REVIEW");

    assertThat(view().acceptedAt()).isNotNull();
    assertThat(view().deadline()).isNull();
    assertThat(view().overdueAt(shanghai(SUBMITTED.plus(Duration.ofDays(100))))).isFalse();
  }
}
