package cn.yishi.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.CommonVariables;
import cn.yishi.deliberation.DeliberationDayProcess;
import cn.yishi.deliberation.DeliberationMeetingProcess;
import cn.yishi.deliberation.HardDeliberationProcess;
import cn.yishi.organisation.TasklistCards;
import cn.yishi.proposal.ProposalLifecycleProcess;
import cn.yishi.summons.DepartmentSummonsProcess;
import cn.yishi.supervision.SupervisionProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * User text is data in every Camunda Form ({@code processes/*.form}): form-js renders a {@code
 * text} component as markdown and HTML, and fills its templates ({@code {{title}}}, loops) in
 * before it does, so a value a resident or a staff member typed would be rendered as markup. Only
 * the values Yishi itself generates (numbers, counters, dates it formats, names from the
 * organisation configuration and the diagrams) may appear in a template; everything else is shown
 * in a field (a disabled or read-only {@code textfield}/{@code textarea}) or a {@code table}, which
 * form-js shows as text.
 */
class FormConventionsTest {

  private static final Path PROCESSES = Path.of("processes");

  /** Variables Yishi sets itself and that carry no typed text, each with where it comes from. */
  static final Map<String, String> SYSTEM_VALUES =
      Map.ofEntries(
          Map.entry(CommonVariables.NUMBER.name(), "proposal number, assigned by Yishi"),
          Map.entry(
              ProposalLifecycleProcess.SUBMITTED_AT_TEXT.name(),
              "submission time formatted by Yishi"),
          Map.entry(HardDeliberationProcess.DELIBERATION_ROUND.name(), "round counter"),
          Map.entry("timeLimits.maxRounds", "timeLimits decision table"),
          Map.entry(DeliberationMeetingProcess.MEETING_ATTEMPT.name(), "convening counter"),
          Map.entry(DeliberationDayProcess.MATTER_COUNT.name(), "count of agenda items"),
          Map.entry(CommonVariables.MEETING_STEP.name(), "constant in the calling diagram"),
          Map.entry(CommonVariables.LAST_MEETING_STEP.name(), "constant in the calling diagram"),
          Map.entry(CommonVariables.DELIBERATION_UNIT.name(), "unit code"),
          Map.entry(SupervisionProcess.SUPERVISED_STEP.name(), "task name from the diagram"),
          Map.entry(SupervisionProcess.SUPERVISED_DUE_TEXT.name(), "due date formatted by Yishi"),
          Map.entry(SupervisionProcess.SUPERVISED_UNIT_NAME.name(), "organisation configuration"),
          Map.entry(ProposalLifecycleProcess.REVIEW_UNIT_NAME.name(), "organisation configuration"),
          Map.entry(DeliberationDayProcess.COURTYARD_NAME.name(), "organisation configuration"),
          Map.entry(DepartmentSummonsProcess.DEPARTMENT_NAME.name(), "organisation configuration"),
          Map.entry(
              DepartmentSummonsProcess.SUMMONING_UNIT_NAME.name(), "organisation configuration"));

  /** Properties form-js fills templates into (labels and descriptions are shown as text, too). */
  private static final Set<String> TEMPLATED =
      Set.of("text", "label", "description", "content", "source", "alt", "url");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([#/]?)\\s*([^}]*?)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> forms() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreFormsToCheck() throws IOException {
    assertThat(forms()).as("forms in %s", PROCESSES).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void userTextIsNeverRenderedAsMarkup(Path file) throws IOException {
    assertThat(problems(JSON.readTree(file.toFile()))).as(file.toString()).isEmpty();
  }

  @Test
  void theCheckFindsATitleInAHeadingAndALoopOverOpinions() throws IOException {
    JsonNode form =
        JSON.readTree(
            """
            {"id":"Form_X","components":[
              {"id":"Text_Heading","type":"text","text":"## 分拣提案 {{number}}：{{title}}"},
              {"id":"Text_Opinions","type":"text","text":"{{#loop partyOpinions}}- {{opinion}}{{/loop}}"},
              {"id":"Group_G","type":"group","components":[
                {"id":"Field_F","key":"f","type":"textfield","label":"{{ submitterName }}"}]},
              {"id":"Text_Feel","type":"text","text":"=title"},
              {"id":"Field_Title","key":"title","type":"textfield","disabled":true}]}
            """);
    assertThat(problems(form))
        .containsExactly(
            "Text_Heading text: {{title}}",
            "Text_Opinions text: {{#loop partyOpinions}}",
            "Text_Opinions text: {{opinion}}",
            "Field_F label: {{submitterName}}",
            "Text_Feel text: expression =title");
  }

  @Test
  void systemValuesPass() throws IOException {
    JsonNode form =
        JSON.readTree(
            """
            {"id":"Form_X","components":[
              {"id":"Text_Heading","type":"text","text":"## 研判 {{number}}（第{{deliberationRound}}轮，上限 {{timeLimits.maxRounds}}）"}]}
            """);
    assertThat(problems(form)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void componentIdsAreUnique(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    collect(JSON.readTree(file.toFile()).path("components"), ids);
    assertThat(new HashSet<>(ids)).as(file + ": component ids").hasSameSizeAs(ids);
  }

  /**
   * What a task's card shows (TasklistCards copies it onto the task) is never edited in a task's
   * form: the submission would change only the copy. Only a start form asks for it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void noTaskFormEditsWhatTheCardsShow(Path file) throws IOException {
    JsonNode form = JSON.readTree(file.toFile());
    if (startFormIds().contains(form.path("id").asText())) {
      return;
    }
    Set<String> shown = new HashSet<>();
    TasklistCards.SHOWN.forEach(s -> shown.add(s.variable().name()));
    List<String> edited = new ArrayList<>();
    for (JsonNode field : form.findParents("key")) {
      if (shown.contains(field.path("key").asText())
          && !field.path("readonly").asBoolean()
          && !field.path("disabled").asBoolean()) {
        edited.add(field.path("id").asText());
      }
    }
    assertThat(edited).as(file + ": fields that edit a card's variable").isEmpty();
  }

  /** The forms start events name ({@code camunda:formRef} on a {@code startEvent}). */
  private static Set<String> startFormIds() throws IOException {
    Set<String> ids = new HashSet<>();
    Pattern start = Pattern.compile("<bpmn:startEvent [^>]*camunda:formRef=\"([^\"]+)\"");
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path diagram : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher m = start.matcher(Files.readString(diagram));
        while (m.find()) {
          ids.add(m.group(1));
        }
      }
    }
    return ids;
  }

  /**
   * form-js refuses a value that does not match a field's {@code validate.pattern} with "Field must
   * match pattern ^1[3-9][0-9]{9}$.": a regular expression is no message for staff. Formats are
   * checked on the server, whose refusal names the field and the format in Chinese.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void noFieldIsCheckedByARegularExpressionInTheBrowser(Path file) throws IOException {
    List<String> patterns = new ArrayList<>();
    collectPatterns(JSON.readTree(file.toFile()).path("components"), patterns);
    assertThat(patterns).as(file + ": fields with validate.pattern").isEmpty();
  }

  private static void collectPatterns(JsonNode components, List<String> fields) {
    for (JsonNode c : components) {
      if (c.path("validate").has("pattern")) {
        fields.add(c.path("id").asText());
      }
      collectPatterns(c.path("components"), fields);
    }
  }

  private static void collect(JsonNode components, List<String> ids) {
    for (JsonNode c : components) {
      ids.add(c.path("id").asText());
      collect(c.path("components"), ids);
    }
  }

  /** Each template in a rendered property that names something other than a system value. */
  static List<String> problems(JsonNode form) {
    List<String> problems = new ArrayList<>();
    check(form.path("components"), problems);
    return problems;
  }

  private static void check(JsonNode components, List<String> problems) {
    for (JsonNode component : components) {
      for (String property : TEMPLATED) {
        JsonNode value = component.get(property);
        if (value == null || !value.isTextual()) {
          continue;
        }
        if (value.asText().startsWith("=")) {
          // a FEEL expression: its result is rendered like a template
          problems.add(
              component.path("id").asText() + " " + property + ": expression " + value.asText());
          continue;
        }
        Matcher m = TEMPLATE.matcher(value.asText());
        while (m.find()) {
          String sign = m.group(1);
          String name = m.group(2);
          if ("/".equals(sign) || SYSTEM_VALUES.containsKey(name)) {
            continue;
          }
          problems.add(
              component.path("id").asText() + " " + property + ": {{" + sign + name + "}}");
        }
      }
      check(component.path("components"), problems);
    }
  }
}
