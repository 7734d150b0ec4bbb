package cn.yishi.notice;

import static cn.yishi.notice.PublicNoticeVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.notification.Notifications;
import cn.yishi.proposal.BusinessTime;
import cn.yishi.proposal.ProposalFields;
import cn.yishi.proposal.ProposalVariables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bean {@code notices}: the public notice board (公示栏). {@code publicNotice} posts a resolution
 * or result with {@code ${notices.publish(execution)}} for the track's notice period and takes it
 * down with {@code ${notices.close(execution)}}; residents object through {@link #raiseObjection},
 * which is correlated to the waiting {@code publicNotice} instance as the message
 * {@value PublicNoticeVariables#OBJECTION_MESSAGE}, sending the proposal back to deliberation.
 */
@DiagramCallable
@Component("notices")
public class Notices {

  /** Variable set on the {@code publicNotice} instance with the objection it received. */
  public static final String OBJECTION_ID = "objectionId";

  /** The longest objector's name and objection text (the columns of notice_objection). */
  public static final int MAX_NAME = 50;

  public static final int MAX_TEXT = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

  private static final Set<String> KINDS = Set.of(KIND_RESOLUTION, KIND_RESULT);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final BusinessTime time;

  public Notices(JdbcTemplate jdbc, RuntimeService runtimeService, BusinessTime time) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.time = time;
  }

  /**
   * Posts the notice described by the execution's variables ({@code noticeKind},
   * {@code noticeContent}, {@code title}, {@code number}, {@code timeLimits.noticePeriod}) and sets
   * {@code noticeId} and {@code noticeUntil} (ISO-8601, business time zone).
   */
  public String publish(DelegateExecution execution) {
    String kind = required(execution, NOTICE_KIND);
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("公示类型 '" + kind + "' 未知（可用：" + KINDS + "）");
    }
    String content = required(execution, NOTICE_CONTENT);
    Object title = execution.getVariable(ProposalVariables.TITLE);
    String number = Notifications.proposalNumber(execution);
    OffsetDateTime from = time.now();
    OffsetDateTime to =
        NoticePeriods.end(from.atZoneSameInstant(time.zone()), noticePeriod(execution)).toOffsetDateTime();
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO public_notice (id, proposal_number, title, kind, content, valid_from, valid_to, is_open)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, TRUE)",
        id,
        new SqlParameterValue(Types.VARCHAR, number),
        new SqlParameterValue(Types.VARCHAR, title == null ? null : title.toString()),
        kind,
        content,
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, from),
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, to));
    execution.setVariable(NOTICE_ID, id);
    execution.setVariable(NOTICE_UNTIL, BusinessTime.format(to));
    return id;
  }

  /** Takes the execution's notice ({@code noticeId}) down; closing a closed notice changes nothing. */
  public void close(DelegateExecution execution) {
    String id = required(execution, NOTICE_ID);
    if (jdbc.update(
            "UPDATE public_notice SET is_open = FALSE, closed_at = COALESCE(closed_at, ?) WHERE id = ?",
            new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, time.now()),
            id)
        == 0) {
      throw new NoticeNotFoundException(id);
    }
  }

  /**
   * A resident's objection within the notice period: stored; if the notice is still open, it is
   * closed and the message {@value PublicNoticeVariables#OBJECTION_MESSAGE} correlated to the
   * {@code publicNotice} instance with that {@code noticeId}, all in one transaction.
   *
   * <p>Objections to one notice are serialised by a lock on the notice's row, so the notice process
   * reacts once: the first objection closes the notice and ends the process {@code OBJECTED}; an
   * objection that arrives while or after that happens, still within the period, is recorded too
   * (for the deliberation the first one reopened), without a second correlation. A notice that
   * was closed without any objection (its period is over) takes none.
   *
   * @return the objection's id
   * @throws NoticeNotFoundException no notice has that id
   * @throws NoticeClosedException the period is over, or the notice was closed without objection
   * @throws InvalidObjectionException name (1–50, no markup or control characters), phone (a
   *     mainland mobile number) or text (1–2000) missing, too long or malformed
   */
  @Transactional
  public String raiseObjection(String noticeId, String name, String phone, String text) {
    requireText("name", "姓名", name, MAX_NAME);
    String nameProblem = ProposalFields.nameProblem(name);
    if (nameProblem != null) {
      throw new InvalidObjectionException("name", "姓名" + nameProblem);
    }
    requireText("phone", "手机号", phone, 11);
    if (!ProposalFields.MOBILE.matcher(phone).matches()) {
      throw new InvalidObjectionException("phone", "手机号" + ProposalFields.MOBILE_MESSAGE);
    }
    requireText("text", "异议内容", text, MAX_TEXT);
    Row notice =
        jdbc.query("SELECT * FROM public_notice WHERE id = ? FOR UPDATE", Notices::row, noticeId).stream()
            .findFirst()
            .orElseThrow(() -> new NoticeNotFoundException(noticeId));
    OffsetDateTime now = time.now();
    if (!now.isBefore(notice.to())) {
      throw new NoticeClosedException(
          noticeId,
          "公示 " + noticeId + " 的公示期已于 " + BusinessTime.format(time.inZone(notice.to())) + " 届满，不再受理异议");
    }
    if (!notice.open() && objections(noticeId).isEmpty()) {
      throw new NoticeClosedException(noticeId, "公示 " + noticeId + " 已结束，不再受理异议");
    }
    String objectionId = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO notice_objection (id, notice_id, objector_name, objector_phone, objection_text, raised_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        objectionId,
        noticeId,
        name,
        phone,
        text,
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, now));
    if (notice.open()) {
      jdbc.update(
          "UPDATE public_notice SET is_open = FALSE, closed_at = ? WHERE id = ?",
          new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, now),
          noticeId);
      boolean reached =
          !runtimeService
              .createMessageCorrelation(OBJECTION_MESSAGE)
              .processInstanceVariableEquals(NOTICE_ID, noticeId)
              .setVariable(OBJECTION_ID, objectionId)
              .correlateAllWithResult()
              .isEmpty();
      if (!reached) {
        LOG.warn("Objection {} to notice {}: no publicNotice process waits for it; recorded only", objectionId, noticeId);
      }
    }
    return objectionId;
  }

  /** The notice board, newest first. */
  public List<PublicNotice> list() {
    OffsetDateTime now = time.now();
    return jdbc
        .query("SELECT * FROM public_notice ORDER BY valid_from DESC, id", Notices::row)
        .stream()
        .map(row -> row.view(time, now))
        .toList();
  }

  public Optional<PublicNotice> find(String noticeId) {
    OffsetDateTime now = time.now();
    return jdbc.query("SELECT * FROM public_notice WHERE id = ?", Notices::row, noticeId).stream()
        .findFirst()
        .map(row -> row.view(time, now));
  }

  /** The objections raised against a notice, oldest first: (name, text) pairs for staff views. */
  public List<Map<String, Object>> objections(String noticeId) {
    return jdbc.queryForList(
        "SELECT id, objector_name, objector_phone, objection_text, raised_at FROM notice_objection"
            + " WHERE notice_id = ? ORDER BY raised_at, id",
        noticeId);
  }

  private static void requireText(String field, String label, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidObjectionException(field, label + "不能为空");
    }
    if (value.length() > maxLength) {
      throw new InvalidObjectionException(field, label + "不能超过 " + maxLength + " 个字符");
    }
  }

  private static String noticePeriod(DelegateExecution execution) {
    Object limits = execution.getVariable(TIME_LIMITS);
    if (limits instanceof Map<?, ?> map && map.get(NOTICE_PERIOD) != null) {
      return map.get(NOTICE_PERIOD).toString();
    }
    throw new IllegalStateException(
        "提案 " + Notifications.proposalNumber(execution) + " 缺少公示期（timeLimits.noticePeriod）");
  }

  private static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException(
          "公示缺少变量 " + name + "（提案 " + Notifications.proposalNumber(execution) + "）");
    }
    return value.toString();
  }

  private static Row row(ResultSet rs, int rowNum) throws SQLException {
    return new Row(
        rs.getString("id"),
        rs.getString("proposal_number"),
        rs.getString("title"),
        rs.getString("kind"),
        rs.getString("content"),
        rs.getObject("valid_from", OffsetDateTime.class),
        rs.getObject("valid_to", OffsetDateTime.class),
        rs.getBoolean("is_open"));
  }

  private record Row(
      String id,
      String proposalNumber,
      String title,
      String kind,
      String content,
      OffsetDateTime from,
      OffsetDateTime to,
      boolean open) {

    PublicNotice view(BusinessTime time, OffsetDateTime now) {
      return new PublicNotice(
          id, proposalNumber, title, kind, content, time.inZone(from), time.inZone(to), open && now.isBefore(to));
    }
  }
}
