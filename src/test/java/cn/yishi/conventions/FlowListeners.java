package cn.yishi.conventions;

import cn.yishi.common.CommonVariables;
import cn.yishi.deliberation.DeliberationMeetingProcess;
import cn.yishi.deliberation.HardDeliberationProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;

/**
 * No routing logic hidden in listeners on sequence flows: who deliberates where is a decision
 * table's output or a visible, named step. A listener on a sequence flow may only count: it has
 * exactly the form {@code ${execution.setVariable('c', c + 1)}} for a counter {@code c} of {@link
 * #COUNTERS}. Any other expression, a delegate expression, a class or a script fails.
 */
final class FlowListeners {

  /**
   * The counters a sequence flow may raise: the lifecycle's {@code round} (a dissatisfied rating
   * reopens the proposal), the meeting's {@code meetingAttempt} (a meeting without quorum is
   * reconvened) and hard deliberation's {@code deliberationRound}.
   */
  static final Set<String> COUNTERS =
      Set.of(
          CommonVariables.ROUND.name(),
          DeliberationMeetingProcess.MEETING_ATTEMPT.name(),
          HardDeliberationProcess.DELIBERATION_ROUND.name());

  private static final Pattern COUNTING =
      Pattern.compile(
          "\\$\\{\\s*execution\\.setVariable\\(\\s*(['\"])(\\w+)\\1\\s*,\\s*(\\w+)\\s*\\+\\s*1\\s*\\)\\s*}");

  private FlowListeners() {}

  static List<String> problems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      ExtensionElements extensions = flow.getExtensionElements();
      if (extensions == null) {
        continue;
      }
      for (CamundaExecutionListener listener :
          extensions.getElementsQuery().filterByType(CamundaExecutionListener.class).list()) {
        String problem = problem(listener);
        if (problem != null) {
          problems.add(
              "sequence flow "
                  + flow.getId()
                  + ": its execution listener "
                  + problem
                  + "; a listener on a sequence flow may only raise a counter ("
                  + String.join(", ", COUNTERS.stream().sorted().toList())
                  + "), routing belongs in a decision table or a named step");
        }
      }
    }
    return problems;
  }

  /** What is wrong with a listener on a sequence flow, or null if it only raises a counter. */
  static String problem(CamundaExecutionListener listener) {
    if (listener.getCamundaClass() != null) {
      return "calls class " + listener.getCamundaClass();
    }
    if (listener.getCamundaDelegateExpression() != null) {
      return "calls delegate " + listener.getCamundaDelegateExpression();
    }
    if (listener.getCamundaScript() != null) {
      return "runs a script";
    }
    String expression = listener.getCamundaExpression();
    if (expression == null) {
      return "has no expression";
    }
    Matcher counting = COUNTING.matcher(expression.trim());
    if (!counting.matches()) {
      return "evaluates " + expression;
    }
    String variable = counting.group(2);
    if (!COUNTERS.contains(variable)) {
      return "sets variable " + variable + " (" + expression + ")";
    }
    if (!variable.equals(counting.group(3))) {
      return "sets counter " + variable + " from another variable (" + expression + ")";
    }
    return null;
  }
}
