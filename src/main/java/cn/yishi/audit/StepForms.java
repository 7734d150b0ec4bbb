package cn.yishi.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a step was done with, read from the deployment its process ran on: so the trail
 * says what a caseworker chose in the words of the form they saw (议题：整治类：环境卫生), not as variable
 * names and codes. Forms of a deployment are read once and kept (deployments never change).
 */
@Component
class StepForms {

  /** A form's field labels and option labels, in the form's order. */
  record Form(Map<String, String> labels, Map<String, Map<String, String>> options) {

    /** "label：option" for each value the form knows, "key=value" for the others. */
    String describe(Map<String, Object> values, Function<Object, String> raw) {
      StringBuilder text = new StringBuilder();
      Map<String, Object> rest = new LinkedHashMap<>(values);
      labels.forEach(
          (key, label) -> {
            if (rest.containsKey(key)) {
              append(text, label + "：" + shown(key, rest.remove(key), raw));
            }
          });
      rest.forEach((key, value) -> append(text, key + "=" + raw.apply(value)));
      return text.toString();
    }

    private String shown(String key, Object value, Function<Object, String> raw) {
      if (value instanceof Boolean b) {
        return b ? "是" : "否";
      }
      String option = options.getOrDefault(key, Map.of()).get(String.valueOf(value));
      return option != null ? option : raw.apply(value);
    }

    private static void append(StringBuilder text, String part) {
      if (!text.isEmpty()) {
        text.append("；");
      }
      text.append(part);
    }
  }

  private final RepositoryService repository;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Map<String, Form>> byDeployment = new ConcurrentHashMap<>();

  StepForms(RepositoryService repository) {
    this.repository = repository;
  }

  /**
   * The form of a user task or start event of the diagram a process ran on (deployed in {@code
   * deploymentId}), or null when it has none or the form is not in that deployment.
   */
  Form of(BpmnModelInstance model, String deploymentId, String activityId) {
    ModelElementInstance element = model.getModelElementById(activityId);
    String formRef = null;
    if (element instanceof UserTask task) {
      formRef = task.getCamundaFormRef();
    } else if (element instanceof StartEvent start) {
      formRef = start.getCamundaFormRef();
    }
    return formRef == null
        ? null
        : byDeployment.computeIfAbsent(deploymentId, this::read).get(formRef);
  }

  private Map<String, Form> read(String deploymentId) {
    Map<String, Form> forms = new HashMap<>();
    for (String name : repository.getDeploymentResourceNames(deploymentId)) {
      if (!name.endsWith(".form")) {
        continue;
      }
      try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
        JsonNode form = json.readTree(in);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        collect(form.path("components"), labels, options);
        if (form.hasNonNull("id")) {
          forms.put(form.get("id").asText(), new Form(labels, options));
        }
      } catch (IOException e) {
        // an unreadable form only costs the labels: the trail shows the raw values instead
      }
    }
    return Map.copyOf(forms);
  }

  private static void collect(
      JsonNode components, Map<String, String> labels, Map<String, Map<String, String>> options) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      String label = component.path("label").asText(null);
      if (key != null && label != null) {
        labels.putIfAbsent(key, label);
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode option : component.path("values")) {
          values.put(option.path("value").asText(), option.path("label").asText());
        }
        if (!values.isEmpty()) {
          options.putIfAbsent(key, values);
        }
      }
      collect(component.path("components"), labels, options);
    }
  }
}
