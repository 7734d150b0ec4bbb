package cn.yishi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.common.DiagramCallable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The deployment policy on whole files: each refused kind of content names the file and the
 * element, and Yishi's own diagrams and tables (with the beans marked {@link DiagramCallable}) pass
 * it.
 */
class ModelPolicyTest {

  static final String BPMN_HEAD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="test">
        <bpmn:process id="Process_Test" isExecutable="true" camunda:historyTimeToLive="P1D">
      """;
  static final String BPMN_TAIL = "</bpmn:process></bpmn:definitions>";

  /** The application's beans as the component scan finds them: name to class. */
  static final Map<String, Class<?>> COMPONENTS = new HashMap<>();

  static final Map<String, Class<?>> CALLABLE = new HashMap<>();

  static {
    ClassPathScanningCandidateComponentProvider scan =
        new ClassPathScanningCandidateComponentProvider(true);
    AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    for (BeanDefinition definition : scan.findCandidateComponents("cn.yishi")) {
      try {
        Class<?> type = Class.forName(definition.getBeanClassName());
        String name = names.generateBeanName(definition, registry);
        COMPONENTS.put(name, type);
        if (((AnnotatedBeanDefinition) definition)
            .getMetadata()
            .hasAnnotation(DiagramCallable.class.getName())) {
          CALLABLE.put(name, type);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final ModelPolicy policy =
      new ModelPolicy(
          new ExpressionPolicy(
              CALLABLE,
              name ->
                  COMPONENTS.containsKey(name)
                      || Set.of("jdbcTemplate", "dataSource").contains(name)));

  static byte[] bpmn(String body) {
    return (BPMN_HEAD + body + BPMN_TAIL).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void yishisOwnDiagramsAndTablesPass() throws IOException {
    List<Path> files;
    try (Stream<Path> processes = Files.list(Path.of("processes"));
        Stream<Path> decisions = Files.list(Path.of("decisions"))) {
      files = Stream.concat(processes, decisions).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(15);
    for (Path file : files) {
      String name = file.getParent().getFileName() + "/" + file.getFileName();
      assertThat(policy.check(name, Files.readAllBytes(file))).as(name).isEmpty();
    }
  }

  @Test
  void everyBeanNamedInYishisDiagramsIsCallableAndNoOtherIs() throws IOException {
    Set<String> named = new HashSet<>();
    try (Stream<Path> processes = Files.list(Path.of("processes"))) {
      for (Path file : processes.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("[$#]\\{([^}]*)}").matcher(Files.readString(file));
        while (m.find()) {
          java.util.regex.Matcher id =
              java.util.regex.Pattern.compile("[A-Za-z_]\\w*").matcher(m.group(1));
          while (id.find()) {
            if (COMPONENTS.containsKey(id.group())) {
              named.add(id.group());
            }
          }
        }
      }
    }
    assertThat(CALLABLE.keySet()).containsAll(named);
    // a bean on the list that no diagram names is an unused door: take the annotation off
    assertThat(named).containsAll(CALLABLE.keySet());
  }

  @Test
  void aBeanCallOnATimerStartNamesFileAndElement() {
    byte[] model =
        bpmn(
            """
            <bpmn:startEvent id="Event_Timer">
              <bpmn:timerEventDefinition id="Timer_1"><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:serviceTask id="Task_Count" camunda:expression="${jdbcTemplate.queryForObject('SELECT COUNT(*) FROM ACT_ID_USER', Long.class)}"/>
            """);
    List<ModelPolicy.Refusal> refusals = policy.check("attack.bpmn", model);
    assertThat(refusals).hasSize(1);
    assertThat(refusals.get(0).resource()).isEqualTo("attack.bpmn");
    assertThat(refusals.get(0).elementId()).isEqualTo("Task_Count");
    assertThat(refusals.get(0).reason()).contains("jdbcTemplate");
  }

  @Test
  void expressionsAreFoundWhereverTheyStand() {
    Map<String, String> places =
        Map.of(
            "listener",
            "<bpmn:task id='Task_A'><bpmn:extensionElements><camunda:executionListener event='start' expression='${x.toString()}'/></bpmn:extensionElements></bpmn:task>",
            "condition",
            "<bpmn:sequenceFlow id='Flow_A' sourceRef='a' targetRef='b'><bpmn:conditionExpression>${x.toString()}</bpmn:conditionExpression></bpmn:sequenceFlow>",
            "input mapping",
            "<bpmn:task id='Task_A'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='a'>${x.toString()}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>",
            "camunda:in",
            "<bpmn:callActivity id='Task_A' calledElement='b'><bpmn:extensionElements><camunda:in sourceExpression='${x.toString()}' target='y'/></bpmn:extensionElements></bpmn:callActivity>",
            "due date and candidate groups",
            "<bpmn:userTask id='Task_A' camunda:dueDate='${x.toString()}' camunda:candidateGroups='a,${x.toString()}'/>",
            "collection",
            "<bpmn:userTask id='Task_A'><bpmn:multiInstanceLoopCharacteristics camunda:collection='${x.toString()}' camunda:elementVariable='e'/></bpmn:userTask>",
            "form field default",
            "<bpmn:userTask id='Task_A'><bpmn:extensionElements><camunda:formData><camunda:formField id='f' type='string' defaultValue='${x.toString()}'/></camunda:formData></bpmn:extensionElements></bpmn:userTask>",
            "field injection",
            "<bpmn:serviceTask id='Task_A' camunda:delegateExpression='${sortingCheck}'><bpmn:extensionElements><camunda:field name='f'><camunda:expression>${x.toString()}</camunda:expression></camunda:field></bpmn:extensionElements></bpmn:serviceTask>",
            "timer",
            "<bpmn:intermediateCatchEvent id='Task_A'><bpmn:timerEventDefinition><bpmn:timeDuration>${x.toString()}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>");
    places.forEach(
        (place, body) ->
            assertThat(policy.check("p.bpmn", bpmn(body)))
                .as(place)
                .isNotEmpty()
                .allSatisfy(
                    r ->
                        assertThat(r.elementId())
                            .isEqualTo(place.equals("condition") ? "Flow_A" : "Task_A")));
  }

  @Test
  void scriptsClassesConnectorsAndEmbeddedFormsAreRefused() {
    Map<String, String> refused =
        Map.of(
            "script task",
            "<bpmn:scriptTask id='Task_A' scriptFormat='javascript'><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>",
            "script listener",
            "<bpmn:task id='Task_A'><bpmn:extensionElements><camunda:executionListener event='start'><camunda:script scriptFormat='groovy'>1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>",
            "script input",
            "<bpmn:task id='Task_A'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='a'><camunda:script scriptFormat='groovy' camunda:resource='deployment://x.groovy'/></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>",
            "script condition",
            "<bpmn:sequenceFlow id='Task_A' sourceRef='a' targetRef='b'><bpmn:conditionExpression language='groovy'>true</bpmn:conditionExpression></bpmn:sequenceFlow>",
            "camunda:class",
            "<bpmn:serviceTask id='Task_A' camunda:class='java.lang.Object'/>",
            "listener class",
            "<bpmn:userTask id='Task_A'><bpmn:extensionElements><camunda:taskListener event='create' class='x.Y' camunda:class='x.Y'/></bpmn:extensionElements></bpmn:userTask>",
            "mapping class",
            "<bpmn:callActivity id='Task_A' calledElement='b' camunda:variableMappingClass='x.Y'/>",
            "connector",
            "<bpmn:serviceTask id='Task_A'><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>",
            "embedded form",
            "<bpmn:userTask id='Task_A' camunda:formKey='embedded:deployment:x.html'/>",
            "computed form key",
            "<bpmn:userTask id='Task_A' camunda:formKey=\"${'embedded:'.concat('x')}\"/>");
    refused.forEach(
        (kind, body) ->
            assertThat(policy.check("p.bpmn", bpmn(body)))
                .as(kind)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.elementId()).isEqualTo("Task_A")));
  }

  @Test
  void camundaFormsAndPlainDiagramsPass() {
    assertThat(
            policy.check(
                "p.bpmn",
                bpmn(
                    "<bpmn:userTask id='Task_A' camunda:formRef='sort-proposal' camunda:formRefBinding='latest'"
                        + " camunda:candidateGroups='${groups.caseworkers(community)}'/>")))
        .isEmpty();
    assertThat(
            policy.check(
                "x.form", "{\"components\":[{\"defaultValue\":\"${x.getClass()}\"}]}".getBytes()))
        .as("forms are not evaluated as JUEL")
        .isEmpty();
  }

  @Test
  void cmmnIsRefused() {
    assertThat(policy.check("case.cmmn", "<definitions/>".getBytes()))
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("CMMN"));
  }

  static byte[] dmn(String language, String output) {
    return ("""
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
          <decision id="Decision_A" name="a">
            <decisionTable id="Table_A">
              <input id="Input_A"><inputExpression id="InputExpression_A" typeRef="string"><text>topic</text></inputExpression></input>
              <output id="Output_A" name="category" typeRef="string"/>
              <rule id="Rule_A">
                <inputEntry id="InputEntry_A"><text>"ELEVATOR"</text></inputEntry>
                <outputEntry id="OutputEntry_A" %s><text>%s</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """
            .formatted(language, output))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decisionTablesAllowFeelAndCheckedJuelOnly() {
    assertThat(policy.check("t.dmn", dmn("", "\"CONSTRUCTION\""))).isEmpty();
    assertThat(policy.check("t.dmn", dmn("expressionLanguage=\"juel\"", "${units.above(topic)}")))
        .isEmpty();
    assertThat(
            policy.check(
                "t.dmn",
                dmn(
                    "expressionLanguage=\"juel\"",
                    "${jdbcTemplate.update('DELETE FROM ACT_ID_USER')}")))
        .singleElement()
        .satisfies(r -> assertThat(r.elementId()).isEqualTo("OutputEntry_A"))
        .satisfies(r -> assertThat(r.reason()).contains("jdbcTemplate"));
    assertThat(
            policy.check(
                "t.dmn", dmn("expressionLanguage=\"javascript\"", "java.lang.System.exit(1)")))
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("javascript"));
    assertThat(
            policy.check(
                "t.dmn",
                dmn(
                    "",
                    "function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}}")))
        .isNotEmpty();
  }
}
