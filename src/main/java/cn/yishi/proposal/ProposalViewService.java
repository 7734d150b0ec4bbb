package cn.yishi.proposal;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.LogText;
import cn.yishi.common.SqlLists;
import cn.yishi.notification.Notifications;
import cn.yishi.signature.RecordKind;
import cn.yishi.signature.SignatureService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;

/**
 * The proposal's public projection, and its only writer: the read model ({@code proposal_view}:
 * status, classification, handling deadline) and the public timeline ({@code proposal_timeline}),
 * for the public API, the time-limit watch and tests.
 *
 * <p>A status change updates the read model, appends a timeline entry and queues a notification to
 * the submitter (and the co-signers who asked to be told), all in the step's transaction
 * (JdbcTemplate joins the engine's Spring transaction), so the public view never shows a step that
 * did not happen, and no step goes untold. It also keeps the proposal's handling deadline (CONTRACT
 * §4 {@code deadline}, {@link HandlingDeadline}): it starts when the status leaves SORTING. Last,
 * the statistics learn the proposal's new state ({@link ProposalStatistics}), in the same
 * transaction.
 */
@Service
public class ProposalViewService {

  private static final Logger LOG = LoggerFactory.getLogger(ProposalViewService.class);
  private static final int MAX_STEP = 200;

  private final JdbcTemplate jdbc;
  private final BusinessTime time;
  private final SignatureService signatures;
  private final Notifications notifications;
  private final CoSignatures coSignatures;
  private final ProposalStatistics statistics;

  public ProposalViewService(
      JdbcTemplate jdbc,
      BusinessTime time,
      SignatureService signatures,
      Notifications notifications,
      CoSignatures coSignatures,
      ProposalStatistics statistics) {
    this.jdbc = jdbc;
    this.time = time;
    this.signatures = signatures;
    this.notifications = notifications;
    this.coSignatures = coSignatures;
    this.statistics = statistics;
  }

  // ---------------------------------------------------------------- writing

  /**
   * The proposal reached {@code status} at the step named {@code step} (null: the status's label):
   * the read model takes the status and the facts, the timeline gets an entry, the submitter is
   * told.
   */
  public void changeStatus(
      String number, ProposalStatus status, ProposalView.Facts facts, String step) {
    OffsetDateTime now = time.now();
    Clock before = clock(number);
    upsertView(number, status, facts, now);
    handlingClock(number, before, status, facts, now);
    appendTimeline(number, stepName(step, status.label()), status.name(), now);
    String message = status.message(number, facts);
    String phone = facts.submitterPhone();
    if (phone == null || phone.isBlank()) {
      LOG.warn("提案 {} 没有提交人手机号，通知未发出：{}", LogText.safe(number), LogText.safe(message));
    } else {
      notifications.toSubmitter(number, phone, message);
    }
    List<String> coSigners = coSignatures.phonesToNotify(number);
    if (!coSigners.isEmpty()) {
      String told = status.coSignerMessage(number, facts);
      coSigners.forEach(coSigner -> notifications.toCoSigner(number, coSigner, told));
    }
    statistics.changed(
        views("SELECT * FROM proposal_view WHERE number = ?", List.of(), number).get(0),
        facts,
        now);
  }

  /** A public timeline entry for a step that does not change the status (e.g. 商议 通过). */
  public void recordStep(String number, String step, String outcome) {
    if (outcome == null || outcome.isBlank()) {
      throw new IllegalArgumentException("时间线条目缺少结果（提案 " + number + "）");
    }
    appendTimeline(number, stepName(step, outcome), outcome.trim(), time.now());
  }

  private static String stepName(String name, String otherwise) {
    String step = name == null || name.isBlank() ? otherwise : name.trim();
    return step.length() > MAX_STEP ? step.substring(0, MAX_STEP) : step;
  }

