package cn.yishi.proposal;

import cn.yishi.common.BusinessTime;
import static cn.yishi.proposal.ProposalStatusVariables.*;
import static cn.yishi.proposal.ProposalVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.notification.Notifications;
import cn.yishi.signature.RecordKind;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * Bean {@code proposalStatus}, called from any proposal process (the lifecycle or a procedure it
 * calls) as an execution listener, e.g. {@code ${proposalStatus.set(execution, 'UNDER_REVIEW')}}.
 *
 * <p>A status change sets the variable {@code status}, updates the public read model
 * ({@code proposal_view}), appends a public timeline entry and queues a notification to the
 * submitter — all in the step's transaction (JdbcTemplate joins the engine's Spring transaction),
 * so the public view never shows a step that did not happen, and no step goes untold.
 *
 * <p>The status change also keeps the proposal's handling deadline (CONTRACT §4 {@code deadline},
 * {@link HandlingDeadline}): it starts when the status leaves SORTING.
 *
 * <p>The proposal is found by the variable {@code number}, else the business key.
 */
@DiagramCallable
@Component("proposalStatus")
public class ProposalStatusService {

  private static final int MAX_STEP = 200;
  /** Variables the status messages use. */
  private static final List<String> MESSAGE_VARIABLES =
      List.of(
          ProposalVariables.TITLE,
          ProposalVariables.ROUTE,
          ProposalVariables.EXCLUSION,
          REJECTION_REASON,
          SELF_HELP_GUIDANCE);

  private final JdbcTemplate jdbc;
  private final Notifications notifications;
  private final BusinessTime time;

