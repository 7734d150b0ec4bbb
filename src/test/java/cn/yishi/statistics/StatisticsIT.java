package cn.yishi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.notification.Notifications;
import cn.yishi.proposal.ProposalLifecycleProcess;
import cn.yishi.proposal.ProposalStatus;
import cn.yishi.proposal.ProposalView;
import cn.yishi.proposal.ProposalViewService;
import cn.yishi.proposal.StatisticsBackfill;
import cn.yishi.signature.SignatureService;
import cn.yishi.testsupport.EngineJobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code GET /api/statistics} on the real application: the seed's figures replayed through the
 * proposal's read model (209 proposals, the status sequence of the lifecycle, in the transaction of
 * each proposal) say exactly what the seed says, whole and filtered by community, street and dates
 * (business time zone); the time-limit watch makes proposals past their deadline due for the
 * resolution rate; a real proposal through the engine is counted and moves on when sorted; bad
 * query parameters are each named; an expired proposal's row goes, its counts stay. The job
 * executor is off, the test runs jobs itself. The seed replay runs first: it checks the whole
 * database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "yishi.statistics.fold-every=PT24H"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String JLDBL = "jn-jld-jldbl"; // 九里堤北路社区, 九里堤街道
  private static final String HZ = "jn-cdz-hz"; // 黄忠社区, 茶店子街道
  private static final String AL = "jn-cdz-al"; // 奥林社区, 茶店子街道
  private static final Map<String, Object> TIME_LIMITS =
      Map.of("responseWithin", "P2D", "resolveWithin", "P30D");

  /** The seed's categories: 209 proposals. */
  private static final Map<String, Long> CATEGORIES =
      new LinkedHashMap<>(
          Map.of(
              "CONSTRUCTION", 52L,
              "REMEDIATION", 35L,
              "PUBLIC_SAFETY", 6L,
              "COMMUNITY_SERVICE", 45L,
              "SELF_GOVERNANCE", 64L,
              "OTHER", 7L));

  @Autowired TestRestTemplate http;
  @Autowired ProposalViewService views;
  @Autowired SignatureService signatures;
  @Autowired TransactionTemplate transactions;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired StatisticsBackfill backfill;
  @Autowired StatisticsService statisticsService;
  @MockitoBean Notifications notifications;

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------- the seed replay

  /** How a seeded proposal ends up. */
  enum Fate {
    CLOSED,
    SORTING,
    REJECTED_AT_SORTING,
    UNDER_REVIEW,
    IN_DELIBERATION
  }

  /** One seeded proposal: what it is and how the replay carries it. */
  record Seed(
      String number,
      String community,
      String category,
      String track,
      OffsetDateTime submitted,
      Fate fate,
      boolean lateResult,
      boolean settledBelow) {

    LocalDate day() {
      return submitted.atZoneSameInstant(SHANGHAI).toLocalDate();
    }
  }

  private static List<Seed> seeds() {
    List<String> categories = new ArrayList<>();
    CATEGORIES.forEach(
        (category, n) -> categories.addAll(Collections.nCopies(n.intValue(), category)));
    List<Seed> seeds = new ArrayList<>();
    for (int i = 0; i < 209; i++) {
      OffsetDateTime submitted =
          switch (i) {
            case 0 -> OffsetDateTime.parse("2026-03-31T23:30+08:00"); // 15:30 UTC, March
            case 1 -> OffsetDateTime.parse("2026-04-01T00:30+08:00"); // still March 31 in UTC
            case 2 -> OffsetDateTime.parse("2026-03-16T00:00+08:00");
            case 3 -> OffsetDateTime.parse("2026-03-15T23:59:59+08:00");
            default -> OffsetDateTime.parse("2026-01-06T10:00+08:00").plusDays(i % 100);
          };
      Fate fate =
          i < 151
              ? Fate.CLOSED
              : i < 171
                  ? Fate.SORTING
                  : i < 186
                      ? Fate.REJECTED_AT_SORTING
                      : i < 196 ? Fate.UNDER_REVIEW : Fate.IN_DELIBERATION;
      seeds.add(
          new Seed(
              String.format("JN-2026-8%05d", i),
              List.of(JLDBL, HZ, AL).get(i % 3),
              categories.get(i * 37 % 209),
              i % 5 == 0 ? "MAJOR" : "MINOR",
              submitted,
              fate,
              fate == Fate.CLOSED && i % 8 == 0,
              fate == Fate.CLOSED && i % 10 == 3));
    }
    return seeds;
  }

  /** The seeded proposal through the read model, with the statuses the lifecycle sets. */
  private void replay(Seed s) {
    OffsetDateTime sorted = s.submitted().plusDays(s.fate() == Fate.REJECTED_AT_SORTING ? 3 : 1);
    status(s, ProposalStatus.SORTING, s.submitted(), null, null);
    switch (s.fate()) {
      case SORTING -> {}
      case REJECTED_AT_SORTING -> status(s, ProposalStatus.REJECTED, sorted, null, null);
      case UNDER_REVIEW -> status(s, ProposalStatus.UNDER_REVIEW, sorted, null, null);
      case IN_DELIBERATION -> {
        status(s, ProposalStatus.UNDER_REVIEW, sorted, null, null);
        status(s, ProposalStatus.IN_DELIBERATION, sorted.plusDays(1), null, null);
      }
      case CLOSED -> {
        Boolean settledBelow = s.settledBelow() ? true : null;
        OffsetDateTime result = sorted.plusDays(s.lateResult() ? 40 : 10);
        status(s, ProposalStatus.UNDER_REVIEW, sorted, null, null);
        status(s, ProposalStatus.IN_DELIBERATION, sorted.plusDays(1), null, settledBelow);
        status(s, ProposalStatus.IN_IMPLEMENTATION, sorted.plusDays(4), null, settledBelow);
        at(result);
        signatures.sign("RESULT", s.number(), Map.of("result", "已落实"), "seed-caseworker");
        status(s, ProposalStatus.IN_NOTICE, result, null, null);
        status(s, ProposalStatus.AWAITING_EVALUATION, result.plusDays(7), null, null);
        status(s, ProposalStatus.CLOSED, result.plusDays(8), "SATISFIED", null);
      }
    }
  }

  private void status(
      Seed s, ProposalStatus status, OffsetDateTime at, String rating, Boolean settledBelow) {
    at(at);
    views.changeStatus(
        s.number(),
        status,
        new ProposalView.Facts(
            "种子提案 " + s.number(),
            s.community(),
            null,
            s.category(),
            "COMMUNITY",
            s.track(),
            "COMMUNITY",
            null,
            s.submitted(),
            rating,
            null,
            null,
            TIME_LIMITS,
            "13800000000",
            null,
            null,
            status == ProposalStatus.REJECTED ? "不属于协商议事范围" : null,
            null,
            settledBelow),
        null);
  }

  private static void at(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  private JsonNode statistics(String query) {
    ResponseEntity<JsonNode> answer = http.getForEntity("/api/statistics" + query, JsonNode.class);
    assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new TreeMap<>();
    object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  private static Map<String, Long> count(
      List<Seed> seeds, java.util.function.Function<Seed, String> by) {
    return seeds.stream().collect(Collectors.groupingBy(by, TreeMap::new, Collectors.counting()));
  }

  private static Map<String, Long> byStatus(List<Seed> seeds) {
    return count(
        seeds,
        s ->
            switch (s.fate()) {
              case REJECTED_AT_SORTING -> "REJECTED";
              default -> s.fate().name();
            });
  }

  private static Map<String, Long> byMonth(List<Seed> seeds) {
    return count(seeds, s -> YearMonth.from(s.day()).toString());
  }

  /** What the statistics must say of these seeds (the counts an independent count gives). */
  private static void assertSays(JsonNode answer, List<Seed> seeds) {
    assertThat(answer.get("total").asLong()).isEqualTo(seeds.size());
    assertThat(counts(answer.get("byCategory"))).isEqualTo(count(seeds, Seed::category));
    assertThat(counts(answer.get("byStatus"))).isEqualTo(byStatus(seeds));
    assertThat(counts(answer.get("byTrack"))).isEqualTo(count(seeds, Seed::track));
    assertThat(counts(answer.get("byMonth"))).isEqualTo(byMonth(seeds));
    assertThat(answer.get("settledBelowLevel").asLong())
        .isEqualTo(seeds.stream().filter(Seed::settledBelow).count());
  }

  @Test
  @Order(1)
  void theSeedsFiguresReplayedAreExactlyWhatTheStatisticsSay() {
    List<Seed> seeds = seeds();
    for (Seed seed : seeds) {
      transactions.executeWithoutResult(tx -> replay(seed));
    }
    ClockUtil.reset();

    JsonNode all = statistics("");
    List<String> fields = new ArrayList<>();
    all.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "total",
            "byCategory",
            "byStatus",
            "byTrack",
            "byLevel",
            "rates",
            "settledBelowLevel",
            "byMonth");
    assertThat(all.get("total").asLong()).isEqualTo(209);
    assertThat(counts(all.get("byCategory"))).isEqualTo(new TreeMap<>(CATEGORIES));
    assertThat(all.get("byStatus").get("CLOSED").asLong()).isEqualTo(151);
    assertThat(counts(all.get("byStatus")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "CLOSED", 151L,
                "SORTING", 20L,
                "REJECTED", 15L,
                "UNDER_REVIEW", 10L,
                "IN_DELIBERATION", 13L));
    assertThat(counts(all.get("byLevel"))).isEqualTo(Map.of("COMMUNITY", 209L));
    assertThat(counts(all.get("byMonth")))
        .isEqualTo(Map.of("2026-01", 57L, "2026-02", 56L, "2026-03", 65L, "2026-04", 31L))
        .isEqualTo(byMonth(seeds));
    assertSays(all, seeds);
    JsonNode rates = all.get("rates");
    assertThat(rates.get("satisfaction").asDouble()).isEqualTo(1.0);
    // 189 sorted, the 15 rejected at sorting after responseWithin (P2D)
    assertThat(rates.get("response").asDouble()).isEqualTo(StatisticsService.rate(174, 189));
    // every proposal that reached deliberation and is finished has its result
    assertThat(rates.get("resolution").asDouble()).isEqualTo(1.0);
    // 19 of the 151 results recorded after the deadline (P30D)
    assertThat(rates.get("onTime").asDouble()).isEqualTo(StatisticsService.rate(132, 151));
    assertThat(all.get("settledBelowLevel").asLong()).isEqualTo(15);

    assertSays(statistics("?community=" + HZ), filter(seeds, s -> s.community().equals(HZ)));
    assertSays(
        statistics("?street=jn-cdz"), filter(seeds, s -> Set.of(HZ, AL).contains(s.community())));
    assertSays(
        statistics("?street=jn-jld&community=" + JLDBL),
        filter(seeds, s -> s.community().equals(JLDBL)));

    // a range that cuts March and April in half, both edges inclusive
    LocalDate from = LocalDate.of(2026, 3, 16);
    LocalDate to = LocalDate.of(2026, 4, 1);
    List<Seed> inRange = filter(seeds, s -> !s.day().isBefore(from) && !s.day().isAfter(to));
    assertThat(inRange)
        .extracting(Seed::number)
        .contains(seeds.get(0).number(), seeds.get(1).number(), seeds.get(2).number())
        .doesNotContain(seeds.get(3).number());
    JsonNode cut = statistics("?from=2026-03-16&to=2026-04-01");
    assertSays(cut, inRange);
    assertThat(counts(cut.get("byMonth")).keySet()).containsExactly("2026-03", "2026-04");
    // 23:30 in Shanghai on March 31 is March; 00:30 on April 1 (still March 31 in UTC) is April
    assertSays(
        statistics("?from=2026-03-31&to=2026-03-31"),
        filter(seeds, s -> s.day().equals(LocalDate.of(2026, 3, 31))));
    assertThat(counts(statistics("?from=2026-04-01&to=2026-04-01").get("byMonth")))
        .isEqualTo(Map.of("2026-04", filter(seeds, s -> s.day().equals(to)).size() * 1L));
    assertSays(
        statistics("?community=" + AL + "&from=2026-02-01"),
        filter(
            seeds, s -> s.community().equals(AL) && !s.day().isBefore(LocalDate.of(2026, 2, 1))));
    // nothing submitted then: every rate is null
    JsonNode none = statistics("?from=2025-01-01&to=2025-12-31");
    assertThat(none.get("total").asLong()).isZero();
    assertThat(none.get("byStatus").size()).isZero();
    none.get("rates").forEach(rate -> assertThat(rate.isNull()).isTrue());

    // a database from before the statistics (their tables empty): Yishi counts its proposals at
    // start from their timelines; the seeds have no lifecycle history, so only the response rate
    // and settled-below (which need it) stay uncounted
    JsonNode counted = statistics("");
    // the steps only wrote pending increments; folding them into the sums changes no figure
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statistics_day", Long.class)).isZero();
    assertThat(statisticsService.fold()).isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statistics_pending", Long.class)).isZero();
    assertThat(statistics("")).isEqualTo(counted);
    for (String table :
        List.of(
            "statistics_proposal", "statistics_day", "statistics_month", "statistics_pending")) {
      jdbc.update("DELETE FROM " + table);
    }
    assertThat(statistics("").get("total").asLong()).isZero();
    assertThat(backfill.backfill()).isEqualTo(209);
    JsonNode backfilled = statistics("");
    for (String figure :
        List.of("total", "byCategory", "byStatus", "byTrack", "byLevel", "byMonth")) {
      assertThat(backfilled.get(figure)).as(figure).isEqualTo(counted.get(figure));
    }
    for (String rate : List.of("satisfaction", "resolution", "onTime")) {
      assertThat(backfilled.get("rates").get(rate))
          .as(rate)
          .isEqualTo(counted.get("rates").get(rate));
    }
    assertThat(backfilled.get("rates").get("response").isNull()).isTrue();
    assertThat(backfilled.get("settledBelowLevel").asLong()).isZero();
    assertThat(backfill.backfill()).isZero();

    // the time-limit watch, long after every deadline: the 13 still in deliberation are past it
    at(OffsetDateTime.parse("2026-12-31T12:00+08:00"));
    watchRound();
    ClockUtil.reset();
    assertThat(statistics("").get("rates").get("resolution").asDouble())
        .isEqualTo(StatisticsService.rate(151, 151 + 13));
  }

  private static List<Seed> filter(List<Seed> seeds, Predicate<Seed> which) {
    return seeds.stream().filter(which).toList();
  }

  /** One round of the time-limit watch, as the job executor would run it. */
  private void watchRound() {
    EngineJobs.watchRound(managementService);
  }

  // ---------------------------------------------------------------- through the engine

  @Test
  @Order(2)
  void aRealProposalIsCountedWhenSubmittedAndMovesOnWhenSorted() {
    at(OffsetDateTime.parse("2026-06-10T09:00+08:00"));
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("title", "黄忠社区金沙国际小区绿地提升");
    proposal.put("description", "小区中心绿地裸土多，建议补种花木、增设座椅。");
    proposal.put("community", HZ);
    proposal.put("courtyard", "jn-cdz-hz-jsgj");
    proposal.put("submitterName", "赵女士");
    proposal.put("submitterPhone", "13712345678");
    proposal.put("topic", "GREENING");
    proposal.put("scope", "COMMUNITY");
    proposal.put("affectedHouseholds", 300);
    ResponseEntity<JsonNode> created =
        http.postForEntity("/api/proposals", proposal, JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = created.getBody().get("number").asText();
    String june = "?from=2026-06-01&to=2026-06-30&street=jn-cdz";

    JsonNode submitted = statistics(june);
    assertThat(submitted.get("total").asLong()).isEqualTo(1);
    assertThat(counts(submitted.get("byStatus"))).isEqualTo(Map.of("SORTING", 1L));
    assertThat(counts(submitted.get("byCategory"))).isEqualTo(Map.of("CONSTRUCTION", 1L));
    assertThat(counts(submitted.get("byMonth"))).isEqualTo(Map.of("2026-06", 1L));
    assertThat(submitted.get("rates").get("response").isNull()).as("not sorted yet").isTrue();

    at(OffsetDateTime.parse("2026-06-10T15:00+08:00"));
    Task sorting =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey(ProposalLifecycleProcess.TASK_SORT_PROPOSAL)
            .singleResult();
    taskService.complete(
        sorting.getId(), Map.of(ProposalLifecycleProcess.EXCLUSION.name(), "NONE"));
    runProposalJobs(number);

    String next =
        http.getForEntity("/api/proposals/" + number, JsonNode.class)
            .getBody()
            .get("status")
            .asText();
    assertThat(next).isIn("UNDER_REVIEW", "IN_DELIBERATION");
    JsonNode sorted = statistics(june);
    assertThat(sorted.get("total").asLong()).isEqualTo(1);
    assertThat(counts(sorted.get("byStatus"))).isEqualTo(Map.of(next, 1L));
    assertThat(sorted.get("rates").get("response").asDouble()).as("sorted in time").isEqualTo(1.0);
    assertThat(statistics("?community=" + JLDBL + "&from=2026-06-01").get("total").asLong())
        .isZero();
  }

  private void runProposalJobs(String number) {
    EngineJobs.runProposalJobs(runtimeService, managementService, number);
  }

  // ---------------------------------------------------------------- refusals

  private List<String> refused(String query) {
    ResponseEntity<JsonNode> answer = http.getForEntity("/api/statistics" + query, JsonNode.class);
    assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    answer.getBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  @Test
  @Order(3)
  void eachBadQueryParameterIsNamedAndNothingIsWritten() {
    Map<String, Long> before = rows();

    assertThat(refused("?colour=red")).containsExactly("colour");
    assertThat(refused("?from=2026-3-1")).containsExactly("from");
    assertThat(refused("?to=2026-02-30")).containsExactly("to");
    assertThat(refused("?from=20260301")).containsExactly("from");
    assertThat(refused("?from=2026-04-02&to=2026-04-01")).containsExactly("from");
    assertThat(refused("?from=2026-01-01&from=2026-02-01")).containsExactly("from");
    assertThat(refused("?street=jn-nowhere")).containsExactly("street");
    assertThat(refused("?street=" + JLDBL))
        .as("a community is not a street")
        .containsExactly("street");
    assertThat(refused("?community=jn-nowhere")).containsExactly("community");
    assertThat(refused("?community=jn-cdz"))
        .as("a street is not a community")
        .containsExactly("community");
    assertThat(refused("?street=jn-jld&community=" + HZ)).containsExactly("community");
    assertThat(refused("?community=&to=x&page=2"))
        .containsExactlyInAnyOrder("community", "to", "page");
    // a valid query after the refusals: answered, and nothing was written by any of them
    statistics("?street=jn-jld&from=2026-01-01&to=2026-12-31");
    assertThat(rows()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- retention

  @Test
  @Order(4)
  void anExpiredProposalLosesItsRowButTheCountsKeepIt() {
    JsonNode before = statistics("");
    String number = seeds().get(5).number();
    transactions.executeWithoutResult(tx -> views.forget(List.of(number)));
    assertThat(views.find(number)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM statistics_proposal WHERE number = ?", Long.class, number))
        .isZero();
    assertThat(statistics("")).isEqualTo(before);
  }

  private Map<String, Long> rows() {
    Map<String, Long> rows = new TreeMap<>();
    for (String table :
        List.of(
            "statistics_proposal", "statistics_day", "statistics_month", "statistics_pending")) {
      rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
      rows.put(
          table + " amount",
          table.equals("statistics_proposal")
              ? 0L
              : jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM " + table, Long.class));
    }
    return rows;
  }
}
