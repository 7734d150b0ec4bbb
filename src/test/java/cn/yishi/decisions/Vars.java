package cn.yishi.decisions;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the variables of one case-table row. A cell left empty means the variable is
 * <em>absent</em> (not in the evaluation context at all); the word {@code null} means it is present
 * with the value {@code null}. Both must behave as the contract's default.
 */
final class Vars {

  static final String NULL = "null";

  private final Map<String, Object> values = new HashMap<>();

  static Vars vars() {
    return new Vars();
  }

  Vars string(String name, String raw) {
    return put(name, raw, NULL.equals(raw) ? null : raw);
  }

  Vars bool(String name, String raw) {
    if (raw != null && !NULL.equals(raw) && !raw.equals("true") && !raw.equals("false")) {
      throw new IllegalArgumentException(name + ": not a boolean: " + raw);
    }
    return put(name, raw, raw == null || NULL.equals(raw) ? null : Boolean.valueOf(raw));
  }

  Vars integer(String name, String raw) {
    return put(name, raw, raw == null || NULL.equals(raw) ? null : Integer.valueOf(raw));
  }

  /** Money: passed as {@link BigDecimal}, as the JSON API binds a decimal. */
  Vars decimal(String name, String raw) {
    return put(name, raw, raw == null || NULL.equals(raw) ? null : new BigDecimal(raw));
  }

  Vars value(String name, Object value) {
    values.put(name, value);
    return this;
  }

  Vars remove(String name) {
    values.remove(name);
    return this;
  }

  Map<String, Object> map() {
    return new HashMap<>(values);
  }

  private Vars put(String name, String raw, Object value) {
    if (raw != null) {
      values.put(name, value);
    }
    return this;
  }
}