  public ProposalStatusService(JdbcTemplate jdbc, Notifications notifications, BusinessTime time) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.time = time;
  }

  /** Changes the proposal's public status (one of CONTRACT §4's; anything else fails). */
  public void set(DelegateExecution execution, String status) {
    ProposalStatus next = ProposalStatus.of(status);
    String number = number(execution);
    OffsetDateTime now = time.now();
    execution.setVariable(STATUS, next.name());
    Clock before = clock(number);
    upsertView(execution, number, next, now);
    handlingClock(execution, number, before, next, now);
    appendTimeline(number, stepName(execution, next.label()), next.name(), now);
    Object phone = execution.getVariable(ProposalVariables.SUBMITTER_PHONE);
    notifications.toSubmitter(
        number, phone == null ? null : phone.toString(), ProposalStatusMessages.forStatus(next, messageVariables(execution, number)));
  }

  /** A public timeline entry for a step that does not change the status (e.g. 商议 通过). */
  public void step(DelegateExecution execution, String outcome) {
    if (outcome == null || outcome.isBlank()) {
      throw new IllegalArgumentException("时间线条目缺少结果（提案 " + number(execution) + "）");
    }
    String number = number(execution);
    appendTimeline(number, stepName(execution, outcome), outcome.trim(), time.now());
  }

  private static String number(DelegateExecution execution) {
    Object variable = execution.getVariable(ProposalVariables.NUMBER);
    String number = variable instanceof String n && !n.isBlank() ? n : execution.getProcessBusinessKey();
    if (number == null || number.isBlank()) {
      throw new IllegalStateException(
          "流程 " + execution.getProcessInstanceId() + " 没有提案编号（变量 number 或业务键）");
    }
    return number;
  }

  private static String stepName(DelegateExecution execution, String otherwise) {
    String name = execution.getCurrentActivityName();
    String step = name == null || name.isBlank() ? otherwise : name.trim();
    return step.length() > MAX_STEP ? step.substring(0, MAX_STEP) : step;
  }

  private static Map<String, Object> messageVariables(DelegateExecution execution, String number) {
    Map<String, Object> variables = new HashMap<>();
    for (String name : MESSAGE_VARIABLES) {
      variables.put(name, execution.getVariable(name));
    }
    variables.put(NUMBER, number);
    return variables;
  }

  private void upsertView(DelegateExecution execution, String number, ProposalStatus status, OffsetDateTime now) {
    SqlParameterValue title = text(execution, ProposalVariables.TITLE);
    SqlParameterValue community = text(execution, ProposalVariables.COMMUNITY);
    SqlParameterValue courtyard = text(execution, ProposalVariables.COURTYARD);
    SqlParameterValue category = text(execution, ProposalVariables.CATEGORY);
    SqlParameterValue matterScope = text(execution, ProposalVariables.MATTER_SCOPE);
    SqlParameterValue track = text(execution, ProposalVariables.TRACK);
    SqlParameterValue level = text(execution, ProposalVariables.LEVEL);
    SqlParameterValue coSigners = integer(execution, ProposalVariables.CO_SIGNERS);
    SqlParameterValue submittedAt = timestamp(execution, SUBMITTED_AT);
    SqlParameterValue rating = text(execution, RATING);
    SqlParameterValue closedUnrated = bool(execution, CLOSED_UNRATED);
    SqlParameterValue unit = text(execution, DELIBERATION_UNIT);
    SqlParameterValue updatedAt = new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, now);
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
            status.name(), updatedAt, title, community, courtyard, category, matterScope, track, level,
            coSigners, submittedAt, rating, closedUnrated, unit, number);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO proposal_view (number, status, updated_at, title, community, courtyard, category,"
              + " matter_scope, track, handling_level, co_signers, submitted_at, rating, closed_unrated,"
              + " deliberation_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          number, status.name(), updatedAt, title, community, courtyard, category, matterScope, track,
          level, coSigners, submittedAt, rating, closedUnrated, unit);
    }
  }

  /** The read model's status and handling clock before a change; all null for a new proposal. */
  private record Clock(ProposalStatus status, OffsetDateTime acceptedAt, Integer resultsBefore) {}

  private Clock clock(String number) {
    return jdbc.query(
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
   * Starts, restarts or keeps the handling deadline ({@link HandlingDeadline}): at the first end
   * of sorting (受理) the deadline is resolveWithin from now; a proposal sent back to sorting keeps
   * its 受理 time (the deadline follows the track it is sorted into again); handling resumed after
   * a recorded result (an objection upheld, a dissatisfied rating) gets a new period from now.
   */
  private void handlingClock(
      DelegateExecution execution, String number, Clock before, ProposalStatus next, OffsetDateTime now) {
    boolean accepted = before.acceptedAt() != null;
    int results = accepted || before.status() == ProposalStatus.SORTING ? resultRecords(number) : 0;
    boolean resultRecorded = accepted && results > (before.resultsBefore() == null ? 0 : before.resultsBefore());
    HandlingDeadline.Change change = HandlingDeadline.change(before.status(), next, accepted, resultRecorded);
    if (change == HandlingDeadline.Change.NONE) {
      return;
    }
    Object limits = execution.getVariable(ProposalVariables.TIME_LIMITS);
    if (change == HandlingDeadline.Change.RESORTED) {
      OffsetDateTime acceptedAt = time.inZone(before.acceptedAt());
      jdbc.update(
          "UPDATE proposal_view SET deadline = ? WHERE number = ?",
          new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, HandlingDeadline.deadline(acceptedAt, limits)),
          number);
      return;
    }
    jdbc.update(
        "UPDATE proposal_view SET accepted_at = ?, deadline = ?, results_before = ? WHERE number = ?",
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, now),
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, HandlingDeadline.deadline(now, limits)),
        results,
        number);
  }

  /** How many results of carrying out have been recorded (signed) for the proposal. */
  private int resultRecords(String number) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM signature_record WHERE proposal_number = ? AND kind = ?",
            Integer.class,
            number,
            RecordKind.RESULT.name());
    return count == null ? 0 : count;
  }

  private void appendTimeline(String number, String step, String outcome, OffsetDateTime at) {
    Integer last =
        jdbc.queryForObject(
            "SELECT MAX(entry_no) FROM proposal_timeline WHERE proposal_number = ?", Integer.class, number);
    jdbc.update(
        "INSERT INTO proposal_timeline (id, proposal_number, entry_no, occurred_at, step, outcome)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        number,
        last == null ? 1 : last + 1,
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at),
        step,
        outcome);
  }

  private static SqlParameterValue text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return new SqlParameterValue(Types.VARCHAR, value == null ? null : value.toString());
  }

  private static SqlParameterValue integer(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return new SqlParameterValue(Types.INTEGER, value instanceof Number n ? n.intValue() : null);
  }

  private static SqlParameterValue bool(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return new SqlParameterValue(Types.BOOLEAN, value instanceof Boolean b ? b : null);
  }

  private static SqlParameterValue timestamp(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    OffsetDateTime at = null;
    if (value instanceof String s && !s.isBlank()) {
      try {
        at = OffsetDateTime.parse(s);
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("变量 " + name + " 不是 ISO-8601 时间：" + s, e);
      }
    } else if (value instanceof Date d) {
      at = d.toInstant().atOffset(ZoneOffset.UTC);
    }
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at);
  }
}
