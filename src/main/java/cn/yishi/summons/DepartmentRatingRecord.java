package cn.yishi.summons;

import java.time.OffsetDateTime;

/**
 * One summoned department's part, as the summoning level rated it: when it reported in (and whether
 * it had to be supervised for being late), what it did, and the rating. Written once the rating is
 * given; these rows feed the departments' satisfaction figures.
 */
public record DepartmentRatingRecord(
    String id,
    String summonsId,
    String proposalNumber,
    String department,
    String summoningUnit,
    boolean reportInOverdue,
    OffsetDateTime reportedInAt,
    String reportedInBy,
    OffsetDateTime doneAt,
    String doneBy,
    String workDone,
    DepartmentRating rating,
    String ratingComment,
    String ratedBy,
    OffsetDateTime ratedAt) {}
