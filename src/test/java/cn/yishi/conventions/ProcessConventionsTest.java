package cn.yishi.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules for diagrams (DEVELOPERS.md "How we write it"), checked on every file in {@code
 * processes/}. A failure names the file and the element.
 */
class ProcessConventionsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Duration TEN_YEARS = Duration.ofDays(3650);

  /**
   * Meaningful ids: a capitalised prefix, an underscore, a capitalised name (Task_SortProposal).
   */
  private static final Pattern MEANINGFUL_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9_]*");

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  /** A word in Latin letters; a single letter (the X of “7+X”) is Chinese usage. */
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

  /**
   * A documentation starts with its Chinese text (policy staff read it in Modeler); English may
   * follow, except in a user task's, which Tasklist shows caseworkers as the task's description.
   */
  private static final Pattern STARTS_CHINESE = Pattern.compile("\\s*\\p{IsHan}.*", Pattern.DOTALL);

  static Stream<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreDiagramsToCheck() throws IOException {
    assertThat(diagrams()).as("BPMN files in %s", PROCESSES).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void diagramFollowsTheHouseRules(Path file) throws IOException {
    List<String> problems = new ArrayList<>();
    BpmnModelInstance model;
    try (InputStream in = Files.newInputStream(file)) {
      model = Bpmn.readModelFromStream(in);
      Bpmn.validateModel(model);
    } catch (RuntimeException e) {
      throw new AssertionError(file + ": does not parse: " + e.getMessage(), e);
    }
    String fileName = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
    Set<String> formIds = formIds();

    Collection<Process> processes = model.getModelElementsByType(Process.class);
    if (processes.stream().noneMatch(p -> p.getId().equals(fileName))) {
      problems.add("no process has the file's name as its id '" + fileName + "'");
    }
    Set<String> shown = new HashSet<>();
    model
        .getModelElementsByType(BpmnShape.class)
        .forEach(s -> shown.add(s.getBpmnElement().getId()));
    model
        .getModelElementsByType(BpmnEdge.class)
        .forEach(e -> shown.add(e.getBpmnElement().getId()));

    for (Process process : processes) {
      String where = "process " + process.getId();
      if (!process.isExecutable()) {
        problems.add(where + ": is not executable");
      }
      String ttl = process.getCamundaHistoryTimeToLiveString();
      if (ttl == null || !TEN_YEARS.equals(parseDays(ttl))) {
        problems.add(where + ": historyTimeToLive must be ten years (P3650D), is " + ttl);
      }
      if (!hasChinese(process.getName())) {
        problems.add(where + ": needs a Chinese name");
      }
      if (process.getDocumentations().isEmpty()) {
        problems.add(where + ": needs a documentation element (Chinese first, English may follow)");
      }
    }
    problems.addAll(readabilityProblems(model));

    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      String id = element.getId();
      String where = element.getElementType().getTypeName() + " " + id;
      if (!MEANINGFUL_ID.matcher(id).matches()) {
        problems.add(where + ": id is not meaningful and prefixed (like Task_SortProposal)");
      }
      if ((element instanceof FlowNode || element instanceof SequenceFlow) && !shown.contains(id)) {
        problems.add(where + ": has no diagram information (BPMNShape/BPMNEdge)");
      }
      if (element instanceof FlowNode && !hasChinese(element.getName())) {
        problems.add(where + ": needs a Chinese name");
      }
      if (element instanceof SequenceFlow flow
          && flow.getSource() instanceof ExclusiveGateway
          && flow.getSource().getOutgoing().size() > 1
          && !hasChinese(flow.getName())) {
        problems.add(where + ": leaves a gateway, so its name must answer the gateway's question");
      }
      if (element instanceof UserTask task) {
        checkUserTask(task, where, formIds, problems);
      }
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String id = element.getId();
      if (id != null && ModelerIds.looksGenerated(id)) {
        problems.add(
            element.getElementType().getTypeName() + " " + id + ": id is Modeler-generated");
      }
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }

  /**
   * What policy staff see in Modeler: every activity has a documentation, every documentation (of a
   * process, activity, event, gateway or any other element) starts with Chinese text, and no name
   * shows a raw expression ({@code ${…}} or {@code #{…}}: it belongs in a description or form).
   */
  static List<String> readabilityProblems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (Activity activity : model.getModelElementsByType(Activity.class)) {
      if (activity.getDocumentations().isEmpty()) {
        problems.add(
            describe(activity)
                + ": needs a documentation element (Chinese first, English may follow)");
      }
    }
    for (Documentation documentation : model.getModelElementsByType(Documentation.class)) {
      String text = documentation.getTextContent();
      if (text == null || !STARTS_CHINESE.matcher(text).matches()) {
        problems.add(
            describe(documentation.getParentElement())
                + ": its documentation must start with Chinese (a plain explanation for policy staff, then 'English: …'), starts with '"
                + abbreviate(text)
                + "'");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      for (Documentation documentation : task.getDocumentations()) {
        var latin = LATIN_WORD.matcher(String.valueOf(documentation.getTextContent()));
        if (latin.find()) {
          problems.add(
              describe(task)
                  + ": its documentation is the task's description in Tasklist, read by caseworkers:"
                  + " Chinese only, no English or developer words (found '"
                  + latin.group()
                  + "')");
        }
      }
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String name = element.getAttributeValue("name");
      if (name != null && (name.contains("${") || name.contains("#{"))) {
        problems.add(
            describe(element)
                + ": its name shows an expression ('"
                + name
                + "'); put what varies in the task's description or form, keep the name plain Chinese");
      }
    }
    return problems;
  }

  private static String describe(ModelElementInstance element) {
    if (element == null) {
      return "?";
    }
    String id = element.getAttributeValue("id");
    return element.getElementType().getTypeName() + " " + id;
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String trimmed = text.strip();
    return trimmed.length() <= 30 ? trimmed : trimmed.substring(0, 30) + "…";
  }

  private static void checkUserTask(
      UserTask task, String where, Set<String> formIds, List<String> problems) {
    if (isBlank(task.getCamundaCandidateGroups())) {
      problems.add(where + ": needs candidate groups");
    }
    if (!isBlank(task.getCamundaCandidateUsers())
        || (!isBlank(task.getCamundaAssignee()) && !task.getCamundaAssignee().contains("${"))) {
      problems.add(where + ": must not name people (candidate users or a fixed assignee)");
    }
    if (isBlank(task.getCamundaDueDate())) {
      problems.add(where + ": needs a due date (from the timeLimits table)");
    }
    String formRef = attribute(task, "formRef");
    if (isBlank(formRef)) {
      problems.add(where + ": needs a Camunda Form (camunda:formRef)");
    } else if (!formIds.contains(formRef)) {
      problems.add(where + ": its form " + formRef + " is not a .form file in processes/");
    } else if (!"latest".equals(attribute(task, "formRefBinding"))) {
      problems.add(
          where
              + ": formRefBinding must be 'latest', so a diagram deployed alone from Camunda Modeler still finds its form");
    }
  }

  private static String attribute(ModelElementInstance element, String name) {
    return element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", name);
  }

  static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode id = json.readTree(form.toFile()).get("id");
        assertThat(id).as(form + ": a form needs an id").isNotNull();
        ids.add(id.asText());
      }
    }
    return ids;
  }

  private static Duration parseDays(String ttl) {
    try {
      return ttl.startsWith("P")
          ? Duration.parse(ttl)
          : Duration.ofDays(Long.parseLong(ttl.trim()));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean hasChinese(String text) {
    return text != null && CHINESE.matcher(text).find();
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  @Test
  void theReadabilityCheckFindsEnglishDocumentationAndExpressionNames() {
    BpmnModelInstance bad =
        sample(
            "<bpmn:documentation>A process documented in English only.</bpmn:documentation>",
            "<bpmn:userTask id=\"Task_Hear\" name=\"听取意见：${stakeholder}\"/>"
                + "<bpmn:serviceTask id=\"Task_Record\" name=\"记录\">"
                + "<bpmn:documentation>  \n English: records it.</bpmn:documentation></bpmn:serviceTask>"
                + "<bpmn:endEvent id=\"Event_Done\" name=\"完成#{outcome}\">"
                + "<bpmn:documentation>Done. 完成。</bpmn:documentation></bpmn:endEvent>"
                + "<bpmn:userTask id=\"Task_Check\" name=\"核对\">"
                + "<bpmn:documentation>核对“7+X”的名单。 English: checks the list.</bpmn:documentation>"
                + "</bpmn:userTask>");

    assertThat(readabilityProblems(bad))
        .hasSize(7)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("userTask Task_Check: its documentation is the task's description")
                    .endsWith("(found 'English')"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "process Process_Sample: its documentation must start with Chinese"))
        .anySatisfy(
            p -> assertThat(p).startsWith("userTask Task_Hear: needs a documentation element"))
        .anySatisfy(
            p -> assertThat(p).startsWith("userTask Task_Hear: its name shows an expression"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "serviceTask Task_Record: its documentation must start with Chinese"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("endEvent Event_Done: its documentation must start with Chinese"))
        .anySatisfy(
            p -> assertThat(p).startsWith("endEvent Event_Done: its name shows an expression"));
  }

  @Test
  void chineseDocumentationAndPlainNamesPass() {
    BpmnModelInstance good =
        sample(
            "<bpmn:documentation>示例流程。 English: a sample process.</bpmn:documentation>",
            "<bpmn:userTask id=\"Task_Hear\" name=\"听取意见\" camunda:assignee=\"${initiator}\">"
                + "<bpmn:documentation>\n  听取“7+X”中一方的意见。</bpmn:documentation></bpmn:userTask>"
                + "<bpmn:endEvent id=\"Event_Done\" name=\"完成\"/>");

    assertThat(readabilityProblems(good)).isEmpty();
  }

  private static BpmnModelInstance sample(String processDocumentation, String elements) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_Sample\""
            + " targetNamespace=\"http://bpmn.io/schema/bpmn\">"
            + "<bpmn:process id=\"Process_Sample\" name=\"示例\" isExecutable=\"true\">"
            + processDocumentation
            + elements
            + "</bpmn:process></bpmn:definitions>";
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void recognisesGeneratedIds() {
    assertThat(ModelerIds.looksGenerated("Activity_1m4wcqf")).isTrue();
    assertThat(ModelerIds.looksGenerated("Flow_0xv3ac9")).isTrue();
    assertThat(ModelerIds.looksGenerated("StartEvent_1")).isTrue();
    assertThat(ModelerIds.looksGenerated("DecisionRule_abcdefg")).isTrue();
    assertThat(ModelerIds.looksGenerated("Task_SortProposal")).isFalse();
    assertThat(ModelerIds.looksGenerated("Flow_Eligible")).isFalse();
    assertThat(ModelerIds.looksGenerated("Task_SortProposal_di")).isFalse();
    assertThat(ModelerIds.looksGenerated("Rule_UrgentSafetyHazard")).isFalse();
  }
}
