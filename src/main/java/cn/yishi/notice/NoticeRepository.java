package cn.yishi.notice;

import cn.yishi.common.SqlLists;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code public_notice} and {@code notice_objection}. Writes happen in the caller's
 * transaction (the engine step's, or the objection's).
 */
@Repository
class NoticeRepository {

  private final JdbcTemplate jdbc;

  NoticeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One row of public_notice, times as the database returns them. */
  record Row(
      String id,
      String proposalNumber,
      String title,
      String kind,
      String content,
      OffsetDateTime from,
      OffsetDateTime to,
      boolean open) {}

  /** An unfounded objection's reply, for the notice it answers. */
  record Reply(String noticeId, OffsetDateTime at, String text) {}

  void insertNotice(Row notice) {
    jdbc.update(
        "INSERT INTO public_notice (id, proposal_number, title, kind, content, valid_from, valid_to, is_open)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        notice.id(),
        new SqlParameterValue(Types.VARCHAR, notice.proposalNumber()),
        new SqlParameterValue(Types.VARCHAR, notice.title()),
        notice.kind(),
        notice.content(),
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, notice.from()),
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, notice.to()),
        notice.open());
  }

  /** How many of the proposal's notices received objections. */
  int objectedNotices(String proposalNumber) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(DISTINCT o.notice_id) FROM notice_objection o JOIN public_notice n ON n.id = o.notice_id"
                + " WHERE n.proposal_number = ?",
            Integer.class,
            proposalNumber);
    return count == null ? 0 : count;
  }

  /** Records a judgement; false when no objection has that id. */
  boolean recordJudgement(
      String objectionId,
      String judgement,
      String reply,
      Boolean pausesWork,
      String unit,
      OffsetDateTime at) {
    return jdbc.update(
            "UPDATE notice_objection SET judgement = ?, reply_text = ?, pauses_work = ?, judged_by_unit = ?, judged_at = ?"
                + " WHERE id = ?",
            judgement,
            reply,
            new SqlParameterValue(Types.BOOLEAN, pausesWork),
            new SqlParameterValue(Types.VARCHAR, unit),
            new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at),
            objectionId)
        == 1;
  }

  /** Closes a notice (the first closing time stays); false when no notice has that id. */
  boolean close(String noticeId, OffsetDateTime at) {
    return jdbc.update(
            "UPDATE public_notice SET is_open = FALSE, closed_at = COALESCE(closed_at, ?) WHERE id = ?",
            new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at),
            noticeId)
        != 0;
  }

  /** The notice, its row locked until the transaction ends (objections to it are serialised). */
  Optional<Row> lock(String noticeId) {
    return jdbc
        .query(
            "SELECT * FROM public_notice WHERE id = ? FOR UPDATE", NoticeRepository::row, noticeId)
        .stream()
        .findFirst();
  }

  Optional<Row> find(String noticeId) {
    return jdbc
        .query("SELECT * FROM public_notice WHERE id = ?", NoticeRepository::row, noticeId)
        .stream()
        .findFirst();
  }

  /** A proposal's notices, oldest first (index ix_public_notice_proposal). */
  List<Row> ofProposal(String number) {
    return jdbc.query(
        "SELECT * FROM public_notice WHERE proposal_number = ? ORDER BY valid_from, id",
        NoticeRepository::row,
        number);
  }

  /** Every notice, newest first. */
  List<Row> all() {
    return jdbc.query(
        "SELECT * FROM public_notice ORDER BY valid_from DESC, id", NoticeRepository::row);
  }

  void insertObjection(
      String id, String noticeId, String name, String phone, String text, OffsetDateTime at) {
    jdbc.update(
        "INSERT INTO notice_objection (id, notice_id, objector_name, objector_phone, objection_text, raised_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        id,
        noticeId,
        name,
        phone,
        text,
        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at));
  }

  /** The replies to objections judged {@code judgement}, by notice id, oldest first. */
  Map<String, List<Reply>> repliesByNotice(String judgement) {
    Map<String, List<Reply>> replies = new HashMap<>();
    jdbc.query(
        "SELECT notice_id, reply_text, judged_at FROM notice_objection WHERE judgement = ? ORDER BY judged_at, id",
        rs -> {
          Reply reply = reply(rs);
          replies.computeIfAbsent(reply.noticeId(), k -> new ArrayList<>()).add(reply);
        },
        judgement);
    return replies;
  }

  /** The replies to one notice's objections judged {@code judgement}, oldest first. */
  List<Reply> replies(String noticeId, String judgement) {
    return jdbc.query(
        "SELECT notice_id, reply_text, judged_at FROM notice_objection WHERE notice_id = ? AND judgement = ?"
            + " ORDER BY judged_at, id",
        (rs, n) -> reply(rs),
        noticeId,
        judgement);
  }

  /**
   * The objections raised against a notice, oldest first, with their judgement, for staff views.
   */
  List<Map<String, Object>> objections(String noticeId) {
    return jdbc.queryForList(
        "SELECT id, objector_name, objector_phone, objection_text, raised_at, judgement, reply_text, pauses_work,"
            + " judged_by_unit, judged_at FROM notice_objection"
            + " WHERE notice_id = ? ORDER BY raised_at, id",
        noticeId);
  }

  private static Reply reply(ResultSet rs) throws SQLException {
    return new Reply(
        rs.getString("notice_id"),
        rs.getObject("judged_at", OffsetDateTime.class),
        rs.getString("reply_text"));
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

  void forget(Collection<String> numbers) {
    String in = SqlLists.placeholders(numbers);
    jdbc.update(
        "DELETE FROM notice_objection WHERE notice_id IN (SELECT id FROM public_notice WHERE proposal_number IN ("
            + in
            + "))",
        numbers.toArray());
    jdbc.update(
        "DELETE FROM public_notice WHERE proposal_number IN (" + in + ")", numbers.toArray());
  }
}
