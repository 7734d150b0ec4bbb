package cn.yishi.statistics;

/**
 * The names of the counted figures ({@code statistics_*.figure}): {@link #TOTAL}, one per value of
 * a classification ({@code status:CLOSED}, {@code category:CONSTRUCTION} …), and the counters the
 * rates are fractions of.
 */
final class Figures {

  static final String TOTAL = "total";
  static final String CATEGORY = "category:";
  static final String STATUS = "status:";
  static final String TRACK = "track:";
  static final String LEVEL = "level:";
  static final String RATING = "rating:";
  static final String RESPONSE_SORTED = "response:sorted";
  static final String RESPONSE_IN_TIME = "response:inTime";
  static final String RESOLUTION_DUE = "resolution:due";
  static final String RESOLUTION_RESOLVED = "resolution:resolved";
  static final String RESULT_RECORDED = "result:recorded";
  static final String RESULT_ON_TIME = "result:onTime";
  static final String SETTLED_BELOW = "settledBelow";

  /** The ratings that count as satisfied (CONTRACT §4). */
  static final String SATISFIED = RATING + "SATISFIED";

  static final String BASICALLY_SATISFIED = RATING + "BASICALLY_SATISFIED";

  private Figures() {}
}
