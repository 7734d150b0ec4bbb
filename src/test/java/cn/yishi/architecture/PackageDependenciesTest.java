package cn.yishi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How Yishi's packages may depend on each other, read from the sources (imports, also of constants,
 * which the compiler inlines and bytecode tools therefore miss):
 *
 * <ul>
 *   <li>no cycle between packages of {@code cn.yishi} (a feature such as {@code proposal} may use
 *       {@code notification}, but then {@code notification} may not use {@code proposal});
 *   <li>{@code cn.yishi.common}, the shared vocabulary, depends on no other package of Yishi;
 *   <li>a feature's tables are read and written by that feature alone: another feature asks its
 *       service.
 * </ul>
 */
class PackageDependenciesTest {

  private static final Path MAIN = Path.of("src/main/java/cn/yishi");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?cn\\.yishi\\.([a-z]+)\\.", Pattern.MULTILINE);
  private static final Pattern SAME_PACKAGE_QUALIFIED =
      Pattern.compile("\\bcn\\.yishi\\.([a-z]+)\\.[A-Z]");
  private static final Pattern TABLE_USE =
      Pattern.compile(
          "(?i)\\b(?:from|join|into|update|table(?: if (?:not )?exists)?)\\s+([a-z_]+)\\b");

  /** Each of Yishi's own tables and the package that owns it (its migration, its repository). */
  static final Map<String, String> TABLE_OWNERS =
      Map.ofEntries(
          Map.entry("proposal_view", "proposal"),
          Map.entry("proposal_timeline", "proposal"),
          Map.entry("proposal_correction", "proposal"),
          Map.entry("proposal_number_counter", "proposal"),
          Map.entry("public_notice", "notice"),
          Map.entry("notice_objection", "notice"),
          Map.entry("notification", "notification"),
          Map.entry("signature_record", "signature"),
          Map.entry("department_summons", "summons"),
          Map.entry("department_rating", "summons"),
          Map.entry("supervision_record", "supervision"),
          Map.entry("deadline_supervision", "supervision"),
          Map.entry("statistics_proposal", "statistics"),
          Map.entry("statistics_day", "statistics"),
          Map.entry("statistics_month", "statistics"));

  @Test
  void packagesDependOnEachOtherWithoutCycles() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    List<String> tangles = new ArrayList<>();
    for (Set<String> component : stronglyConnected(uses)) {
      if (component.size() > 1) {
        StringBuilder edges = new StringBuilder();
        for (String from : component) {
          for (String to : uses.get(from)) {
            if (component.contains(to)) {
              edges.append(' ').append(from).append("->").append(to);
            }
          }
        }
        tangles.add(component + ":" + edges);
      }
    }
    assertThat(tangles)
        .as("packages of cn.yishi that reach each other in a cycle, with the imports among them")
        .isEmpty();
  }

  @Test
  void theSharedVocabularyDependsOnNoFeature() throws IOException {
    assertThat(dependencies().getOrDefault("common", Set.of()))
        .as("packages cn.yishi.common imports")
        .isEmpty();
  }

  @Test
  void aFeaturesTablesAreUsedByThatFeatureAlone() throws IOException {
    Map<String, Set<String>> trespasses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String feature = MAIN.relativize(file).getName(0).toString();
        Matcher table = TABLE_USE.matcher(Files.readString(file));
        while (table.find()) {
          String owner = TABLE_OWNERS.get(table.group(1).toLowerCase());
          if (owner != null && !owner.equals(feature)) {
            trespasses
                .computeIfAbsent(MAIN.relativize(file).toString(), k -> new TreeSet<>())
                .add(table.group(1));
          }
        }
      }
    }
    assertThat(trespasses)
        .as("files that use another feature's tables (owners: " + TABLE_OWNERS + ")")
        .isEmpty();
  }

  /** For each package of cn.yishi, the other packages of cn.yishi its sources import or name. */
  static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = MAIN.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // the application class
        }
        String feature = relative.getName(0).toString();
        Set<String> used = uses.computeIfAbsent(feature, k -> new TreeSet<>());
        String source = withoutComments(Files.readString(file));
        for (Pattern pattern : List.of(IMPORT, SAME_PACKAGE_QUALIFIED)) {
          Matcher m = pattern.matcher(source);
          while (m.find()) {
            if (!m.group(1).equals(feature)) {
              used.add(m.group(1));
            }
          }
        }
      }
    }
    return uses;
  }

  /** The source without its comments (javadoc may name another package's class to explain). */
  static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
  }

  /** Tarjan's strongly connected components of the package graph. */
  private static List<Set<String>> stronglyConnected(Map<String, Set<String>> uses) {
    List<Set<String>> components = new ArrayList<>();
    Map<String, Integer> index = new TreeMap<>();
    Map<String, Integer> low = new TreeMap<>();
    java.util.Deque<String> stack = new java.util.ArrayDeque<>();
    for (String node : uses.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, uses, index, low, stack, components);
      }
    }
    return components;
  }

  private static void connect(
      String node,
      Map<String, Set<String>> uses,
      Map<String, Integer> index,
      Map<String, Integer> low,
      java.util.Deque<String> stack,
      List<Set<String>> components) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    for (String next : uses.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, uses, index, low, stack, components);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (stack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        component.add(member);
      } while (!member.equals(node));
      components.add(component);
    }
  }
}
