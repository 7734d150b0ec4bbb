package cn.yishi.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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
import org.camunda.bpm.model.bpmn.instance.BaseElement;
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
 * The house rules for diagrams (DEVELOPERS.md "How we write it"), checked on every file in
 * {@code processes/}. A failure names the file and the element.
 */
class ProcessConventionsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Duration TEN_YEARS = Duration.ofDays(3650);
  /** Meaningful ids: a capitalised prefix, an underscore, a capitalised name (Task_SortProposal). */
  private static final Pattern MEANINGFUL_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9_]*");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

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
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shown.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> shown.add(e.getBpmnElement().getId()));

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
        problems.add(where + ": needs a documentation element (English)");
      }
    }

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
        problems.add(element.getElementType().getTypeName() + " " + id + ": id is Modeler-generated");
      }
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }

  private static void checkUserTask(UserTask task, String where, Set<String> formIds, List<String> problems) {
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
      problems.add(where + ": formRefBinding must be 'latest', so a diagram deployed alone from Camunda Modeler still finds its form");
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
      return ttl.startsWith("P") ? Duration.parse(ttl) : Duration.ofDays(Long.parseLong(ttl.trim()));
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
