package cn.yishi.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every diagram in {@code processes/} can be read by policy staff: no crossing flows, no flow
 * through a shape it does not connect, every flow label by its own flow, every plane within one
 * screen ({@link DiagramGeometry}); and no routing hidden in listeners on sequence flows ({@link
 * FlowListeners}). A failure names the file, the plane, the elements and what to change in Camunda
 * Modeler.
 */
class DiagramLayoutTest {

  static Stream<Path> diagrams() throws IOException {
    return ProcessConventionsTest.diagrams();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void diagramCanBeReadByPolicyStaff(Path file) throws IOException {
    BpmnModelInstance model;
    try (InputStream in = Files.newInputStream(file)) {
      model = Bpmn.readModelFromStream(in);
    }
    List<String> problems = new ArrayList<>();
    DiagramGeometry.problems(model).forEach(p -> problems.add(file + ", " + p));
    FlowListeners.problems(model).forEach(p -> problems.add(file + ", " + p));
    assertThat(problems).as(file + ": the drawing and its flow listeners").isEmpty();
  }
}
