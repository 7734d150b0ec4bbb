package cn.yishi.common;

/**
 * Text that came from users (titles, messages, names, variables, task names) made safe for one log
 * line: control characters cannot start a forged line or hide what follows. Newline, carriage
 * return and tab become {@code \n}, {@code \r}, {@code \t}; every other C0 or C1 control character,
 * DEL, the Unicode line and paragraph separators and the bidirectional overrides become {@code
 * \}{@code uXXXX}; a backslash is doubled so an escape in the text cannot pass for one of ours.
 * Everything else, Chinese included, is kept. Use it for every logged value a user could have typed
 * or set.
 */
public final class LogText {

  private LogText() {}

  /** The value as one escaped line; {@code null} stays {@code "null"}, as SLF4J shows it. */
  public static String safe(Object value) {
    String text = String.valueOf(value);
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = escape(c);
      if (escape == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      out.append(escape);
    }
    return out == null ? text : out.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '\\':
        return "\\\\";
      default:
        break;
    }
    boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    boolean separator = c == '\u2028' || c == '\u2029';
    boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    return control || separator || bidi ? String.format("\\u%04x", (int) c) : null;
  }
}
