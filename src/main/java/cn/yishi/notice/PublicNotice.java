package cn.yishi.notice;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A notice on the public notice board (公示栏), CONTRACT §4 {@code GET /api/notices}: a resolution or
 * a result of a proposal, posted {@code from} … {@code to}; {@code open} while objections are taken
 * (not closed and its period not over).
 */
public record PublicNotice(
    String id,
    String proposalNumber,
    String title,
    String kind,
    String content,
    OffsetDateTime from,
    OffsetDateTime to,
    boolean open,
    List<Reply> replies) {

  /** A reasoned reply to an objection judged unfounded (the notice ran on), CONTRACT §4. */
  public record Reply(OffsetDateTime at, String text) {}
}
