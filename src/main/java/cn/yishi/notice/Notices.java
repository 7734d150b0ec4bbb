package cn.yishi.notice;

import static cn.yishi.notice.PublicNoticeVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.notification.Notifications;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Unit;
import cn.yishi.common.BusinessTime;
import cn.yishi.proposal.ProposalFields;
import cn.yishi.common.CommonVariables;
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
 * each objection correlated to the {@code publicNotice} instance as the message
 * {@value PublicNoticeVariables#OBJECTION_MESSAGE}, where a caseworker judges it; the judgement is
 * recorded with {@code ${notices.judge(execution)}} and an unfounded objection's reasoned reply is
 * shown on the notice ({@link PublicNotice#replies()}).
 */
@DiagramCallable
@Component("notices")
public class Notices {

  /** The longest objector's name and objection text (the columns of notice_objection). */
  public static final int MAX_NAME = 50;

  public static final int MAX_TEXT = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

  private static final Set<String> KINDS = Set.of(KIND_RESOLUTION, KIND_RESULT);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final BusinessTime time;
  private final OrganisationService organisation;

  public Notices(
      JdbcTemplate jdbc, RuntimeService runtimeService, BusinessTime time, OrganisationService organisation) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.time = time;
    this.organisation = organisation;
  }

  /**
   * Posts the notice described by the execution's variables ({@code noticeKind},
   * {@code noticeContent}, {@code title}, {@code number}, {@code timeLimits.noticePeriod}) and sets
   * {@code noticeId} and {@code noticeUntil} (ISO-8601, business time zone); and who would judge an
   * objection to it: {@code objectionRound} (1 + the proposal's earlier notices that received
   * objections) and {@code objectionJudgeUnit} (the owning level {@code deliberationUnit}, else the
   * proposal's {@code community}; from round {@code timeLimits.objectionRoundLevelAbove} on
   * the level above it, the district judging its own).
   */
  public String publish(DelegateExecution execution) {
    String kind = required(execution, NOTICE_KIND);
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("公示类型 '" + kind + "' 未知（可用：" + KINDS + "）");
    }
    String content = required(execution, NOTICE_CONTENT);
    Object title = execution.getVariable(CommonVariables.TITLE.name());
    String number = Notifications.proposalNumber(execution);
    OffsetDateTime from = time.now();
    OffsetDateTime to =
        NoticePeriods.end(from.atZoneSameInstant(time.zone()), noticePeriod(execution)).toOffsetDateTime();
    String owner = owningUnit(execution);
    int round = number == null ? 1 : objectedNotices(number) + 1;
    String judge = round >= roundLevelAbove(execution)
        ? organisation.parentOf(owner).map(Unit::code).orElse(owner)
        : owner;
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
    execution.setVariable(OBJECTION_ROUND, round);
    execution.setVariable(OBJECTION_JUDGE_UNIT, judge);
    return id;
  }

  private int objectedNotices(String proposalNumber) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(DISTINCT o.notice_id) FROM notice_objection o JOIN public_notice n ON n.id = o.notice_id"
                + " WHERE n.proposal_number = ?",
            Integer.class,
            proposalNumber);
    return count == null ? 0 : count;
  }

  private static String owningUnit(DelegateExecution execution) {
    for (String name : List.of(DELIBERATION_UNIT, CommonVariables.COMMUNITY.name())) {
      Object unit = execution.getVariable(name);
      if (unit != null && !unit.toString().isBlank()) {
        return unit.toString();
      }
    }
    throw new IllegalStateException(
        "公示缺少负责判断异议的单位（deliberationUnit 或 community，提案 " + Notifications.proposalNumber(execution) + "）");
  }

  /**
   * Records the judgement of one objection ({@code judgedObjectionId}): {@code objectionJudgement}
   * {@value PublicNoticeVariables#WELL_FOUNDED} or {@value PublicNoticeVariables#UNFOUNDED}, the
   * reasons {@code objectionReply} (for an unfounded objection the public reply on the notice), the
   * judging unit, and for a well-founded one whether work under way pauses
   * ({@code objectionPausesWork}, asked for urgent matters; false when not asked).
   */
  public void judge(DelegateExecution execution) {
    String objectionId = required(execution, JUDGED_OBJECTION_ID);
    String judgement = required(execution, OBJECTION_JUDGEMENT);
    if (!WELL_FOUNDED.equals(judgement) && !UNFOUNDED.equals(judgement)) {
      throw new IllegalArgumentException("异议判断 '" + judgement + "' 未知（可用：WELL_FOUNDED、UNFOUNDED）");
    }
    String reply = required(execution, OBJECTION_REPLY).trim();
    if (reply.length() > MAX_TEXT) {
      throw new IllegalArgumentException("答复不能超过 " + MAX_TEXT + " 个字符");
    }
    Boolean pauses = null;
    if (WELL_FOUNDED.equals(judgement)) {
      pauses = Boolean.TRUE.equals(execution.getVariable(OBJECTION_PAUSES_WORK));
      execution.setVariable(OBJECTION_PAUSES_WORK, pauses);
    }
    Object unit = execution.getVariable(OBJECTION_JUDGE_UNIT);
    if (jdbc.update(
            "UPDATE notice_objection SET judgement = ?, reply_text = ?, pauses_work = ?, judged_by_unit = ?, judged_at = ?"
                + " WHERE id = ?",
            judgement,
            reply,
            new SqlParameterValue(Types.BOOLEAN, pauses),
            new SqlParameterValue(Types.VARCHAR, unit == null ? null : unit.toString()),
            new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, time.now()),
            objectionId)
        == 0) {
      throw new IllegalStateException("异议 " + objectionId + " 不存在");
    }
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
   * A resident's objection within the notice period: stored and correlated, as the message
   * {@value PublicNoticeVariables#OBJECTION_MESSAGE} with {@code objectionId}, {@code objectorName}
   * and {@code objectionText}, to the {@code publicNotice} instance with that {@code noticeId},
   * which opens one judging task for it; all in one transaction. The notice stays open: only a
   * well-founded judgement withdraws it, and its period does not end while an objection waits.
   *
   * <p>Objections to one notice are serialised by a lock on the notice's row, so two objections at
   * once are two objections, each correlated and judged in turn, never an error.
   *
   * @return the objection's id
   * @throws NoticeNotFoundException no notice has that id
   * @throws NoticeClosedException the period is over, or the notice was withdrawn or closed
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
    if (!notice.open()) {
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
    boolean reached =
        !runtimeService
            .createMessageCorrelation(OBJECTION_MESSAGE)
            .processInstanceVariableEquals(NOTICE_ID, noticeId)
            .setVariable(OBJECTION_ID, objectionId)
            .setVariable(OBJECTOR_NAME, name)
            .setVariable(OBJECTION_TEXT, text)
            .correlateAllWithResult()
            .isEmpty();
    if (!reached) {
      LOG.warn("Objection {} to notice {}: no publicNotice process waits for it; recorded only", objectionId, noticeId);
    }
    return objectionId;
  }

  /** The notice board, newest first. */
  public List<PublicNotice> list() {
    OffsetDateTime now = time.now();
    Map<String, List<PublicNotice.Reply>> replies = new java.util.HashMap<>();
    jdbc.query(
        "SELECT notice_id, reply_text, judged_at FROM notice_objection WHERE judgement = ? ORDER BY judged_at, id",
        rs -> {
          replies
              .computeIfAbsent(rs.getString("notice_id"), k -> new java.util.ArrayList<>())
              .add(new PublicNotice.Reply(time.inZone(rs.getObject("judged_at", OffsetDateTime.class)), rs.getString("reply_text")));
        },
        UNFOUNDED);
    return jdbc
        .query("SELECT * FROM public_notice ORDER BY valid_from DESC, id", Notices::row)
        .stream()
        .map(row -> row.view(time, now, replies.getOrDefault(row.id(), List.of())))
        .toList();
  }

  /** The reasoned replies to a notice's objections judged unfounded, oldest first. */
  private List<PublicNotice.Reply> replies(String noticeId) {
    return jdbc.query(
        "SELECT reply_text, judged_at FROM notice_objection WHERE notice_id = ? AND judgement = ? ORDER BY judged_at, id",
        (rs, n) -> new PublicNotice.Reply(time.inZone(rs.getObject("judged_at", OffsetDateTime.class)), rs.getString("reply_text")),
        noticeId,
        UNFOUNDED);
  }

  public Optional<PublicNotice> find(String noticeId) {
    OffsetDateTime now = time.now();
    return jdbc.query("SELECT * FROM public_notice WHERE id = ?", Notices::row, noticeId).stream()
        .findFirst()
        .map(row -> row.view(time, now, replies(noticeId)));
  }

  /** The objections raised against a notice, oldest first, with their judgement, for staff views. */
  public List<Map<String, Object>> objections(String noticeId) {
    return jdbc.queryForList(
        "SELECT id, objector_name, objector_phone, objection_text, raised_at, judgement, reply_text, pauses_work,"
            + " judged_by_unit, judged_at FROM notice_objection"
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
    return timeLimit(execution, NOTICE_PERIOD, "公示期").toString();
  }

  /** From this objection round on the level above judges (timeLimits.objectionRoundLevelAbove). */
  private static int roundLevelAbove(DelegateExecution execution) {
    if (timeLimit(execution, OBJECTION_ROUND_LEVEL_ABOVE, "上级判断异议的起始轮次") instanceof Number round) {
      return round.intValue();
    }
    throw missingTimeLimit(execution, OBJECTION_ROUND_LEVEL_ABOVE, "上级判断异议的起始轮次");
  }

  /** One output of the proposal's timeLimits, or a failure naming it ({@code label} in Chinese). */
  private static Object timeLimit(DelegateExecution execution, String name, String label) {
    if (execution.getVariable(TIME_LIMITS) instanceof Map<?, ?> limits && limits.get(name) != null) {
      return limits.get(name);
    }
    throw missingTimeLimit(execution, name, label);
  }

  private static IllegalStateException missingTimeLimit(DelegateExecution execution, String name, String label) {
    return new IllegalStateException(
        "提案 " + Notifications.proposalNumber(execution) + " 缺少" + label + "（timeLimits." + name + "）");
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

    PublicNotice view(BusinessTime time, OffsetDateTime now, List<PublicNotice.Reply> replies) {
      return new PublicNotice(
          id,
          proposalNumber,
          title,
          kind,
          content,
          time.inZone(from),
          time.inZone(to),
          open && now.isBefore(to),
          List.copyOf(replies));
    }
  }
}
