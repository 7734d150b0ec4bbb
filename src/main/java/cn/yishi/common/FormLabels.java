package cn.yishi.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What staff call a field and its values: the labels and option names of Yishi's Camunda Forms
 * ({@code processes/*.form}), so that a refusal names "更正理由" and "整治类：噪声", never {@code
 * correctionReason} or {@code NOISE}. A label's trailing note in full-width brackets is left out
 * ("更正理由（更正了上面任一项时必填）" is "更正理由"). Where two forms label one key differently, the form whose file
 * name sorts first wins. Read once from the classpath.
 */
public final class FormLabels {

  private static final Pattern TRAILING_NOTE = Pattern.compile("（[^（）]*）$");

  private static final FormLabels SHIPPED = read("classpath*:processes/*.form");

  private final Map<String, String> labels = new HashMap<>();
  private final Set<String> ambiguous = new HashSet<>();
  private final Map<String, String> types = new HashMap<>();
  private final Map<String, Map<String, String>> options = new HashMap<>();

  private FormLabels() {}

  /** The labels of the shipped forms. */
  public static FormLabels shipped() {
    return SHIPPED;
  }

  /** The field's label without its trailing note, or null when no form has the key. */
  public String label(String key) {
    return labels.get(key);
  }

  /**
   * How staff read a value of the field: an option's name (a select or radio), 是/否 (a checkbox),
   * "空" for nothing, else the value as text (a number, a name).
   */
  public String valueName(String key, Object value) {
    String text = value == null ? "" : value.toString().strip();
    if (text.isEmpty()) {
      return "空";
    }
    String option = options.getOrDefault(key, Map.of()).get(text);
    if (option != null) {
      return option;
    }
    if ("checkbox".equals(types.get(key)) || value instanceof Boolean) {
      if ("true".equals(text)) {
        return "是";
      }
      if ("false".equals(text)) {
        return "否";
      }
    }
    return text;
  }

  /**
   * A refusal's message as staff read it: "label：message", unless the message already names the
   * field by its label (e.g. "请填写到会人数"), no form has the key, or forms label it differently ({@code
   * meetingPlan} is "本轮方案" in one form, "表决方案" in another: the refusal cannot tell which form it is
   * shown in, and its own words name the field).
   */
  public String named(String key, String message) {
    String label = label(key);
    if (label == null || ambiguous.contains(key) || message == null || message.contains(label)) {
      return message;
    }
    return label + "：" + message;
  }

  /** "议题由“整治类：噪声”改为“社区服务类：文体”": a change of one field, in staff's words. */
  public String change(String key, Object from, Object to) {
    String label = label(key);
    return (label == null ? "此项" : label)
        + "由“"
        + valueName(key, from)
        + "”改为“"
        + valueName(key, to)
        + "”";
  }

  static FormLabels read(String pattern) {
    FormLabels catalogue = new FormLabels();
    ObjectMapper json = new ObjectMapper();
    try {
      Resource[] forms = new PathMatchingResourcePatternResolver().getResources(pattern);
      Arrays.sort(forms, Comparator.comparing(r -> String.valueOf(r.getFilename())));
      for (Resource form : forms) {
        try (InputStream in = form.getInputStream()) {
          catalogue.add(json.readTree(in).path("components"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the forms' labels", e);
    }
    return catalogue;
  }

  private void add(JsonNode components) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      String label = component.path("label").asText("");
      if (!key.isEmpty() && !label.isBlank() && labels.containsKey(key)) {
        if (!labels.get(key).equals(shorten(label))) {
          ambiguous.add(key);
        }
      } else if (!key.isEmpty() && !label.isBlank()) {
        labels.put(key, shorten(label));
        types.put(key, component.path("type").asText(""));
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode option : component.path("values")) {
          values.putIfAbsent(option.path("value").asText(), option.path("label").asText());
        }
        if (!values.isEmpty()) {
          options.put(key, values);
        }
      }
      add(component.path("components"));
    }
  }

  static String shorten(String label) {
    String shortened = TRAILING_NOTE.matcher(label.strip()).replaceFirst("").strip();
    return shortened.isEmpty() ? label.strip() : shortened;
  }
}
