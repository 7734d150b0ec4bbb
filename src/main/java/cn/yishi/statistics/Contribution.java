package cn.yishi.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One proposal's contribution to the statistics: its bucket ({@code area}, the community, and
 * {@code submittedOn}, the submission date in the business time zone) and its {@link #figures()},
 * with what has to be remembered between changes to recompute them. The rules of the rates (README
 * "Statistics") are here, and only here:
 *
 * <ul>
 *   <li>{@code response}: sorted in time = the first end of sorting at or before {@code
 *       responseDue} (submitted plus {@code responseWithin}); a proposal sent back to sorting keeps
 *       its first response.
 *   <li>{@code resolution}: due = reached deliberation or a department order and (result recorded,
 *       ended, or past its deadline); resolved = reached and result recorded.
 *   <li>{@code onTime}: the result recorded at or before the deadline of its handling period.
 * </ul>
 *
 * <p>"Result recorded" is the current handling period's (as the public view's {@code deadline}): a
 * proposal reopened after a dissatisfied rating or an upheld objection counts again once its new
 * result is recorded. Its time is the first change that sees it, which is the step that signs it
 * (the result's signature and 公示中 happen in one transaction).
 */
record Contribution(
    String area,
    LocalDate submittedOn,
    String status,
    String category,
    String track,
    String level,
    String rating,
    boolean ended,
    OffsetDateTime sortedAt,
    OffsetDateTime responseDue,
    boolean reached,
    OffsetDateTime deadline,
    boolean pastDeadline,
    OffsetDateTime resultAt,
    Boolean resultOnTime,
    boolean settledBelow) {

  /** The area of a proposal without a community. */
  static final String NO_COMMUNITY = "";

  /** The contribution after a change, from the one before (null for a new proposal). */
  static Contribution next(Contribution before, StatisticsInput in, ZoneId zone) {
    Contribution b = before == null ? empty(in, zone) : before;
    OffsetDateTime sortedAt = b.sortedAt() != null ? b.sortedAt() : in.sorted() ? in.at() : null;
    OffsetDateTime responseDue =
        b.sortedAt() != null && b.responseDue() != null
            ? b.responseDue()
            : firstNonNull(in.responseDue(), b.responseDue());
    OffsetDateTime deadline = in.deadline();
    boolean sameDeadline =
        b.deadline() != null && deadline != null && b.deadline().isEqual(deadline);
    OffsetDateTime resultAt =
        in.resultRecorded() ? (b.resultAt() != null ? b.resultAt() : in.at()) : null;
    Boolean onTime =
        resultAt == null
            ? null
            : b.resultAt() != null && b.resultOnTime() != null
                ? b.resultOnTime()
                : deadline == null || !resultAt.isAfter(deadline);
    boolean pastDeadline =
        (sameDeadline && b.pastDeadline()) || (deadline != null && !in.at().isBefore(deadline));
    return new Contribution(
        text(in.community()) != null ? in.community().trim() : b.area(),
        in.submittedAt() != null ? day(in.submittedAt(), zone) : b.submittedOn(),
        in.status(),
        firstNonNull(text(in.category()), b.category()),
        firstNonNull(text(in.track()), b.track()),
        firstNonNull(text(in.level()), b.level()),
        firstNonNull(text(in.rating()), b.rating()),
        in.ended(),
        sortedAt,
        responseDue,
        b.reached() || in.reachesHandling(),
        deadline,
        pastDeadline,
        resultAt,
        onTime,
        in.settledBelowLevel() != null ? in.settledBelowLevel() : b.settledBelow());
  }

  private static Contribution empty(StatisticsInput in, ZoneId zone) {
    return new Contribution(
        NO_COMMUNITY,
        day(in.at(), zone),
        in.status(),
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        false,
        null,
        false,
        null,
        null,
        false);
  }

  /** This contribution once the time-limit watch saw its deadline pass. */
  Contribution deadlinePassed() {
    return new Contribution(
        area,
        submittedOn,
        status,
        category,
        track,
        level,
        rating,
        ended,
        sortedAt,
        responseDue,
        reached,
        deadline,
        true,
        resultAt,
        resultOnTime,
        settledBelow);
  }

  /**
   * The deadline whose passing would change the figures (reached, no result, not ended, not passed
   * yet), else null: what the time-limit watch looks at.
   */
  OffsetDateTime watchDeadline() {
    return reached && resultAt == null && !ended && !pastDeadline ? deadline : null;
  }

  /** The figures this proposal adds one to, in their fixed (sorted) order. */
  SortedSet<String> figures() {
    SortedSet<String> figures = new TreeSet<>();
    figures.add(Figures.TOTAL);
    add(figures, Figures.CATEGORY, category);
    add(figures, Figures.STATUS, status);
    add(figures, Figures.TRACK, track);
    add(figures, Figures.LEVEL, level);
    add(figures, Figures.RATING, rating);
    if (sortedAt != null && responseDue != null) {
      figures.add(Figures.RESPONSE_SORTED);
      if (!sortedAt.isAfter(responseDue)) {
        figures.add(Figures.RESPONSE_IN_TIME);
      }
    }
    if (reached && (resultAt != null || ended || pastDeadline)) {
      figures.add(Figures.RESOLUTION_DUE);
      if (resultAt != null) {
        figures.add(Figures.RESOLUTION_RESOLVED);
      }
    }
    if (resultAt != null) {
      figures.add(Figures.RESULT_RECORDED);
      if (Boolean.TRUE.equals(resultOnTime)) {
        figures.add(Figures.RESULT_ON_TIME);
      }
    }
    if (settledBelow) {
      figures.add(Figures.SETTLED_BELOW);
    }
    return Collections.unmodifiableSortedSet(figures);
  }

  private static void add(SortedSet<String> figures, String prefix, String value) {
    if (value != null) {
      // figures are stored space-separated: a value is a code, never text with spaces
      figures.add(prefix + value.replaceAll("\\s+", "_"));
    }
  }

  private static LocalDate day(OffsetDateTime at, ZoneId zone) {
    return at.atZoneSameInstant(zone).toLocalDate();
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static <T> T firstNonNull(T first, T second) {
    return first != null ? first : second;
  }
}
