package cn.yishi.summons;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.organisation.Groups;
import cn.yishi.organisation.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.task.Task;

/**
 * Shared data of the summons and track-procedure engine tests: the waterfall-noise case units of
 * Jinniu, group and unit beans that answer like the real ones, and the time limits read from the
 * real decision table {@code timeLimits} (never copied into Java).
 */
public final class SummonsTestSupport {

  public static final String NUMBER_VALUE = "JN-2026-000321";
  public static final String DISTRICT = "jn"; // 金牛区
  public static final String STREET = "jn-jld"; // 九里堤街道
  public static final String COMMUNITY = "jn-jld-jldbl"; // 九里堤北路社区
  public static final String COURTYARD = "jn-jld-jldbl-jhy"; // 菁华园
  public static final List<String> DEPARTMENTS =
      List.of(
          "dept-housing",
          "dept-river",
          "dept-city-river",
          "dept-water",
          "dept-police",
          "dept-smq-safety",
          "dept-finance",
          "dept-market",
          "dept-civil",
          "dept-urban",
          "dept-fire");

  private SummonsTestSupport() {}

  /** Groups as the real bean names them: {@code <unit>.<role>}, {@code <dept>.department}. */
  public static Groups groups() {
    Groups groups = mock(Groups.class);
    when(groups.caseworkers(anyString())).thenAnswer(i -> i.getArgument(0) + ".caseworker");
    when(groups.committee(anyString())).thenAnswer(i -> i.getArgument(0) + ".committee");
    when(groups.department(anyString())).thenAnswer(i -> i.getArgument(0) + ".department");
    return groups;
  }

  /** The chain courtyard 菁华园 → community → street → district, and Jinniu's departments. */
  public static Units units() {
    Map<String, String> above = Map.of(COURTYARD, COMMUNITY, COMMUNITY, STREET, STREET, DISTRICT);
    Units units = mock(Units.class);
    when(units.above(anyString())).thenAnswer(i -> above.get(i.<String>getArgument(0)));
    when(units.hasAbove(anyString())).thenAnswer(i -> above.containsKey(i.<String>getArgument(0)));
    when(units.atLeastCommunity(anyString()))
        .thenAnswer(i -> COURTYARD.equals(i.getArgument(0)) ? COMMUNITY : i.getArgument(0));
    when(units.departmentCodes()).thenReturn(DEPARTMENTS);
    Map<String, String> names =
        Map.of(COURTYARD, "菁华园", COMMUNITY, "九里堤北路社区", STREET, "九里堤街道", DISTRICT, "金牛区");
    when(units.name(anyString())).thenAnswer(i -> names.get(i.<String>getArgument(0)));
    return units;
  }

  /** The timeLimits decision's result for a track, as the lifecycle keeps it. */
  public static Map<String, Object> timeLimits(DecisionService decisions, String track) {
    return new HashMap<>(
        decisions
            .evaluateDecisionByKey(CommonVariables.TIME_LIMITS.name())
            .variables(Map.of(CommonVariables.TRACK.name(), track))
            .evaluate()
            .getSingleResult()
            .getEntryMap());
  }

  /** The ISO-8601 duration a time limit gives, e.g. {@code reportInWithin}. */
  public static Duration limit(Map<String, Object> timeLimits, String name) {
    return Duration.parse((String) timeLimits.get(name));
  }

  /** True when the task is due {@code within} after a moment between {@code before} and now. */
  public static boolean isDueWithin(Task task, Instant before, Duration within) {
    Instant due = task.getDueDate().toInstant();
    return !due.isBefore(before.plus(within).minusSeconds(1))
        && !due.isAfter(Instant.now().plus(within).plusSeconds(1));
  }

  /**
   * The refusal a step raised: the engine wraps a task listener's exception, so this finds the
   * {@link InvalidStepInputException} (field and Chinese message) in the cause chain; fails when
   * the step was not refused.
   */
  public static InvalidStepInputException refusal(ThrowingCallable step) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(step);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InvalidStepInputException refused) {
        return refused;
      }
    }
    throw new AssertionError(
        "expected the step to be refused with InvalidStepInputException, got " + thrown, thrown);
  }
}