  private void upsertView(
      String number, ProposalStatus status, ProposalView.Facts f, OffsetDateTime now) {
    SqlParameterValue title = text(f.title());
    SqlParameterValue community = text(f.community());
    SqlParameterValue courtyard = text(f.courtyard());
    SqlParameterValue category = text(f.category());
    SqlParameterValue matterScope = text(f.matterScope());
    SqlParameterValue track = text(f.track());
    SqlParameterValue level = text(f.level());
    SqlParameterValue coSigners = new SqlParameterValue(Types.INTEGER, f.coSigners());
    SqlParameterValue submittedAt = timestamp(f.submittedAt());
    SqlParameterValue rating = text(f.rating());
    SqlParameterValue closedUnrated = new SqlParameterValue(Types.BOOLEAN, f.closedUnrated());
    SqlParameterValue unit = text(f.deliberationUnit());
    SqlParameterValue updatedAt = timestamp(now);
    int updated =
        jdbc.update(
            "UPDATE proposal_view SET status = ?, updated_at = ?,"
                + " title = COALESCE(?, title), community = COALESCE(?, community),"
                + " courtyard = COALESCE(?, courtyard), category = COALESCE(?, category),"
                + " matter_scope = COALESCE(?, matter_scope), track = COALESCE(?, track),"
                + " handling_level = COALESCE(?, handling_level), co_signers = COALESCE(?, co_signers),"
                + " submitted_at = COALESCE(?, submitted_at), rating = COALESCE(?, rating),"
                + " closed_unrated = COALESCE(?, closed_unrated),"
                + " deliberation_unit = COALESCE(?, deliberation_unit)"
                + " WHERE number = ?",
            status.name(),
            updatedAt,
            title,
            community,
            courtyard,
            category,
            matterScope,
            track,
            level,
            coSigners,
            submittedAt,
            rating,
            closedUnrated,
            unit,
            number);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO proposal_view (number, status, updated_at, title, community, courtyard, category,"
              + " matter_scope, track, handling_level, co_signers, submitted_at, rating, closed_unrated,"
              + " deliberation_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          number,
          status.name(),
          updatedAt,
          title,
          community,
          courtyard,
          category,
          matterScope,
          track,
          level,
          coSigners,
          submittedAt,
          rating,
          closedUnrated,
          unit);
    }
  }

  /** The read model's status and handling clock before a change; all null for a new proposal. */
  private record Clock(ProposalStatus status, OffsetDateTime acceptedAt, Integer resultsBefore) {}

  private Clock clock(String number) {
    return jdbc
        .query(
            "SELECT status, accepted_at, results_before FROM proposal_view WHERE number = ?",
            (rs, n) ->
                new Clock(
                    ProposalStatus.of(rs.getString("status")),
                    rs.getObject("accepted_at", OffsetDateTime.class),
                    rs.getObject("results_before", Integer.class)),
            number)
        .stream()
        .findFirst()
        .orElse(new Clock(null, null, null));
  }

  /**
   * Starts, restarts or keeps the handling deadline ({@link HandlingDeadline}): at the first end of
   * sorting (受理) the deadline is resolveWithin from now; a proposal sent back to sorting keeps its
   * 受理 time (the deadline follows the track it is sorted into again); handling resumed after a
   * recorded result (an objection upheld, a dissatisfied rating) gets a new period from now.
   */
  private void handlingClock(
      String number,
      Clock before,
      ProposalStatus next,
      ProposalView.Facts facts,
      OffsetDateTime now) {
    boolean accepted = before.acceptedAt() != null;
    int results = accepted || before.status() == ProposalStatus.SORTING ? resultRecords(number) : 0;
    boolean resultRecorded =
        accepted && results > (before.resultsBefore() == null ? 0 : before.resultsBefore());
    HandlingDeadline.Change change =
        HandlingDeadline.change(before.status(), next, accepted, resultRecorded);
    if (change == HandlingDeadline.Change.NONE) {
      return;
    }
    if (change == HandlingDeadline.Change.RESORTED) {
      OffsetDateTime acceptedAt = time.inZone(before.acceptedAt());
      jdbc.update(
          "UPDATE proposal_view SET deadline = ? WHERE number = ?",
          timestamp(HandlingDeadline.deadline(acceptedAt, facts.timeLimits())),
          number);
      return;
    }
    jdbc.update(
        "UPDATE proposal_view SET accepted_at = ?, deadline = ?, results_before = ? WHERE number = ?",
        timestamp(now),
        timestamp(HandlingDeadline.deadline(now, facts.timeLimits())),
        results,
        number);
  }

  /** How many results of carrying out have been recorded (signed) for the proposal. */
  private int resultRecords(String number) {
    return signatures.count(number, RecordKind.RESULT);
  }

  private void appendTimeline(String number, String step, String outcome, OffsetDateTime at) {
    Integer last =
        jdbc.queryForObject(
            "SELECT MAX(entry_no) FROM proposal_timeline WHERE proposal_number = ?",
            Integer.class,
            number);
    jdbc.update(
        "INSERT INTO proposal_timeline (id, proposal_number, entry_no, occurred_at, step, outcome)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        number,
        last == null ? 1 : last + 1,
        timestamp(at),
        step,
        outcome);
  }

  private static SqlParameterValue text(String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }

  private static SqlParameterValue timestamp(OffsetDateTime at) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at);
  }

  // ---------------------------------------------------------------- reading

  /** The proposal's public view, or empty when no such number is known. */
  public Optional<ProposalView> find(String number) {
    List<ProposalView.TimelineEntry> timeline = timeline(number);
    return views("SELECT * FROM proposal_view WHERE number = ?", timeline, number).stream()
        .findFirst();
  }

  /**
   * Criteria of a staff search over the read model (the audit list): every criterion is optional
   * ({@code null}); {@code communities} null means every community, empty means none.
   *
   * @param number the whole number, or its last digits ({@code 10} finds {@code JN-2026-000010})
   * @param titleContains part of the title
   * @param from submitted at or after
   * @param to submitted before
   */
  public record Search(
      String number,
      String titleContains,
      java.util.Set<String> communities,
      String status,
      String track,
      OffsetDateTime from,
      OffsetDateTime to) {}

  /** One page of a search, newest first, with the number of all matches. */
  public record Page(long total, List<ProposalView> items) {}

  /** Proposals matching the criteria, newest first, without their timelines. */
  public Page search(Search search, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new java.util.ArrayList<>();
    if (search.number() != null) {
      if (search.number().chars().allMatch(Character::isDigit)) {
        where.append(" AND number LIKE ?");
        args.add("%-" + "0".repeat(Math.max(0, 6 - search.number().length())) + search.number());
      } else {
        where.append(" AND number = ?");
        args.add(search.number());
      }
    }
    if (search.titleContains() != null) {
      where.append(" AND title LIKE ? ESCAPE '!'");
      args.add(
          "%"
              + search.titleContains().replace("!", "!!").replace("%", "!%").replace("_", "!_")
              + "%");
    }
    if (search.communities() != null) {
      if (search.communities().isEmpty()) {
        return new Page(0, List.of());
      }
      where
          .append(" AND community IN (")
          .append(String.join(",", java.util.Collections.nCopies(search.communities().size(), "?")))
          .append(")");
      args.addAll(new java.util.TreeSet<>(search.communities()));
    }
    if (search.status() != null) {
      where.append(" AND status = ?");
      args.add(search.status());
    }
    if (search.track() != null) {
      where.append(" AND track = ?");
      args.add(search.track());
    }
    if (search.from() != null) {
      where.append(" AND submitted_at >= ?");
      args.add(timestamp(search.from()));
    }
    if (search.to() != null) {
      where.append(" AND submitted_at < ?");
      args.add(timestamp(search.to()));
    }
    Long total =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM proposal_view" + where, Long.class, args.toArray());
    List<Object> paged = new java.util.ArrayList<>(args);
    paged.add(size);
    paged.add((long) page * size);
    List<ProposalView> items =
        views(
            "SELECT * FROM proposal_view"
                + where
                + " ORDER BY submitted_at DESC, number DESC LIMIT ? OFFSET ?",
            List.of(),
            paged.toArray());
    return new Page(total == null ? 0 : total, items);
  }

  /** Whether a proposal has this number. */
  public boolean exists(String number) {
    Integer found =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM proposal_view WHERE number = ?", Integer.class, number);
    return found != null && found > 0;
  }

  /** The public timeline, oldest first. */
  public List<ProposalView.TimelineEntry> timeline(String number) {
    return jdbc.query(
        "SELECT occurred_at, step, outcome FROM proposal_timeline WHERE proposal_number = ?"
            + " ORDER BY entry_no, occurred_at",
        (rs, n) ->
            new ProposalView.TimelineEntry(
                time.inZone(rs.getObject("occurred_at", OffsetDateTime.class)),
                rs.getString("step"),
                rs.getString("outcome")),
        number);
  }

  /**
   * The proposals overdue at {@code now} (CONTRACT §4 {@code overdue}), earliest deadline first,
   * without their timelines: for the time-limit watch, which opens 督办 for them.
   */
  public List<ProposalView> overdue(OffsetDateTime now) {
    return views(
            "SELECT * FROM proposal_view WHERE deadline IS NOT NULL AND deadline <= ? ORDER BY deadline, number",
            List.of(),
            timestamp(now))
        .stream()
        .filter(view -> view.overdueAt(now))
        .toList();
  }

  /** A read model row, and the number of results recorded before its handling period began. */
  private record Row(ProposalView view, Integer resultsBefore) {}

  /**
   * The rows as views, each with whether its handling period's result has been recorded (a signed
   * RESULT record since it was accepted), asked of the signatures once the rows are read.
   */
  private List<ProposalView> views(
      String sql, List<ProposalView.TimelineEntry> timeline, Object... args) {
    return jdbc.query(sql, (rs, n) -> row(rs, timeline), args).stream()
        .map(
            row -> {
              ProposalView v = row.view();
              int before = row.resultsBefore() == null ? 0 : row.resultsBefore();
              boolean recorded = v.acceptedAt() != null && resultRecords(v.number()) > before;
              return recorded ? v.withResultRecorded() : v;
            })
        .toList();
  }

  private Row row(ResultSet rs, List<ProposalView.TimelineEntry> timeline) throws SQLException {
    ProposalView view =
        new ProposalView(
            rs.getString("number"),
            rs.getString("title"),
            ProposalStatus.of(rs.getString("status")),
            rs.getString("category"),
            rs.getString("matter_scope"),
            rs.getString("track"),
            rs.getString("handling_level"),
            rs.getString("community"),
            rs.getString("courtyard"),
            rs.getObject("co_signers", Integer.class),
            time.inZone(rs.getObject("submitted_at", OffsetDateTime.class)),
            time.inZone(rs.getObject("updated_at", OffsetDateTime.class)),
            rs.getString("deliberation_unit"),
            rs.getString("rating"),
            rs.getObject("closed_unrated", Boolean.class),
            time.inZone(rs.getObject("accepted_at", OffsetDateTime.class)),
            time.inZone(rs.getObject("deadline", OffsetDateTime.class)),
            false,
            timeline);
    return new Row(view, rs.getObject("results_before", Integer.class));
  }

  /**
   * Removes the public timeline and view of these proposals and their co-signatures (their history
   * has expired: cn.yishi.retention), and what the statistics keep of each (not their counts).
   */
  public void forget(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    coSignatures.forget(numbers);
    statistics.forget(numbers);
    jdbc.update(
        "DELETE FROM proposal_timeline WHERE proposal_number IN ("
            + SqlLists.placeholders(numbers)
            + ")",
        numbers.toArray());
    jdbc.update(
        "DELETE FROM proposal_view WHERE number IN (" + SqlLists.placeholders(numbers) + ")",
        numbers.toArray());
  }

  /**
   * Up to {@code limit} numbers of proposals that ended (an end status) and last changed before
   * {@code cutoff}, oldest first: the candidates whose history may have expired.
   */
  public List<String> endedBefore(OffsetDateTime cutoff, int limit) {
    List<Object> args = new java.util.ArrayList<>();
    for (ProposalStatus status : HandlingDeadline.ENDED) {
      args.add(status.name());
    }
    String in = SqlLists.placeholders(args);
    args.add(timestamp(cutoff));
    args.add(limit);
    return jdbc.queryForList(
        "SELECT number FROM proposal_view WHERE status IN ("
            + in
            + ") AND updated_at < ? ORDER BY updated_at, number LIMIT ?",
        String.class,
        args.toArray());
  }
}
