package cn.yishi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a diagram's expression may call, one form at a time. */
class ExpressionPolicyTest {

  /** A bean that diagrams may call. */
  static class Units {
    public String above(String unit) {
      return unit;
    }

    public boolean isRoot() {
      return true;
    }
  }

  /** A delegate. */
  static class SortingCheck {
    public void notify(Object task) {}
  }

  private final ExpressionPolicy policy =
      new ExpressionPolicy(
          Map.of("units", Units.class, "sortingCheck", SortingCheck.class),
          name ->
              Set.of("jdbcTemplate", "dataSource", "processEngine", "runtimeService")
                  .contains(name));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${sortingCheck}",
        "${units.above(reviewUnit)}",
        "${units.root}",
        "${units.above(units.above(community))}",
        "${meetingOutcome == 'PASSED'}",
        "${track == 'MINOR' and not empty agendas}",
        "${eligibilityResult.route}",
        "${timeLimits.stepWithin}",
        "${list[0]}",
        "${agenda['courtyard']}",
        "${execution.setVariable('round', round + 1)}",
        "${execution.getVariable('implementer') == 'DEPARTMENTS'}",
        "#{execution.processBusinessKey}",
        "${execution.id} ${execution.processInstanceId} ${execution.eventName} ${execution.currentActivityId}",
        "${task.setVariableLocal('reviewUnitName', units.above(reviewUnit))}",
        "${task.id}",
        "R/${cycle}",
        "${units.root ? 'a' : (x > 1 ? -x : x / 2)}",
        "${now()}",
        "${'院落协商'}",
      })
  void allowedFormsPass(String expression) {
    assertThat(policy.check(expression)).as(expression).isEmpty();
  }

  @Test
  void anotherBeanIsRefusedByName() {
    assertThat(
            reason(
                "${jdbcTemplate.queryForObject('SELECT COUNT(*) FROM ACT_ID_USER', Long.class)}"))
        .contains("jdbcTemplate")
        .contains("not callable");
    assertThat(policy.check("${runtimeService}")).isPresent();
  }

  @Test
  void theEnginesServicesAreOutOfReach() {
    assertThat(
            reason(
                "${execution.processEngineServices.runtimeService.deleteProcessInstance(x, '')}"))
        .contains("execution.processEngineServices");
    assertThat(policy.check("${execution.getProcessEngine()}")).isPresent();
    assertThat(policy.check("${execution.processEngine}")).isPresent();
    assertThat(policy.check("${task.execution}")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${''.getClass().forName('java.lang.Runtime')}",
        "${''.class.forName('java.lang.Runtime')}",
        "${x.class}",
        "${x.getClass()}",
        "${units.getClass()}",
        "${units.class}",
        "${x['class']}",
        "${x.toString()}",
        "${agendas.isEmpty()}",
        "${units.above(x).toString()}",
        "${units.above}",
        "${units.remove(x)}",
        "${(units).above(x).length()}",
        "${x[y]}",
        "${S(x).mapTo('java.lang.ProcessBuilder')}",
        "${JSON('{}')}",
        "${ns:f(1)}",
        "${now().toString()}",
        "${execution.processInstance}",
        "${execution.setVariable('x', ''.getClass())}",
        "${",
      })
  void refusedForms(String expression) {
    assertThat(policy.check(expression)).as(expression).isPresent();
  }

  @Test
  void theReasonNamesTheExpression() {
    assertThat(reason("${x.toString()}")).contains("toString").contains("${x.toString()}");
  }

  private String reason(String expression) {
    return policy.check(expression).orElseThrow(() -> new AssertionError(expression + " passed"));
  }
}
