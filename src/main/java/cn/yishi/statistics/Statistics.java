package cn.yishi.statistics;

import java.util.Map;

/**
 * The answer of {@code GET /api/statistics} (CONTRACT §4): counts of the proposals submitted in the
 * chosen dates and area. The maps list only values with a count above zero, in the values' order
 * ({@code byMonth}: {@code "YYYY-MM"}, ascending). Jackson writes a record's components in their
 * order, which is CONTRACT §4's.
 */
public record Statistics(
    long total,
    Map<String, Long> byCategory,
    Map<String, Long> byStatus,
    Map<String, Long> byTrack,
    Map<String, Long> byLevel,
    Rates rates,
    long settledBelowLevel,
    Map<String, Long> byMonth) {

  /**
   * Fractions 0–1 (rounded to four decimals), each null when nothing is counted (README
   * "Statistics").
   */
  public record Rates(Double response, Double resolution, Double satisfaction, Double onTime) {}
}
