package cn.yishi.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.deliberation.MeetingCounts;
import cn.yishi.deliberation.MeetingResolutionService;
import cn.yishi.testsupport.InMemoryEngines;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seven tables deploy to a real (in-memory) Camunda process engine with history time to live
 * enforced, and evaluate through its {@link DecisionService} — the path the processes and {@link
 * MeetingResolutionService} use — including with optional variables missing.
 */
class DecisionsOnTheProcessEngineTest {

  private static final List<String> KEYS =
      List.of(
          "proposalCategory",
          "eligibility",
          "matterScope",
          "deliberationTrack",
          "handlingLevel",
          "timeLimits",
          "meetingResolution");

  private static ProcessEngine engine;

  @BeforeAll
  static void deployAllSeven() throws Exception {
    StandaloneInMemProcessEngineConfiguration configuration =
        InMemoryEngines.configuration("decisions", List.of());
    configuration.setHistory("full");
    configuration.setEnforceHistoryTimeToLive(true);
    engine = configuration.buildProcessEngine();

    DeploymentBuilder deployment =
        engine.getRepositoryService().createDeployment().name("decisions");
    for (String key : KEYS) {
      InputStream in =
          DecisionsOnTheProcessEngineTest.class.getResourceAsStream("/decisions/" + key + ".dmn");
      deployment.addInputStream("decisions/" + key + ".dmn", in);
    }
    deployment.deploy();
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void allSevenAreDeployedWithTenYearsOfHistory() {
    List<DecisionDefinition> definitions =
        engine.getRepositoryService().createDecisionDefinitionQuery().list();

    assertThat(definitions)
        .extracting(DecisionDefinition::getKey)
        .containsExactlyInAnyOrderElementsOf(KEYS);
    assertThat(definitions)
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(3650));
  }

  @Test
  void optionalVariablesMayBeMissingOnTheEngineToo() {
    DecisionService decisions = engine.getDecisionService();

    assertThat(
            decisions
                .evaluateDecisionByKey("deliberationTrack")
                .evaluate()
                .<Object>getSingleEntry())
        .isEqualTo("MINOR");
    assertThat(
            decisions
                .evaluateDecisionByKey("eligibility")
                .evaluate()
                .getSingleResult()
                .getEntryMap())
        .isEqualTo(Map.of("eligible", true, "route", "DELIBERATE"));
    assertThat(
            decisions
                .evaluateDecisionByKey("matterScope")
                .variables(Map.of("scope", "COURTYARD"))
                .evaluate()
                .<Object>getSingleEntry())
        .isEqualTo("COURTYARD");
    assertThat(
            decisions
                .evaluateDecisionByKey("handlingLevel")
                .variables(Map.of("matterScope", "COURTYARD", "scope", "COURTYARD"))
                .evaluate()
                .<Object>getSingleEntry())
        .isEqualTo("COURTYARD");
  }

  @Test
  void theServiceResolvesMeetingsWithTheDeployedTable() {
    MeetingResolutionService service = new MeetingResolutionService(engine.getDecisionService());

    assertThat(service.resolve(new MeetingCounts("REPRESENTATIVES_MEETING", 9, 6, 4)))
        .isEqualTo("PASSED");
    assertThat(service.resolve(new MeetingCounts("REPRESENTATIVES_MEETING", 9, 5, 5)))
        .isEqualTo("NO_QUORUM");
    assertThat(service.resolve(new MeetingCounts("PARTY_MEMBERS_MEETING", 9, 6, 4)))
        .isEqualTo("REJECTED");
  }
}
