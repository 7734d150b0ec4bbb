package cn.yishi.common;

import java.util.Collection;
import java.util.Collections;

/** Placeholders for a SQL {@code IN (…)} list. */
public final class SqlLists {

  private SqlLists() {}

  /** {@code ?, ?, ?} for three values; the collection must not be empty. */
  public static String placeholders(Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }
}
