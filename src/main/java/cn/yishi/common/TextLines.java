package cn.yishi.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A textarea with one entry per line (participants who signed, stakeholders) as a list: lines
 * trimmed, blank lines and repeats dropped, order kept.
 */
public final class TextLines {

  private TextLines() {}

  public static List<String> of(Object text) {
    Set<String> lines = new LinkedHashSet<>();
    if (text != null) {
      for (String line : text.toString().split("\\R")) {
        String entry = line.strip();
        if (!entry.isEmpty()) {
          lines.add(entry);
        }
      }
    }
    return new ArrayList<>(lines);
  }
}
