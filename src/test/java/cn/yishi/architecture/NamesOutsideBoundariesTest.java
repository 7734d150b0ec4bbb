package cn.yishi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.CommonVariables;
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
 * No Java file outside the boundaries spells a diagram's element id, a process key or a variable
 * name as a string literal: it uses the boundary's constant, so that a rename is one edit and the
 * compiler finds every use.
 *
 * <p>The exceptions are the files listed in {@link #CONTRACT_FILES}, each with its reason: tests
 * of the public contract (CONTRACT's field names, the API's JSON), which keep their literals on
 * purpose so that renaming a constant cannot silently change the contract, and code whose
 * literals are not variable names but happen to be spelled alike (SQL column names).
 */
class NamesOutsideBoundariesTest {

  /** Files (paths under src/main/java or src/test/java) allowed to spell names, and why. */
  static final Map<String, String> CONTRACT_FILES = new java.util.TreeMap<>();

  static {
    CONTRACT_FILES.put("cn/yishi/architecture/NamesOutsideBoundariesTest.java", "this test");
    // proposal (path, reason)
    // deliberation (path, reason)
    CONTRACT_FILES.put(
        "cn/yishi/deliberation/DeliberationDaySchedule.java",
        "the bean name deliberationDay that the timer start event calls (${deliberationDay.cycle()}) is spelled like the process key; Diagrams reads bean names from @Component(\"…\") literals");
    CONTRACT_FILES.put(
        "cn/yishi/deliberation/MeetingCountsTest.java", "tests the inputs of decision meetingResolution by their CONTRACT §3 names");
    CONTRACT_FILES.put(
        "cn/yishi/deliberation/MeetingResolutionServiceTest.java",
        "tests the inputs of decision meetingResolution by their CONTRACT §3 names");
    // notice, notification, summons, supervision, implementation (path, reason)
    // platform: security, api, config, deployment, organisation, signature, decisions, conventions (path, reason)
  }

  private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"");

  @Test
  void noJavaFileOutsideTheBoundariesSpellsANameOfADiagram() throws Exception {
    Set<String> names = new TreeSet<>();
    Set<String> boundaryFiles = new TreeSet<>();
    for (Class<?> boundary : ProcessBoundariesTest.boundaries()) {
      names.addAll(ProcessBoundariesTest.variableNames(boundary).keySet());
      boundaryFiles.add(boundary.getName().replace('.', '/') + ".java");
    }
    names.addAll(ProcessBoundariesTest.variableNames(CommonVariables.class).keySet());
    boundaryFiles.add(CommonVariables.class.getName().replace('.', '/') + ".java");
    for (String processId : Diagrams.processIds()) {
      names.addAll(Diagrams.elementIds(processId));
      names.addAll(Diagrams.variables(processId));
    }

    Map<String, Set<String>> spelled = new TreeMap<>();
    for (Path root : List.of(Diagrams.MAIN_JAVA, Diagrams.TEST_JAVA)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String relative = root.relativize(file).toString();
          if (boundaryFiles.contains(relative) || CONTRACT_FILES.containsKey(relative)) {
            continue;
          }
          Matcher literal = LITERAL.matcher(PackageDependenciesTest.withoutComments(Diagrams.read(file)));
          while (literal.find()) {
            if (names.contains(literal.group(1))) {
              spelled.computeIfAbsent(root.resolve(relative).toString(), k -> new TreeSet<>()).add(literal.group(1));
            }
          }
        }
      }
    }
    List<String> report = new ArrayList<>();
    spelled.forEach((file, literals) -> report.add(file + " " + literals));
    assertThat(report).as("files that spell element ids or variable names instead of using a boundary's constants").isEmpty();
  }
}
