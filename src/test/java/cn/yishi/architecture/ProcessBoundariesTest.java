package cn.yishi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each diagram has one boundary class ({@link ProcessBoundary}) and the two agree: a maintainer who
 * renames a variable or an element in a diagram finds out here, at build time, not at run time.
 */
class ProcessBoundariesTest {

  static final Pattern ELEMENT_ID_VALUE =
      Pattern.compile(
          "(?:Task|Gateway|Flow|Event|Activity|SubProcess|Boundary|Timer|Call|Start|End|Participant|Lane)_\\w+");

  /** The boundary classes, found by their annotation in the sources. */
  static List<Class<?>> boundaries() throws IOException {
    List<Class<?>> found = new ArrayList<>();
    Pattern pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    try (Stream<Path> files = Files.walk(Diagrams.MAIN_JAVA)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Diagrams.read(file);
        if (source.contains("\n@ProcessBoundary(")) {
          Matcher p = pkg.matcher(source);
          p.find();
          String simple = file.getFileName().toString().replace(".java", "");
          try {
            found.add(Class.forName(p.group(1) + "." + simple));
          } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
    return found;
  }

  static List<String> processIds() {
    return List.copyOf(Diagrams.processIds());
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void everyDiagramHasOneBoundary(String processId) throws IOException {
    assertThat(
            boundaries().stream()
                .filter(b -> b.getAnnotation(ProcessBoundary.class).value().equals(processId)))
        .as("classes annotated @ProcessBoundary(\"%s\")", processId)
        .hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("boundaries")
  void theBoundaryNamesOnlyWhatItsDiagramHas(Class<?> boundary) throws Exception {
    String processId = boundary.getAnnotation(ProcessBoundary.class).value();
    assertThat(Diagrams.processIds()).as("diagrams in processes/").contains(processId);
    assertThat(boundary.getField("KEY").get(null))
        .as(boundary.getSimpleName() + ".KEY")
        .isEqualTo(processId);

    Set<String> ids = Diagrams.elementIds(processId);
    Set<String> diagramVariables = Diagrams.variables(processId);
    List<String> wrong = new ArrayList<>();
    for (Field field : constants(boundary)) {
      Object value = field.get(null);
      if (value instanceof String id
          && ELEMENT_ID_VALUE.matcher(id).matches()
          && !ids.contains(id)) {
        wrong.add(field.getName() + " = \"" + id + "\": no such element in " + processId + ".bpmn");
      }
      if (value instanceof Variable<?> variable
          && field.getAnnotation(NotInDiagram.class) == null
          && !diagramVariables.contains(variable.name())) {
        wrong.add(
            field.getName()
                + " (\""
                + variable.name()
                + "\"): neither the diagram, its forms nor its tables name it (mark it @NotInDiagram if Java alone uses it)");
      }
    }
    assertThat(wrong).as("constants of " + boundary.getSimpleName()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("boundaries")
  void everyVariableItsDiagramNamesIsDeclared(Class<?> boundary) throws Exception {
    String processId = boundary.getAnnotation(ProcessBoundary.class).value();
    Set<String> declared = new TreeSet<>(variableNames(boundary).keySet());
    declared.addAll(variableNames(CommonVariables.class).keySet());
    Set<String> undeclared = new TreeSet<>(Diagrams.variables(processId));
    undeclared.removeAll(declared);
    assertThat(undeclared)
        .as(
            "variables "
                + processId
                + ".bpmn, its forms or its tables name, declared neither in "
                + boundary.getSimpleName()
                + " nor in CommonVariables")
        .isEmpty();
  }

  @Test
  void everyVariableNameIsDeclaredOnce() throws Exception {
    Map<String, List<String>> declaredIn = new TreeMap<>();
    List<Class<?>> classes = new ArrayList<>(boundaries());
    classes.add(CommonVariables.class);
    for (Class<?> type : classes) {
      variableNames(type)
          .forEach(
              (name, field) ->
                  declaredIn
                      .computeIfAbsent(name, k -> new ArrayList<>())
                      .add(type.getSimpleName() + "." + field));
    }
    declaredIn.values().removeIf(places -> places.size() == 1);
    assertThat(declaredIn)
        .as(
            "variable names declared more than once (a name two processes use belongs in CommonVariables)")
        .isEmpty();
  }

  @Test
  void everyCommonVariableIsNamedByADiagram() throws Exception {
    Set<String> named = new TreeSet<>();
    Diagrams.processIds().forEach(id -> named.addAll(Diagrams.variables(id)));
    List<String> unused = new ArrayList<>();
    for (Field field : constants(CommonVariables.class)) {
      if (field.get(null) instanceof Variable<?> v
          && field.getAnnotation(NotInDiagram.class) == null
          && !named.contains(v.name())) {
        unused.add(field.getName());
      }
    }
    assertThat(unused).as("CommonVariables no diagram names").isEmpty();
  }

  /** The variables a class declares, by name, with the constant that holds each. */
  static Map<String, String> variableNames(Class<?> type) throws IllegalAccessException {
    Map<String, String> names = new TreeMap<>();
    for (Field field : constants(type)) {
      if (field.get(null) instanceof Variable<?> variable) {
        names.merge(variable.name(), field.getName(), (a, b) -> a + "+" + b);
      }
    }
    return names;
  }

  static List<Field> constants(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      fields.addAll(constants(nested));
    }
    return fields;
  }
}
