package cn.yishi.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link DiagramGeometry} and {@link FlowListeners} on tiny hand-drawn diagrams: it
 * fails on a bad one and passes on the good one next to it.
 */
class DiagramGeometryTest {

  // A start event, two tasks and an end event in a row, at y = 100..180 (centre line 140):
  // Event_Start (100..136), Task_A (200..300), Task_B (400..500), Event_End (600..636).
  private static final String ROW_NODES =
      """
      <bpmn:startEvent id="Event_Start" name="开始"/>
      <bpmn:task id="Task_A" name="甲"/>
      <bpmn:task id="Task_B" name="乙"/>
      <bpmn:endEvent id="Event_End" name="结束"/>
      """;
  private static final String ROW_SHAPES =
      shape("Event_Start", 100, 122, 36, 36)
          + shape("Task_A", 200, 100, 100, 80)
          + shape("Task_B", 400, 100, 100, 80)
          + shape("Event_End", 600, 122, 36, 36);

  @Test
  void aTidyRowPasses() {
    assertThat(problems(row(""))).isEmpty();
  }

  // --- (a) crossings -------------------------------------------------------------------------

  @Test
  void crossingFlowsFail() {
    // Task_A → Event_End goes down and across; Event_Start → Task_B comes up through it.
    String xml =
        diagram(
            ROW_NODES
                + flow("Flow_StartToB", "Event_Start", "Task_B")
                + flow("Flow_AToEnd", "Task_A", "Event_End"),
            ROW_SHAPES
                + edge("Flow_StartToB", 118, 158, 118, 250, 350, 250, 350, 60, 450, 60, 450, 100)
                + edge("Flow_AToEnd", 250, 180, 250, 220, 618, 220, 618, 158));
    assertThat(problems(xml))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("Flow_StartToB and Flow_AToEnd cross at (350, 220)")
                    .startsWith("plane Plane_Test (test): "));
  }

  @Test
  void flowsRunningOnTopOfEachOtherFail() {
    // Two flows with no shape in common drawn along the same line.
    String xml =
        diagram(
            ROW_NODES
                + flow("Flow_StartToB", "Event_Start", "Task_B")
                + flow("Flow_AToEnd", "Task_A", "Event_End"),
            ROW_SHAPES
                + edge("Flow_StartToB", 118, 158, 118, 220, 450, 220, 450, 180)
                + edge("Flow_AToEnd", 250, 180, 250, 220, 618, 220, 618, 158));
    assertThat(problems(xml))
        .anySatisfy(p -> assertThat(p).contains("Flow_StartToB and Flow_AToEnd cross"));
  }

  @Test
  void flowsMeetingAtTheirSharedShapePass() {
    // A gateway forks to two tasks and a gateway joins them: the joining flows run together into
    // it.
    String xml =
        diagram(
            """
        <bpmn:startEvent id="Event_Start" name="开始"/>
        <bpmn:exclusiveGateway id="Gateway_Fork" name="哪条？"/>
        <bpmn:task id="Task_A" name="甲"/>
        <bpmn:task id="Task_B" name="乙"/>
        <bpmn:exclusiveGateway id="Gateway_Join" name="汇合"/>
        """
                + flow("Flow_ToFork", "Event_Start", "Gateway_Fork")
                + flow("Flow_ToA", "Gateway_Fork", "Task_A")
                + flow("Flow_ToB", "Gateway_Fork", "Task_B")
                + flow("Flow_FromA", "Task_A", "Gateway_Join")
                + flow("Flow_FromB", "Task_B", "Gateway_Join"),
            shape("Event_Start", 100, 122, 36, 36)
                + shape("Gateway_Fork", 200, 115, 50, 50)
                + shape("Task_A", 300, 100, 100, 80)
                + shape("Task_B", 300, 220, 100, 80)
                + shape("Gateway_Join", 450, 115, 50, 50)
                + edge("Flow_ToFork", 136, 140, 200, 140)
                + edge("Flow_ToA", 250, 140, 300, 140)
                + edge("Flow_ToB", 225, 165, 225, 260, 300, 260)
                + edge("Flow_FromA", 400, 140, 450, 140)
                + edge("Flow_FromB", 400, 260, 425, 260, 425, 140, 450, 140));
    assertThat(problems(xml)).isEmpty();
  }

  @Test
  void flowsSharingAShapeStillFailWhenTheyCrossElsewhere() {
    // Both leave Task_A, but one loops over the other far from Task_A.
    String xml =
        diagram(
            ROW_NODES
                + flow("Flow_AToB", "Task_A", "Task_B")
                + flow("Flow_AToEnd", "Task_A", "Event_End")
                + flow("Flow_StartToA", "Event_Start", "Task_A"),
            ROW_SHAPES
                + edge("Flow_StartToA", 136, 140, 200, 140)
                + edge("Flow_AToB", 250, 180, 250, 230, 450, 230, 450, 180)
                + edge("Flow_AToEnd", 280, 180, 280, 200, 350, 200, 350, 260, 618, 260, 618, 158));
    assertThat(problems(xml))
        .anySatisfy(p -> assertThat(p).contains("Flow_AToB and Flow_AToEnd cross at (350, 230)"));
  }

  // --- (b) flows through shapes --------------------------------------------------------------

  @Test
  void aFlowThroughAShapeItDoesNotConnectFails() {
    String xml =
        diagram(
            ROW_NODES
                + flow("Flow_AToEnd", "Task_A", "Event_End")
                + flow("Flow_StartToA", "Event_Start", "Task_A"),
            ROW_SHAPES
                + edge("Flow_StartToA", 136, 140, 200, 140)
                + edge("Flow_AToEnd", 300, 140, 600, 140));
    assertThat(problems(xml))
        .singleElement()
        .asString()
        .contains("sequence flow Flow_AToEnd is drawn through task Task_B (400, 100, 100×80)");
  }

  @Test
  void aFlowAroundTheShapeOrAlongItsBorderPasses() {
    String xml =
        diagram(
            ROW_NODES
                + flow("Flow_AToEnd", "Task_A", "Event_End")
                + flow("Flow_StartToA", "Event_Start", "Task_A"),
            ROW_SHAPES
                + edge("Flow_StartToA", 136, 140, 200, 140)
                // along Task_B's top border, then down into the end event
                + edge("Flow_AToEnd", 250, 100, 618, 100, 618, 122));
    assertThat(problems(xml)).isEmpty();
  }

  @Test
  void aFlowLeavingABoundaryEventMayCrossItsHostButNotAnotherTask() {
    String nodes =
        """
        <bpmn:task id="Task_A" name="甲"/>
        <bpmn:boundaryEvent id="Event_Late" name="超时" attachedToRef="Task_A">
          <bpmn:timerEventDefinition id="Timer_Late"/>
        </bpmn:boundaryEvent>
        <bpmn:task id="Task_B" name="乙"/>
        <bpmn:endEvent id="Event_End" name="结束"/>
        """
            + flow("Flow_Late", "Event_Late", "Event_End");
    String shapes =
        shape("Task_A", 200, 100, 100, 80)
            + shape("Event_Late", 232, 162, 36, 36)
            + shape("Task_B", 200, 240, 100, 80)
            + shape("Event_End", 400, 300, 36, 36);
    // drawn from inside its host, down past Task_B, then right
    String good =
        diagram(nodes, shapes + edge("Flow_Late", 250, 150, 250, 220, 418, 220, 418, 300));
    String bad = diagram(nodes, shapes + edge("Flow_Late", 250, 180, 250, 318, 400, 318));
    assertThat(problems(good)).isEmpty();
    assertThat(problems(bad))
        .singleElement()
        .asString()
        .contains("Flow_Late is drawn through task Task_B");
  }

  @Test
  void anExpandedSubProcessDoesNotCountForTheFlowsInsideIt() {
    String xml =
        diagram(
            """
        <bpmn:subProcess id="SubProcess_Part" name="子流程">
          <bpmn:startEvent id="Event_PartStart" name="开始"/>
          <bpmn:endEvent id="Event_PartEnd" name="结束"/>
        """
                + flow("Flow_Inside", "Event_PartStart", "Event_PartEnd")
                + """
        </bpmn:subProcess>
        <bpmn:startEvent id="Event_Start" name="开始"/>
        <bpmn:endEvent id="Event_End" name="结束"/>
        """
                + flow("Flow_Outside", "Event_Start", "Event_End"),
            expanded("SubProcess_Part", 200, 100, 300, 150)
                + shape("Event_PartStart", 240, 157, 36, 36)
                + shape("Event_PartEnd", 420, 157, 36, 36)
                + shape("Event_Start", 100, 300, 36, 36)
                + shape("Event_End", 600, 300, 36, 36)
                + edge("Flow_Inside", 276, 175, 420, 175)
                + edge("Flow_Outside", 118, 300, 118, 200, 618, 200, 618, 300));
    assertThat(problems(xml))
        .singleElement()
        .asString()
        .contains("Flow_Outside is drawn through subProcess SubProcess_Part");
  }

  // --- (c) labels ----------------------------------------------------------------------------

  private static String fork(double labelX, double labelY) {
    return fork(labelX, labelY, 20);
  }

  private static String fork(double labelX, double labelY, double labelWidth) {
    return diagram(
        """
        <bpmn:exclusiveGateway id="Gateway_Fork" name="哪条？"/>
        <bpmn:task id="Task_A" name="甲"/>
        <bpmn:task id="Task_B" name="乙"/>
        """
            + flow("Flow_Yes", "Gateway_Fork", "Task_A", "是")
            + flow("Flow_No", "Gateway_Fork", "Task_B", "否"),
        shape("Gateway_Fork", 100, 115, 50, 50)
            + shape("Task_A", 250, 100, 100, 80)
            + shape("Task_B", 250, 260, 100, 80)
            + labelledEdge("Flow_Yes", new double[] {170, 120, 20, 14}, 150, 140, 250, 140)
            + labelledEdge(
                "Flow_No",
                new double[] {labelX, labelY, labelWidth, 14},
                125,
                165,
                125,
                300,
                250,
                300));
  }

  @Test
  void aLabelByItsOwnFlowPasses() {
    assertThat(problems(fork(180, 305))).isEmpty();
  }

  @Test
  void aLabelNearerAnotherFlowFails() {
    // Flow_No's label sits on Flow_Yes's line.
    assertThat(problems(fork(160, 143)))
        .singleElement()
        .asString()
        .contains(
            "the label of sequence flow Flow_No at (160, 143, 20×14) is nearer sequence flow Flow_Yes"
                + " than its own (nearest edge 3 units from Flow_Yes, 35.9 from its own; centre 10 from Flow_Yes, 47.4 from its own)");
  }

  @Test
  void aLabelTouchingItsFlowButCentredNearerAnotherFails() {
    // A wide label: its corner by Flow_No's line, its middle over Flow_Yes.
    assertThat(problems(fork(127, 150, 100)))
        .singleElement()
        .asString()
        .contains(
            "is nearer sequence flow Flow_Yes than its own (nearest edge 10 units from Flow_Yes, 2.2 from its own;"
                + " centre 17 from Flow_Yes, 52.6 from its own)");
  }

  @Test
  void aLabelCentredByItsFlowButReachingAnotherFails() {
    // A tall label beside the vertical Flow_Down whose far corner lies on Flow_Left.
    String xml =
        diagram(
            """
        <bpmn:task id="Task_A" name="甲"/>
        <bpmn:task id="Task_B" name="乙"/>
        <bpmn:task id="Task_C" name="丙"/>
        <bpmn:endEvent id="Event_End"/>
        """
                + flow("Flow_Down", "Task_A", "Task_B", "下")
                + flow("Flow_Left", "Task_C", "Event_End"),
            shape("Task_A", 0, 0, 100, 80)
                + shape("Task_B", 0, 300, 100, 80)
                + shape("Task_C", 300, 110, 100, 80)
                + shape("Event_End", 58, 132, 36, 36)
                + labelledEdge("Flow_Down", new double[] {54, 150, 40, 60}, 50, 80, 50, 300)
                + edge("Flow_Left", 300, 150, 94, 150));
    assertThat(problems(xml))
        .singleElement()
        .asString()
        .contains(
            "is nearer sequence flow Flow_Left than its own (nearest edge 0 units from Flow_Left, 4 from its own;"
                + " centre 36.1 from Flow_Left, 24 from its own)");
  }

  @Test
  void aLabelFarFromAnyFlowFails() {
    assertThat(problems(fork(400, 400)))
        .singleElement()
        .asString()
        .contains(
            "the label of sequence flow Flow_No at (400, 400, 20×14) is 180.3 units from its flow (at most 40)");
  }

  // --- (e) one screen ------------------------------------------------------------------------

  @Test
  void aDiagramWiderThanOneScreenFails() {
    String xml =
        diagram(
            ROW_NODES + flow("Flow_AToB", "Task_A", "Task_B"),
            shape("Event_Start", 100, 122, 36, 36)
                + shape("Task_A", 200, 100, 100, 80)
                + shape("Task_B", 1900, 100, 100, 80)
                + shape("Event_End", 2100, 122, 36, 36)
                + edge("Flow_AToB", 300, 140, 1900, 140));
    assertThat(problems(xml))
        .singleElement()
        .asString()
        .contains("the drawing is 2036×80 units, from (100, 100) to (2136, 180)");
  }

  private static String tall(double bottom, double[] label) {
    String nodes = ROW_NODES + flow("Flow_AToB", "Task_A", "Task_B", label == null ? null : "下");
    double[] points = {250, 180, 250, bottom, 450, bottom, 450, 180};
    return diagram(
        nodes,
        ROW_SHAPES
            + (label == null
                ? edge("Flow_AToB", points)
                : labelledEdge("Flow_AToB", label, points)));
  }

  @Test
  void aDiagramTallerThanOneScreenFailsAndLabelsAndWaypointsCount() {
    assertThat(problems(tall(1150, new double[] {260, 1160, 20, 14}))).isEmpty();
    assertThat(problems(tall(1150, new double[] {260, 1175, 20, 14})))
        .singleElement()
        .asString()
        .contains("the drawing is 536×1089 units");
    assertThat(problems(tall(1190, null)))
        .singleElement()
        .asString()
        .contains("the drawing is 536×1090 units");
  }

  private static String twoPlanes(double farX) {
    return """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            id="Definitions_Test" targetNamespace="https://yishi.cn/test">
          <bpmn:process id="test" isExecutable="true">
            <bpmn:subProcess id="SubProcess_Part" name="子流程">
              <bpmn:task id="Task_Inner" name="内"/>
              <bpmn:task id="Task_Far" name="远"/>
            </bpmn:subProcess>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_Test">
            <bpmndi:BPMNPlane id="Plane_Test" bpmnElement="test">
        """
        + shape("SubProcess_Part", 100, 100, 100, 80)
        + """
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
          <bpmndi:BPMNDiagram id="Diagram_Part">
            <bpmndi:BPMNPlane id="Plane_Part" bpmnElement="SubProcess_Part">
        """
        + shape("Task_Inner", 3000, 100, 100, 80)
        + shape("Task_Far", farX, 100, 100, 80)
        + """
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
  }

  @Test
  void everyPlaneIsMeasuredOnItsOwn() {
    // A collapsed sub-process drawn on a plane of its own: each plane fits, together they would
    // not.
    assertThat(problems(twoPlanes(4000))).isEmpty();
    assertThat(problems(twoPlanes(5000)))
        .singleElement()
        .asString()
        .startsWith("plane Plane_Part (SubProcess_Part): the drawing is 2100×80 units");
  }

  // --- (d) listeners on sequence flows -------------------------------------------------------

  private static List<String> listenerProblems(String listener) {
    String xml =
        diagram(
            ROW_NODES.replace("<bpmn:task id=\"Task_B\" name=\"乙\"/>", "")
                + "<bpmn:sequenceFlow id=\"Flow_AToEnd\" sourceRef=\"Task_A\" targetRef=\"Event_End\">"
                + "<bpmn:extensionElements>"
                + listener
                + "</bpmn:extensionElements></bpmn:sequenceFlow>",
            "");
    return FlowListeners.problems(read(xml));
  }

  @Test
  void aFlowListenerMayRaiseACounter() {
    assertThat(
            listenerProblems(
                "<camunda:executionListener event=\"take\" expression=\"${execution.setVariable('round', round + 1)}\"/>"))
        .isEmpty();
    assertThat(
            listenerProblems(
                "<camunda:executionListener event=\"take\" expression=\"${execution.setVariable(&#39;meetingAttempt&#39;, meetingAttempt + 1)}\"/>"))
        .isEmpty();
  }

  @Test
  void aFlowListenerSettingARoutingVariableFails() {
    assertThat(
            listenerProblems(
                "<camunda:executionListener event=\"take\" expression=\"${execution.setVariable('reviewUnit', units.above(reviewUnit))}\"/>"))
        .singleElement()
        .asString()
        .startsWith(
            "sequence flow Flow_AToEnd: its execution listener evaluates ${execution.setVariable('reviewUnit', units.above(reviewUnit))}");
    assertThat(
            listenerProblems(
                "<camunda:executionListener event=\"take\" expression=\"${execution.setVariable('deliberationUnit', deliberationUnit + 1)}\"/>"))
        .singleElement()
        .asString()
        .contains("sets variable deliberationUnit");
    assertThat(
            listenerProblems(
                "<camunda:executionListener event=\"take\" expression=\"${execution.setVariable('round', deliberationRound + 1)}\"/>"))
        .singleElement()
        .asString()
        .contains("sets counter round from another variable");
  }

  @Test
  void aDelegateClassOrScriptListenerOnAFlowFails() {
    assertThat(
            listenerProblems(
                "<camunda:executionListener event=\"take\" delegateExpression=\"${router}\"/>"))
        .singleElement()
        .asString()
        .contains("calls delegate ${router}");
    assertThat(
            listenerProblems(
                "<camunda:executionListener event=\"take\" class=\"cn.yishi.Router\"/>"))
        .singleElement()
        .asString()
        .contains("calls class cn.yishi.Router");
    assertThat(
            listenerProblems(
                "<camunda:executionListener event=\"take\">"
                    + "<camunda:script scriptFormat=\"groovy\">execution.setVariable('round', 1)</camunda:script>"
                    + "</camunda:executionListener>"))
        .singleElement()
        .asString()
        .contains("runs a script");
  }

  // --- building the diagrams -----------------------------------------------------------------

  private static String row(String extraFlows) {
    return diagram(
        ROW_NODES
            + flow("Flow_StartToA", "Event_Start", "Task_A")
            + flow("Flow_AToB", "Task_A", "Task_B", "然后")
            + flow("Flow_BToEnd", "Task_B", "Event_End")
            + extraFlows,
        ROW_SHAPES
            + edge("Flow_StartToA", 136, 140, 200, 140)
            + labelledEdge("Flow_AToB", new double[] {335, 122, 30, 14}, 300, 140, 400, 140)
            + edge("Flow_BToEnd", 500, 140, 600, 140));
  }

  private static String diagram(String nodes, String di) {
    return """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_Test" targetNamespace="https://yishi.cn/test">
          <bpmn:process id="test" isExecutable="true">
        """
        + nodes
        + """
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_Test">
            <bpmndi:BPMNPlane id="Plane_Test" bpmnElement="test">
        """
        + di.replace("</bpmndi:BPMNEdge><label>", "").replace("</label>", "</bpmndi:BPMNEdge>")
        + """
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
  }

  private static String flow(String id, String source, String target) {
    return flow(id, source, target, null);
  }

  private static String flow(String id, String source, String target, String name) {
    return "<bpmn:sequenceFlow id=\""
        + id
        + "\" sourceRef=\""
        + source
        + "\" targetRef=\""
        + target
        + "\""
        + (name == null ? "" : " name=\"" + name + "\"")
        + "/>\n";
  }

  private static String shape(String id, double x, double y, double w, double h) {
    return "<bpmndi:BPMNShape id=\""
        + id
        + "_di\" bpmnElement=\""
        + id
        + "\">"
        + bounds(x, y, w, h)
        + "</bpmndi:BPMNShape>\n";
  }

  private static String expanded(String id, double x, double y, double w, double h) {
    return "<bpmndi:BPMNShape id=\""
        + id
        + "_di\" bpmnElement=\""
        + id
        + "\" isExpanded=\"true\">"
        + bounds(x, y, w, h)
        + "</bpmndi:BPMNShape>\n";
  }

  private static String edge(String id, double... xy) {
    StringBuilder edge =
        new StringBuilder("<bpmndi:BPMNEdge id=\"" + id + "_di\" bpmnElement=\"" + id + "\">");
    for (int i = 0; i < xy.length; i += 2) {
      edge.append("<di:waypoint x=\"")
          .append(xy[i])
          .append("\" y=\"")
          .append(xy[i + 1])
          .append("\"/>");
    }
    return edge.append("</bpmndi:BPMNEdge>\n").toString();
  }

  /** An edge with a label at {x, y, width, height}. */
  private static String labelledEdge(String id, double[] label, double... xy) {
    return edge(id, xy)
        .replace(
            "</bpmndi:BPMNEdge>",
            "<bpmndi:BPMNLabel>"
                + bounds(label[0], label[1], label[2], label[3])
                + "</bpmndi:BPMNLabel></bpmndi:BPMNEdge>");
  }

  private static String bounds(double x, double y, double w, double h) {
    return "<dc:Bounds x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\"/>";
  }

  private static BpmnModelInstance read(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> problems(String xml) {
    return DiagramGeometry.problems(read(xml));
  }
}
