package cn.yishi.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Staff read Camunda's webapps in Chinese: every entry of 7.24's English locale file of Tasklist,
 * Cockpit, Admin and Welcome (the login page), read from the webjar on the classpath, has a Chinese
 * entry in our {@code app/<app>/locales/zh.json}, translated (not the English text again), with the
 * same placeholders and HTML tags, and {@code zh.json} has nothing the English file lacks.
 */
class WebappLocalesTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

  /**
   * Texts that stay as they are in Chinese: format codes, symbols, acronyms and product names.
   * Anything else equal to its English text is an untranslated entry.
   */
  /**
   * English texts that have no Chinese counterpart: the plural ending Cockpit appends to a noun.
   */
  private static final Set<String> EMPTY_IN_CHINESE = Set.of("s");

  private static final Set<String> SAME_IN_CHINESE =
      Set.of(
          "HH:mm", // dateLocales.longDateFormat.LT: 24-hour clock, as in Chinese
          "L", // dateLocales.calendar.sameElse: the short date format
          "ID", "OK", "CSV", "JSON", "XML", "URL", "BPMN", "DMN", "CMMN", "Camunda", // APP_VENDOR
          "Cockpit", // the app's product name
          "<", "<=", ">", ">=");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|%s|%d");
  private static final Pattern HTML_TAG = Pattern.compile("</?([a-zA-Z][a-zA-Z0-9]*)");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{4,}");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishEntryHasItsChineseTranslation(String app) throws IOException {
    Map<String, JsonNode> english = leaves(english(app));
    Map<String, JsonNode> chinese = leaves(chinese(app));
    List<String> problems = new ArrayList<>();
    english.forEach(
        (path, en) -> {
          JsonNode zh = chinese.get(path);
          if (zh == null) {
            problems.add(path + ": no Chinese entry for \"" + en.asText() + "\"");
          } else if (en.isTextual() != zh.isTextual() || en.isNumber() != zh.isNumber()) {
            problems.add(path + ": " + zh + " is not of the English entry's type (" + en + ")");
          } else if (en.isTextual()) {
            problems.addAll(translationProblems(path, en.asText(), zh.asText()));
          }
        });
    assertThat(problems).as(app + "/locales/zh.json against the webjar's en.json").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseHasNoEntryTheEnglishLacksAndKeepsItsOrder(String app) throws IOException {
    List<String> english = new ArrayList<>(leaves(english(app)).keySet());
    List<String> chinese = new ArrayList<>(leaves(chinese(app)).keySet());
    List<String> extra = chinese.stream().filter(path -> !english.contains(path)).toList();
    assertThat(extra).as(app + ": entries of zh.json that en.json lacks").isEmpty();
    english.retainAll(chinese);
    for (int i = 0; i < chinese.size(); i++) {
      assertThat(chinese.get(i))
          .as(app + ": zh.json's entry %d, in en.json's order", i)
          .isEqualTo(english.get(i));
    }
  }

  private static List<String> translationProblems(String path, String en, String zh) {
    List<String> problems = new ArrayList<>();
    if (!en.isBlank() && zh.strip().equals(en.strip()) && !SAME_IN_CHINESE.contains(en.strip())) {
      problems.add(path + ": still the English text \"" + en + "\"");
    } else if (!en.isBlank() && zh.isBlank() && !EMPTY_IN_CHINESE.contains(en)) {
      problems.add(path + ": empty");
    } else if (path.startsWith("labels.")
        && !CHINESE.matcher(zh).find()
        && ENGLISH_WORD.matcher(withoutMarkup(zh)).find()
        && !SAME_IN_CHINESE.contains(zh.strip())) {
      problems.add(path + ": English, not Chinese: \"" + zh + "\"");
    }
    if (!all(PLACEHOLDER, en, 0).equals(all(PLACEHOLDER, zh, 0))) {
      problems.add(
          path
              + ": placeholders "
              + all(PLACEHOLDER, zh, 0)
              + " instead of "
              + all(PLACEHOLDER, en, 0));
    }
    if (!all(HTML_TAG, en, 1).equals(all(HTML_TAG, zh, 1))) {
      problems.add(
          path + ": HTML tags " + all(HTML_TAG, zh, 1) + " instead of " + all(HTML_TAG, en, 1));
    }
    return problems;
  }

  private static String withoutMarkup(String text) {
    return PLACEHOLDER.matcher(text).replaceAll("").replaceAll("<[^>]*>|&[a-z]+;", "");
  }

  /** Every match of the pattern (its group), sorted: the same set of placeholders in any order. */
  private static List<String> all(Pattern pattern, String text, int group) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(group));
    }
    found.sort(null);
    return found;
  }

  /** Each leaf of the file by its path ({@code labels.ABORT}, {@code dateLocales.months[0]}). */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        collect(
            path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
            field.getValue(),
            leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  /** 7.24's English file, from the Camunda webjar (Yishi does not override it). */
  private JsonNode english(String app) throws IOException {
    URL url = getClass().getClassLoader().getResource(LOCALES.formatted(app, "en"));
    assertThat(url).as(app + ": en.json on the classpath").isNotNull();
    assertThat(url.toString()).as(app + ": en.json comes from the webjar").contains("webjar");
    try (InputStream in = url.openStream()) {
      return json.readTree(in);
    }
  }

  /** Our Chinese file: UTF-8 without a byte-order mark. */
  private JsonNode chinese(String app) throws IOException {
    URL url = getClass().getClassLoader().getResource(LOCALES.formatted(app, "zh"));
    assertThat(url).as(app + "/locales/zh.json on the classpath").isNotNull();
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readAllBytes();
    }
    assertThat(bytes.length > 2 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB)
        .as(app + "/locales/zh.json starts with a byte-order mark")
        .isFalse();
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new AssertionError(app + "/locales/zh.json is not UTF-8", e);
    }
    return json.readTree(bytes);
  }
}
