package cn.yishi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDeploymentTest {

  @Test
  void namesResourcesByTheirPlaceInTheRepositoryWhereverYishiRuns() {
    assertThat(
            ModelDeployment.stableName(
                "file:/home/a/yishi/target/classes/processes/proposalLifecycle.bpmn"))
        .isEqualTo("processes/proposalLifecycle.bpmn");
    assertThat(
            ModelDeployment.stableName(
                "jar:nested:/app/yishi.jar/!BOOT-INF/classes/!/decisions/timeLimits.dmn"))
        .isEqualTo("decisions/timeLimits.dmn");
    assertThat(
            ModelDeployment.stableName(
                "file:/srv/processes/clone/target/classes/processes/sub/a.form"))
        .isEqualTo("processes/sub/a.form");
  }

  @Test
  void refusesResourcesOutsideTheModelFolders() {
    assertThatThrownBy(() -> ModelDeployment.stableName("file:/tmp/other/x.bpmn"))
        .hasMessageContaining("/tmp/other/x.bpmn");
  }

  @Test
  void findsEveryDiagramFormAndTableOnTheClasspath() {
    var deployment =
        new ModelDeployment(
            List.of(
                "classpath*:processes/**/*.bpmn",
                "classpath*:processes/**/*.form",
                "classpath*:decisions/**/*.dmn"));
    assertThat(deployment.resources().keySet())
        .contains(
            "processes/proposalLifecycle.bpmn",
            "processes/sort-proposal.form",
            "decisions/meetingResolution.dmn")
        .allMatch(name -> name.startsWith("processes/") || name.startsWith("decisions/"));
  }
}
