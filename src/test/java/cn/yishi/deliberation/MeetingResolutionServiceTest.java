package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.*;
import static cn.yishi.common.CommonVariables.TrackOutcome.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service with a mocked {@link DecisionService} whose evaluation is answered by the real table
 * {@code decisions/meetingResolution.dmn} in the standalone DMN engine.
 */
class MeetingResolutionServiceTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision table;

  private final DecisionService decisionService = mock(DecisionService.class);
  private final DecisionsEvaluationBuilder builder = mock(DecisionsEvaluationBuilder.class);
  private final AtomicReference<Map<String, Object>> askedWith = new AtomicReference<>();
  private final MeetingResolutionService service = new MeetingResolutionService(decisionService);

  @BeforeAll
  static void parseTheTable() throws Exception {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in =
        MeetingResolutionServiceTest.class.getResourceAsStream(
            "/decisions/meetingResolution.dmn")) {
      table = dmnEngine.parseDecision("meetingResolution", in);
    }
  }

  @BeforeEach
  void answerWithTheRealTable() {
    when(decisionService.evaluateDecisionByKey("meetingResolution")).thenReturn(builder);
    when(builder.variables(anyMap()))
        .thenAnswer(
            invocation -> {
              askedWith.set(new HashMap<>(invocation.getArgument(0)));
              return builder;
            });
    when(builder.evaluate())
        .thenAnswer(invocation -> dmnEngine.evaluateDecision(table, askedWith.get()));
  }

  @ParameterizedTest(name = "{0} {1}/{2}/{3} -> {4}")
  @CsvSource({
    "RESIDENTS_MEETING,       10, 5, 5, NO_QUORUM",
    "RESIDENTS_MEETING,        9, 5, 3, PASSED",
    "REPRESENTATIVES_MEETING,  9, 6, 3, REJECTED",
    "PARTY_MEMBERS_MEETING,    9, 6, 4, REJECTED",
    "PARTY_MEMBERS_MEETING,    9, 6, 5, PASSED",
    "TWO_COMMITTEES,           7, 4, 3, PASSED"
  })
  void resolvesWithTheDecisionTable(
      String body, int members, int present, int inFavour, String outcome) {
    assertThat(service.resolve(new MeetingCounts(body, members, present, inFavour)))
        .isEqualTo(outcome);

    verify(decisionService).evaluateDecisionByKey("meetingResolution");
    assertThat(askedWith.get()).containsOnlyKeys("body", "members", "present", "inFavour");
  }

  @Test
  void refusedCountsNeverReachTheTable() {
    assertThatThrownBy(() -> service.resolve(new MeetingCounts("RESIDENTS_MEETING", 9, 10, 5)))
        .isInstanceOf(InvalidMeetingCountsException.class)
        .hasMessage("实到人数不能多于应到人数");

    verifyNoInteractions(decisionService);
  }

  @Test
  void aTableWithoutAnOutcomeIsAnError() {
    DmnDecisionResult empty = mock(DmnDecisionResult.class);
    doReturn(empty).when(builder).evaluate();

    assertThatThrownBy(() -> service.resolve(new MeetingCounts("TWO_COMMITTEES", 7, 4, 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("meetingResolution");
  }
}
