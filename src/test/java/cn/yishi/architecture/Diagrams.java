package cn.yishi.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the diagrams in {@code processes/} name, read from the files as a maintainer wrote them:
 * element ids, and the variables a diagram reads or writes — in its expressions (conditions,
 * listeners' and mappings' expressions, due dates, assignments), its mappings and multi-instance
 * attributes, the fields of its forms, and the inputs of the decision tables it calls.
 */
final class Diagrams {

  static final Path PROCESSES = Path.of("processes");
  static final Path DECISIONS = Path.of("decisions");
  static final Path MAIN_JAVA = Path.of("src/main/java");
  static final Path TEST_JAVA = Path.of("src/test/java");

  /** Words of JUEL and FEEL, and the names every expression may use, that are not variables. */
  private static final Set<String> NOT_VARIABLES =
      Set.of(
          "empty",
          "not",
          "and",
          "or",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "true",
          "false",
          "null",
          "div",
          "mod",
          "instanceof",
          "execution",
          "task",
          "if",
          "then",
          "else",
          "in",
          "some",
          "every",
          "satisfies",
          "between",
          "nrOfInstances",
          "nrOfActiveInstances",
          "nrOfCompletedInstances",
          "loopCounter");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
  private static final Pattern NAMING_ATTRIBUTE =
      Pattern.compile(
          "\\b(?:source|target|resultVariable|collection|elementVariable)=\"([A-Za-z_]\\w*)\"");

  /** A variable named as a text in an expression: {@code execution.getVariable('implementer')}. */
  private static final Pattern VARIABLE_CALL =
      Pattern.compile("(?:get|set)Variable(?:Local)?\\(\\s*'([A-Za-z_]\\w*)'");

  private static final Pattern PARAMETER =
      Pattern.compile("<camunda:(?:inputParameter|outputParameter) name=\"([^\"]+)\"");
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
  private static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"([^\"]+)\"");
  private static final Pattern INPUT_EXPRESSION =
      Pattern.compile("<inputExpression[^>]*>\\s*<text>([^<]*)</text>");
  private static final Pattern ELEMENT_ID =
      Pattern.compile("<bpmn:(?!definitions)\\w+ [^>]*?\\bid=\"([^\"]+)\"");
  private static final Pattern PROCESS_ID =
      Pattern.compile("<bpmn:process [^>]*?\\bid=\"([^\"]+)\"");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Set<String>> VARIABLES = new HashMap<>();

  private Diagrams() {}

  /** The process ids, one per file {@code processes/<id>.bpmn}. */
  static Set<String> processIds() {
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".bpmn"))
          .forEach(n -> ids.add(n.substring(0, n.length() - 5)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  static String bpmn(String processId) {
    return read(PROCESSES.resolve(processId + ".bpmn"));
  }

  /**
   * The ids of the diagram's elements (flow nodes, flows, events, sub-processes …) and its process
   * id.
   */
  static Set<String> elementIds(String processId) {
    Set<String> ids = new TreeSet<>();
    Matcher m = ELEMENT_ID.matcher(bpmn(processId));
    while (m.find()) {
      if (!m.group(1).endsWith("_di")) {
        ids.add(m.group(1));
      }
    }
    Matcher process = PROCESS_ID.matcher(bpmn(processId));
    while (process.find()) {
      ids.add(process.group(1));
    }
    return ids;
  }

  /** Every variable the diagram, its forms and its decision tables name. */
  static synchronized Set<String> variables(String processId) {
    return VARIABLES.computeIfAbsent(processId, Diagrams::readVariables);
  }

  private static Set<String> readVariables(String processId) {
    String xml = unescape(bpmn(processId));
    Set<String> names = new TreeSet<>();
    Matcher expression = EXPRESSION.matcher(xml);
    while (expression.find()) {
      names.addAll(identifiers(expression.group(1)));
    }
    for (Pattern pattern : new Pattern[] {NAMING_ATTRIBUTE, PARAMETER}) {
      Matcher m = pattern.matcher(xml);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    Matcher form = FORM_REF.matcher(xml);
    while (form.find()) {
      names.addAll(formFields(form.group(1)));
    }
    Matcher decision = DECISION_REF.matcher(xml);
    while (decision.find()) {
      Path table = DECISIONS.resolve(decision.group(1) + ".dmn");
      if (Files.exists(table)) {
        Matcher input = INPUT_EXPRESSION.matcher(unescape(read(table)));
        while (input.find()) {
          names.addAll(identifiers(input.group(1)));
        }
      }
    }
    return names;
  }

  /** Identifiers that start a path in an expression, leaving out beans, functions and keywords. */
  static Set<String> identifiers(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher call = VARIABLE_CALL.matcher(expression);
    while (call.find()) {
      names.add(call.group(1));
    }
    String text = QUOTED.matcher(expression).replaceAll(" ");
    Matcher m = IDENTIFIER.matcher(text);
    while (m.find()) {
      String word = m.group(1);
      String rest = text.substring(m.end()).stripLeading();
      boolean called = rest.startsWith("(");
      if (!called && !NOT_VARIABLES.contains(word) && !Beans.names().contains(word)) {
        names.add(word);
      }
    }
    return names;
  }

  /** The keys of a Camunda Form's fields, found by the form's id. */
  static Set<String> formFields(String formId) {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        if (formId.equals(form.path("id").asText())) {
          form.findValues("key").forEach(k -> keys.add(k.asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String unescape(String xml) {
    return xml.replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** The names of the beans diagrams may call ({@code @DiagramCallable} components). */
  static final class Beans {
    private static Set<String> names;

    static synchronized Set<String> names() {
      if (names == null) {
        Set<String> found = new TreeSet<>();
        Pattern component = Pattern.compile("@Component\\(\"([^\"]+)\"\\)");
        Pattern className = Pattern.compile("\\bclass (\\w+)");
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
            String source = read(file);
            if (source.contains("@DiagramCallable")) {
              Matcher named = component.matcher(source);
              if (named.find()) {
                found.add(named.group(1));
              } else {
                Matcher type = className.matcher(source);
                if (type.find()) {
                  found.add(
                      Character.toLowerCase(type.group(1).charAt(0)) + type.group(1).substring(1));
                }
              }
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        names = found;
      }
      return names;
    }
  }
}
