package cn.yishi.proposal;

import java.time.OffsetDateTime;

/**
 * A sorting caseworker's correction of one classifying field (CONTRACT §1): who, when, old, new,
 * why.
 */
public record Correction(
    String proposalNumber,
    String field,
    String oldValue,
    String newValue,
    String reason,
    String correctedBy,
    OffsetDateTime correctedAt) {}
