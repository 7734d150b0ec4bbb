package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.TIME_LIMITS;
import static cn.yishi.proposal.ProposalLifecycleProcess.KEY;
import static cn.yishi.proposal.ProposalLifecycleProcess.SETTLED_BELOW_HANDLING_LEVEL;

import cn.yishi.statistics.StatisticsInput;
import cn.yishi.statistics.StatisticsService;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts in the statistics the proposals that have none yet: those submitted before the statistics
 * existed (migration V90), when Yishi starts. Each is replayed from what the read model kept — its
 * public timeline of statuses and its current view — and from the lifecycle's history for the two
 * facts the read model lacks ({@code timeLimits.responseWithin}, settled below its handling level),
 * so a proposal whose history is gone counts everywhere but in {@code response} and {@code
 * settledBelowLevel}. Sorting ended at the first status after SORTING; the result was recorded at
 * the first public notice after the last carrying out. Runs once per proposal (a proposal with a
 * contribution is never replayed again), in batches, each in its own transaction; at start only
 * until it has once run to the end (table {@code proposal_statistics_backfill}).
 */
@Component
public class StatisticsBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(StatisticsBackfill.class);
  static final int BATCH = 200;
  private static final Set<String> STATUSES =
      Arrays.stream(ProposalStatus.values()).map(Enum::name).collect(Collectors.toSet());

  private final JdbcTemplate jdbc;
  private final ProposalViewService views;
  private final StatisticsService statistics;
  private final HistoryService history;
  private final TransactionTemplate transactions;

  public StatisticsBackfill(
      JdbcTemplate jdbc,
      ProposalViewService views,
      StatisticsService statistics,
      HistoryService history,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.views = views;
    this.statistics = statistics;
    this.history = history;
    this.transactions = transactions;
  }

  /** At the first start after the statistics were added: once, then never again. */
  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    Integer done =
        jdbc.queryForObject("SELECT COUNT(*) FROM proposal_statistics_backfill", Integer.class);
    if (done != null && done > 0) {
      return;
    }
    int counted = backfill();
    jdbc.update(
        "INSERT INTO proposal_statistics_backfill (id, completed_at, counted) VALUES (1, ?, ?)",
        new org.springframework.jdbc.core.SqlParameterValue(
            java.sql.Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.now()),
        counted);
    if (counted > 0) {
      LOG.info("统计：已补记 {} 件此前未计入统计的提案", counted);
    }
  }

  /**
   * Counts every proposal without a contribution, through the whole read model in pages of {@link
   * #BATCH}; returns how many.
   */
  public int backfill() {
    int counted = 0;
    String after = "";
    while (true) {
      List<String> page =
          jdbc.queryForList(
              "SELECT number FROM proposal_view WHERE number > ? ORDER BY number LIMIT ?",
              String.class,
              after,
              BATCH);
      if (page.isEmpty()) {
        return counted;
      }
      after = page.get(page.size() - 1);
      List<String> missing = statistics.uncounted(page);
      if (!missing.isEmpty()) {
        transactions.executeWithoutResult(tx -> missing.forEach(this::replay));
        counted += missing.size();
      }
    }
  }

  private void replay(String number) {
    ProposalView view = views.find(number).orElseThrow();
    List<ProposalView.TimelineEntry> changes = new ArrayList<>();
    for (ProposalView.TimelineEntry entry : view.timeline()) {
      if (STATUSES.contains(entry.outcome())) {
        changes.add(entry);
      }
    }
    Lifecycle lifecycle = lifecycle(number);
    OffsetDateTime responseDue =
        HandlingDeadline.after(
            view.submittedAt(), lifecycle.timeLimits(), ResponseClock.RESPONSE_WITHIN);
    boolean reached =
        changes.stream()
            .map(e -> ProposalStatus.of(e.outcome()))
            .anyMatch(
                s -> s == ProposalStatus.IN_DELIBERATION || s == ProposalStatus.IN_IMPLEMENTATION);
    Optional<ProposalView.TimelineEntry> sorted =
        changes.stream()
            .filter(e -> !ProposalStatus.SORTING.name().equals(e.outcome()))
            .findFirst();
    if (sorted.isPresent()) {
      ProposalStatus first = ProposalStatus.of(sorted.get().outcome());
      statistics.changed(
          input(view, first, sorted.get().at(), reached, responseDue, false, null, null));
    }
    if (view.resultRecorded()) {
      OffsetDateTime resultAt = resultAt(changes).orElse(view.updatedAt());
      statistics.changed(
          input(view, ProposalStatus.IN_NOTICE, resultAt, reached, responseDue, true, null, null));
    }
    statistics.changed(
        input(
            view,
            view.status(),
            view.updatedAt(),
            reached,
            responseDue,
            view.resultRecorded(),
            view.rating(),
            lifecycle.settledBelow()));
  }

  /** The first public notice after the last carrying out: when the result was recorded. */
  private static Optional<OffsetDateTime> resultAt(List<ProposalView.TimelineEntry> changes) {
    int implementation = -1;
    for (int i = 0; i < changes.size(); i++) {
      if (ProposalStatus.IN_IMPLEMENTATION.name().equals(changes.get(i).outcome())) {
        implementation = i;
      }
    }
    for (int i = implementation + 1; implementation >= 0 && i < changes.size(); i++) {
      if (ProposalStatus.IN_NOTICE.name().equals(changes.get(i).outcome())) {
        return Optional.of(changes.get(i).at());
      }
    }
    return Optional.empty();
  }

  private static StatisticsInput input(
      ProposalView view,
      ProposalStatus status,
      OffsetDateTime at,
      boolean reached,
      OffsetDateTime responseDue,
      boolean resultRecorded,
      String rating,
      Boolean settledBelow) {
    return new StatisticsInput(
        view.number(),
        at,
        status.name(),
        status != ProposalStatus.SORTING,
        reached,
        HandlingDeadline.ENDED.contains(status),
        view.category(),
        view.track(),
        view.level(),
        view.community(),
        view.submittedAt(),
        responseDue,
        view.deadline(),
        resultRecorded,
        rating,
        settledBelow);
  }

  /** What only the lifecycle's history knows: its time limits, and whether it settled below. */
  private record Lifecycle(Object timeLimits, Boolean settledBelow) {}

  private Lifecycle lifecycle(String number) {
    List<HistoricProcessInstance> runs =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(KEY)
            .processInstanceBusinessKey(number)
            .orderByProcessInstanceStartTime()
            .asc()
            .list();
    if (runs.isEmpty()) {
      return new Lifecycle(null, null);
    }
    Object timeLimits = null;
    Boolean settledBelow = null;
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(runs.get(0).getId())
            .variableNameIn(TIME_LIMITS.name(), SETTLED_BELOW_HANDLING_LEVEL.name())
            .list()) {
      if (TIME_LIMITS.name().equals(v.getName())) {
        timeLimits = v.getValue();
      } else if (v.getValue() instanceof Boolean b) {
        settledBelow = b;
      }
    }
    return new Lifecycle(timeLimits, settledBelow);
  }
}
