package cn.yishi.retention;

import cn.yishi.notice.PublicNotices;
import cn.yishi.notification.NotificationOutbox;
import cn.yishi.proposal.CorrectionRecords;
import cn.yishi.proposal.ProposalLifecycleProcess;
import cn.yishi.proposal.ProposalViewService;
import cn.yishi.signature.SignatureService;
import cn.yishi.summons.SummonsRepository;
import cn.yishi.supervision.DeadlineSupervisions;
import cn.yishi.supervision.SupervisionRecords;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Yishi's own records follow the engine's retention: a proposal's rows (public view and timeline,
 * corrections, signed records, notices and objections, notifications, 督办 and summons records) are
 * removed once Camunda's history cleanup has removed its lifecycle instance, i.e. once its history
 * expired. Candidates are ended proposals that last changed longer ago than the lifecycle's
 * historyTimeToLive; each is removed only if the engine holds no history of it any more. Runs in
 * the cleanup window, in batches, each batch in one transaction; two nodes running it at once
 * delete the same rows, which is harmless.
 */
@Component
public class RetentionCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionCleanup.class);

  private final HistoryService history;
  private final RepositoryService repository;
  private final ProposalViewService views;
  private final CorrectionRecords corrections;
  private final SignatureService signatures;
  private final PublicNotices notices;
  private final NotificationOutbox notifications;
  private final SupervisionRecords supervision;
  private final DeadlineSupervisions deadlineSupervisions;
  private final SummonsRepository summonses;
  private final TransactionTemplate transactions;
  private final LocalTime windowStart;
  private final LocalTime windowEnd;
  private final int batchSize;

  public RetentionCleanup(
      HistoryService history,
      RepositoryService repository,
      ProposalViewService views,
      CorrectionRecords corrections,
      SignatureService signatures,
      PublicNotices notices,
      NotificationOutbox notifications,
      SupervisionRecords supervision,
      DeadlineSupervisions deadlineSupervisions,
      SummonsRepository summonses,
      TransactionTemplate transactions,
      @Value("${yishi.retention.cleanup-window-start}") String windowStart,
      @Value("${yishi.retention.cleanup-window-end}") String windowEnd,
      @Value("${yishi.retention.cleanup-batch-size}") int batchSize) {
    this.history = history;
    this.repository = repository;
    this.views = views;
    this.corrections = corrections;
    this.signatures = signatures;
    this.notices = notices;
    this.notifications = notifications;
    this.supervision = supervision;
    this.deadlineSupervisions = deadlineSupervisions;
    this.summonses = summonses;
    this.transactions = transactions;
    this.windowStart = LocalTime.parse(windowStart);
    this.windowEnd = LocalTime.parse(windowEnd);
    this.batchSize = batchSize;
  }

  /** Every 15 minutes; does something only inside the cleanup window (the server's time). */
  @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT5M")
  public void inWindow() {
    LocalTime now = LocalTime.now();
    boolean inside =
        windowStart.isBefore(windowEnd)
            ? !now.isBefore(windowStart) && now.isBefore(windowEnd)
            : !now.isBefore(windowStart) || now.isBefore(windowEnd);
    if (inside) {
      int removed = run();
      if (removed > 0) {
        LOG.info(
            "Retention: removed Yishi's records of {} proposals whose history expired", removed);
      }
    }
  }

  /**
   * Removes the records of every proposal whose history expired, batch by batch; the number of
   * proposals removed.
   */
  public int run() {
    ProcessDefinition lifecycle =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(ProposalLifecycleProcess.KEY)
            .latestVersion()
            .singleResult();
    if (lifecycle == null || lifecycle.getHistoryTimeToLive() == null) {
      return 0;
    }
    OffsetDateTime now =
        OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), java.time.ZoneOffset.UTC);
    OffsetDateTime cutoff = now.minus(Duration.ofDays(lifecycle.getHistoryTimeToLive()));
    int removed = 0;
    List<String> kept = new ArrayList<>();
    while (true) {
      List<String> candidates = views.endedBefore(cutoff, batchSize + kept.size());
      candidates.removeAll(kept);
      if (candidates.isEmpty()) {
        return removed;
      }
      List<String> expired = new ArrayList<>();
      for (String number : candidates) {
        if (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count()
            == 0) {
          expired.add(number);
        } else {
          kept.add(number); // its history is still there: the engine's cleanup has not reached it
        }
      }
      if (!expired.isEmpty()) {
        transactions.executeWithoutResult(status -> forget(expired));
        removed += expired.size();
      }
    }
  }

  private void forget(List<String> numbers) {
    corrections.forget(numbers);
    signatures.forget(numbers);
    notices.forget(numbers);
    notifications.forget(numbers);
    supervision.forget(numbers);
    deadlineSupervisions.forget(numbers);
    summonses.forget(numbers);
    views.forget(numbers);
  }
}
