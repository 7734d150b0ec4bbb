package cn.yishi.notice;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Adds an ISO-8601 duration from the timeLimits table ({@code P7D}, {@code PT72H}, {@code P1M},
 * {@code P1DT12H}) to a time: days and months on the calendar of the business time zone, hours as
 * elapsed time.
 */
final class NoticePeriods {

  private NoticePeriods() {}

  static ZonedDateTime end(ZonedDateTime from, String iso) {
    if (iso == null || iso.isBlank()) {
      throw new IllegalArgumentException("公示期（timeLimits.noticePeriod）未设置");
    }
    String text = iso.trim().toUpperCase();
    try {
      int t = text.indexOf('T');
      String datePart = t < 0 ? text : text.substring(0, t);
      Period period = datePart.length() > 1 ? Period.parse(datePart) : Period.ZERO;
      Duration duration = t < 0 ? Duration.ZERO : Duration.parse("P" + text.substring(t));
      ZonedDateTime end = from.plus(period).plus(duration);
      if (end.isBefore(from)) {
        throw new IllegalArgumentException("公示期不能为负：" + iso);
      }
      return end;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("公示期不是 ISO-8601 时长：" + iso, e);
    }
  }
}
