package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalVariables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yishi.organisation.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of proposalLifecycle's first slice, with the real decision tables. */
@Deployment(
    resources = {
      "processes/proposalLifecycle.bpmn",
      "processes/sort-proposal.form",
      "decisions/proposalCategory.dmn",
      "decisions/matterScope.dmn",
      "decisions/deliberationTrack.dmn",
      "decisions/handlingLevel.dmn",
      "decisions/timeLimits.dmn",
      "decisions/eligibility.dmn"
    })
class ProposalLifecycleProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder("camunda-coverage.cfg.xml").build();

  private static final String JINHUAYUAN_COMMUNITY = "jn-jld-jldbl";
  private static final String CASEWORKERS = "jn-jld-jldbl.caseworker";

  @BeforeEach
  void registerGroups() {
    Groups groups = mock(Groups.class);
    when(groups.caseworkers(JINHUAYUAN_COMMUNITY)).thenReturn(CASEWORKERS);
    Mocks.register("groups", groups);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  /** The elevator case: a courtyard's residents ask for an elevator for 80,000 CNY. */
  private static Map<String, Object> elevator() {
    Map<String, Object> v = new HashMap<>();
    v.put(TITLE, "星辉中路6号院加装电梯");
    v.put(DESCRIPTION, "老旧院落居民上下楼困难，申请加装电梯。");
    v.put(COMMUNITY, JINHUAYUAN_COMMUNITY);
    v.put(SUBMITTER_NAME, "王阿姨");
    v.put(SUBMITTER_PHONE, "13800000000");
    v.put(TOPIC, "ELEVATOR");
    v.put(SCOPE, "BUILDING");
    v.put(ESTIMATED_COST, 800000.0);
    v.put(AFFECTED_HOUSEHOLDS, 24);
    return v;
  }

  @Test
  void eligibleProposalIsClassifiedSortedByItsCommunityAndReadyForDeliberation() {
    Instant before = Instant.now();
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(PROCESS_KEY, elevator());

    assertThat(instance).isWaitingAt("Task_SortProposal");
    assertThat(instance)
        .variables()
        .containsEntry(CATEGORY, "CONSTRUCTION")
        .containsEntry(MATTER_SCOPE, "COMMUNITY")
        .containsEntry(TRACK, "MAJOR")
        .containsEntry(LEVEL, "COMMUNITY");
    Task sorting = task(instance);
    assertThat(sorting).hasCandidateGroup(CASEWORKERS);
    // MAJOR: respond within two days (timeLimits table)
    org.assertj.core.api.Assertions.assertThat(sorting.getDueDate().toInstant())
        .isBetween(before.plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(2)));

    complete(sorting, Map.of(EXCLUSION, "NONE"));

    assertThat(instance).hasPassed("Event_ReadyForDeliberation").isEnded();
    assertThat(instance).variables().containsEntry(ROUTE, "DELIBERATE").containsEntry(ELIGIBLE, true);
  }

  @Test
  void unlawfulProposalIsNotDeliberated() {
    Map<String, Object> v = elevator();
    v.put(SAFETY_HAZARD, true);
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(PROCESS_KEY, v);
    assertThat(instance).variables().containsEntry(TRACK, "URGENT");

    complete(task(instance), Map.of(EXCLUSION, "UNLAWFUL"));

    assertThat(instance).hasPassed("Event_NotDeliberated").isEnded();
    assertThat(instance).variables().containsEntry(ROUTE, "REJECT").containsEntry(ELIGIBLE, false);
  }
}
