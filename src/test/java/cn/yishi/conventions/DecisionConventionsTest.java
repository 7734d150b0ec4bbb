package cn.yishi.conventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conventions for the decision tables in {@code decisions/} (CONTRACT §3): the seven keys, one
 * decision per file named after its key, ten years of history, ids a person chose, the contract's
 * inputs and outputs, FEEL only, and a DRD shape so Camunda Modeler opens them.
 */
class DecisionConventionsTest {

  private static final Path DECISIONS = Path.of("decisions");

  /** A decision table as CONTRACT §3 fixes it: its inputs (variable names) and outputs. */
  private record Contract(List<String> inputs, List<String> outputs) {}

  /** CONTRACT §3, restated on purpose: this test is the contract. */
  private static final Map<String, Contract> CONTRACT = new LinkedHashMap<>();

  static {
    CONTRACT.put("proposalCategory", new Contract(List.of("topic"), List.of("category")));
    CONTRACT.put("eligibility", new Contract(List.of("exclusion"), List.of("eligible", "route")));
    CONTRACT.put(
        "matterScope",
        new Contract(
            List.of("scope", "usesCollectiveFunds", "estimatedCost"), List.of("matterScope")));
    CONTRACT.put(
        "deliberationTrack",
        new Contract(
            List.of(
                "safetyHazard",
                "legacyIssue",
                "crossJurisdiction",
                "stakeholderParties",
                "usesCollectiveFunds",
                "estimatedCost",
                "affectedHouseholds"),
            List.of("track")));
    CONTRACT.put(
        "handlingLevel",
        new Contract(List.of("matterScope", "scope", "jurisdiction"), List.of("level")));
    CONTRACT.put(
        "timeLimits",
        new Contract(List.of("track"), List.of("responseWithin", "resolveWithin", "noticePeriod")));
    CONTRACT.put(
        "meetingResolution",
        new Contract(List.of("body", "members", "present", "inFavour"), List.of("outcome")));
  }

  /** Optional inputs of CONTRACT §1: their expressions must give the default for null. */
  private static final Set<String> OPTIONAL_INPUTS =
      Set.of(
          "jurisdiction",
          "crossJurisdiction",
          "affectedHouseholds",
          "stakeholderParties",
          "estimatedCost",
          "usesCollectiveFunds",
          "safetyHazard",
          "legacyIssue",
          "exclusion");

  private static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

