package cn.yishi.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Which sequence flows a process instance took. Camunda's history records the activities passed,
 * not the flows between them: each activity instance entered through a flow came from the most
 * recent earlier instance, in the same scope, of one of its incoming flows' sources. So a flow
 * merely lying between two passed nodes (a loop's other exit) is not counted as taken.
 */
final class TakenFlows {

  private TakenFlows() {}

  /**
   * @param model the diagram the instance ran on
   * @param activities its activity instances in the order they happened (start time, then
   *     occurrence)
   */
  static List<String> of(BpmnModelInstance model, List<HistoricActivityInstance> activities) {
    Set<String> taken = new LinkedHashSet<>();
    Map<String, List<String>> passedInScope = new HashMap<>();
    for (HistoricActivityInstance activity : activities) {
      List<String> before =
          passedInScope.computeIfAbsent(
              activity.getParentActivityInstanceId(), k -> new ArrayList<>());
      if (model.getModelElementById(activity.getActivityId()) instanceof FlowNode node) {
        SequenceFlow from = null;
        int latest = -1;
        for (SequenceFlow flow : node.getIncoming()) {
          int index = before.lastIndexOf(flow.getSource().getId());
          if (index > latest) {
            latest = index;
            from = flow;
          }
        }
        if (from != null) {
          taken.add(from.getId());
        }
      }
      before.add(activity.getActivityId());
    }
    return List.copyOf(taken);
  }
}
