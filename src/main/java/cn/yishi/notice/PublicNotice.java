package cn.yishi.notice;

import java.time.OffsetDateTime;

/**
 * A notice on the public notice board (公示栏), CONTRACT §4 {@code GET /api/notices}: a resolution
 * or a result of a proposal, posted {@code from} … {@code to}; {@code open} while objections are
 * taken (not closed and its period not over).
 */
public record PublicNotice(
    String id,
    String proposalNumber,
    String title,
    String kind,
    String content,
    OffsetDateTime from,
    OffsetDateTime to,
    boolean open) {}