  @Test
  void allSevenDecisionsOfTheContractArePresent() throws IOException {
    Set<String> files =
        new TreeSet<>(dmnFiles().stream().map(p -> p.getFileName().toString()).toList());
    for (String key : CONTRACT.keySet()) {
      assertThat(files).as("decisions/%s.dmn (CONTRACT §3)", key).contains(key + ".dmn");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyDecisionFileFollowsTheConventions() throws IOException {
    return dmnFiles().stream()
        .map(file -> dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    DmnModelInstance model;
    try (InputStream in = Files.newInputStream(file)) {
      model = Dmn.readModelFromStream(in);
    }
    List<String> problems = new ArrayList<>();

    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    assertThat(decisions).as("%s: exactly one decision per file", name).hasSize(1);
    Decision decision = decisions.iterator().next();
    String key = decision.getId();
    if (!CONTRACT.containsKey(key)) {
      problems.add(
          name + ": decision id '" + key + "' is not a key of CONTRACT §3 " + CONTRACT.keySet());
    }
    if (!name.equals(key + ".dmn")) {
      problems.add(name + ": file name must be the decision key, " + key + ".dmn");
    }
    if (!model.getDefinitions().getId().equals("Definitions_" + key)) {
      problems.add(
          name
              + ": definitions id '"
              + model.getDefinitions().getId()
              + "' must be Definitions_"
              + key);
    }
    checkHistoryTimeToLive(name, decision, problems);

    List<String> ids = new ArrayList<>();
    collectIds(model.getDocument().getRootElement(), ids, problems, name);
    for (String id : ids) {
      if (ModelerIds.looksGenerated(id)) {
        problems.add(
            name
                + ": element id '"
                + id
                + "' looks generated by the Modeler; give it a meaningful id");
      }
    }

    if (!(decision.getExpression() instanceof DecisionTable table)) {
      problems.add(name + ": decision '" + key + "' is not a decision table");
    } else if (CONTRACT.containsKey(key)) {
      checkInputsAndOutputs(name, key, table, CONTRACT.get(key), problems);
    }

    if (!hasShape(model.getDocument().getRootElement(), key)) {
      problems.add(
          name + ": decision '" + key + "' has no DMNShape in DMNDI (Modeler cannot draw the DRD)");
    }

    assertThat(problems).as("conventions of decisions/%s", name).isEmpty();
  }

  private static void checkHistoryTimeToLive(
      String name, Decision decision, List<String> problems) {
    String ttl = decision.getCamundaHistoryTimeToLiveString();
    Integer days = null;
    if (ttl != null && ttl.matches("\\d+")) {
      days = Integer.valueOf(ttl);
    } else if (ttl != null && ttl.matches("P\\d+D")) {
      days = Period.parse(ttl).getDays();
    }
    if (days == null || days != 3650) {
      problems.add(
          name
              + ": decision '"
              + decision.getId()
              + "' camunda:historyTimeToLive is '"
              + ttl
              + "', must be 3650 (days)");
    }
  }

  private static void checkInputsAndOutputs(
      String name, String key, DecisionTable table, Contract contract, List<String> problems) {
    List<String> expressions = new ArrayList<>();
    for (Input input : table.getInputs()) {
      String text =
          input.getInputExpression() == null || input.getInputExpression().getText() == null
              ? ""
              : input.getInputExpression().getText().getTextContent().trim();
      expressions.add(text);
      if (contract.inputs().stream().noneMatch(variable -> mentions(text, variable))) {
        problems.add(
            name
                + ": input '"
                + input.getId()
                + "' ("
                + text
                + ") uses no input of CONTRACT §3 "
                + contract.inputs());
      }
      for (String variable : contract.inputs()) {
        if (OPTIONAL_INPUTS.contains(variable)
            && mentions(text, variable)
            && !mentions(text, "null")) {
          problems.add(
              name
                  + ": input '"
                  + input.getId()
                  + "' ("
                  + text
                  + ") must give the default of '"
                  + variable
                  + "' when it is null or absent");
        }
      }
    }
    for (String variable : contract.inputs()) {
      if (expressions.stream().noneMatch(text -> mentions(text, variable))) {
        problems.add(name + ": no input expression uses '" + variable + "' (CONTRACT §3)");
      }
    }
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    // CONTRACT §3: "Further outputs (a reminder lead time, a report-in limit for departments) may
    // be
    // added to a table": the contract's outputs come first, in order; Yishi's additions follow.
    if (outputs.size() < contract.outputs().size()
        || !outputs.subList(0, contract.outputs().size()).equals(contract.outputs())) {
      problems.add(
          name
              + ": outputs "
              + outputs
              + " must begin with "
              + contract.outputs()
              + " (CONTRACT §3)");
    }
  }

  private static boolean mentions(String expression, String variable) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(variable) + "(?![A-Za-z0-9_])")
        .matcher(expression)
        .find();
  }

  private static void collectIds(
      DomElement element, List<String> ids, List<String> problems, String name) {
    String id = element.getAttribute("id");
    if (id != null) {
      ids.add(id);
    }
    String language = element.getAttribute("expressionLanguage");
    if (language != null
        && !language.equalsIgnoreCase("feel")
        && !language.startsWith("https://www.omg.org/spec/DMN/")
        && !language.startsWith("http://www.omg.org/spec/FEEL/")) {
      problems.add(
          name
              + ": element '"
              + id
              + "' uses expression language '"
              + language
              + "'; use plain FEEL");
    }
    for (DomElement child : element.getChildElements()) {
      collectIds(child, ids, problems, name);
    }
  }

  private static boolean hasShape(DomElement element, String key) {
    if ("DMNShape".equals(element.getLocalName())
        && DMNDI_NS.equals(element.getNamespaceURI())
        && key.equals(element.getAttribute("dmnElementRef"))) {
      return true;
    }
    return element.getChildElements().stream().anyMatch(child -> hasShape(child, key));
  }

  private static List<Path> dmnFiles() throws IOException {
    assertThat(DECISIONS).as("folder decisions/ (run from the project directory)").isDirectory();
    try (Stream<Path> files = Files.list(DECISIONS)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".dmn")).sorted().toList();
    }
  }
}
