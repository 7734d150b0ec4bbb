package cn.yishi.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trail as CSV (AUDIT_API.md): UTF-8 with a byte-order mark so that Excel and WPS open it, one
 * row per event, columns {@code 时间,类别,流程,步骤,办理人,结果,详情}, RFC 4180 quoting (commas, quotes and line
 * breaks in user text), and spreadsheet formulas defused: a cell that begins with {@code = + - @}
 * (or a tab or carriage return) gets a leading apostrophe.
 */
public final class AuditCsv {

  /** The byte-order mark that opens the file. */
  public static final String BOM = "\uFEFF";

  public static final List<String> COLUMNS = List.of("时间", "类别", "流程", "步骤", "办理人", "结果", "详情");

  private AuditCsv() {}

  /** The whole file, starting with the BOM and the header row; rows end with CRLF. */
  public static String write(List<AuditEvent> events) {
    StringBuilder out = new StringBuilder(BOM);
    row(out, COLUMNS);
    for (AuditEvent e : events) {
      row(
          out,
          List.of(
              e.at() == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.at()),
              e.kind().label(),
              nullToEmpty(e.instanceId()),
              nullToEmpty(e.step()),
              actor(e),
              nullToEmpty(e.outcome()),
              details(e)));
    }
    return out.toString();
  }

  private static String actor(AuditEvent e) {
    if (e.actorName() != null && e.actor() != null && !e.actorName().equals(e.actor())) {
      return e.actorName() + "（" + e.actor() + "）";
    }
    return e.actor() != null ? e.actor() : nullToEmpty(e.actorName());
  }

  private static String details(AuditEvent e) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, Object> d : new TreeMap<>(e.details()).entrySet()) {
      if (s.length() > 0) {
        s.append("；");
      }
      s.append(d.getKey()).append('=').append(d.getValue());
    }
    if (e.verified() != null) {
      if (s.length() > 0) {
        s.append("；");
      }
      s.append(e.verified() ? "验签通过" : "验签失败");
    }
    return s.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** One cell: formula defused, then quoted when it holds a comma, quote or line break. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
