package cn.yishi.deliberation;

import static cn.yishi.deliberation.DeliberationDayVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.organisation.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Collects each courtyard's pending matters for the deliberation day (爱邻议事日, DOMAIN §8), as
 * the delegate {@code courtyardAgenda}: every running {@code courtyardDeliberation} is a pending
 * matter of the courtyard in its variable {@code deliberationUnit}. Sets {@code agendas}: one map
 * per courtyard with pending matters (ordered by courtyard code) holding {@code courtyard},
 * {@code courtyardName}, {@code items} (each {@code number}, {@code title}, ordered by number)
 * and {@code summary} (the items as text, one per line, for the form).
 *
 * <p>Also the create listener of each agenda task: copies its {@code agenda} (the multi-instance
 * element) into task-local variables the form shows: {@code courtyard}, {@code courtyardName},
 * {@code agendaItems} (the summary) and {@code matterCount}.
 */
@DiagramCallable
@Component("courtyardAgenda")
public class CourtyardAgenda implements JavaDelegate, TaskListener {

  private final RuntimeService runtime;
  private final Units units;

  public CourtyardAgenda(RuntimeService runtime, Units units) {
    this.runtime = runtime;
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(AGENDAS, collect());
  }

  @Override
  public void notify(DelegateTask task) {
    Map<?, ?> agenda = (Map<?, ?>) task.getVariable(AGENDA);
    task.setVariableLocal(AGENDA_COURTYARD, agenda.get(AGENDA_COURTYARD));
    task.setVariableLocal(COURTYARD_NAME, agenda.get(AGENDA_COURTYARD_NAME));
    task.setVariableLocal(AGENDA_ITEMS_TEXT, agenda.get(AGENDA_SUMMARY));
    task.setVariableLocal(MATTER_COUNT, ((List<?>) agenda.get(AGENDA_ITEMS)).size());
  }

  /** The agendas of every courtyard with pending matters. */
  public List<Map<String, Object>> collect() {
    Map<String, List<Map<String, Object>>> byCourtyard = new TreeMap<>();
    List<ProcessInstance> pending =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(COURTYARD_PROCESS_KEY)
            .active()
            .list();
    for (ProcessInstance instance : pending) {
      Map<String, Object> variables =
          runtime.getVariables(instance.getId(), List.of(DELIBERATION_UNIT, NUMBER, TITLE));
      Object courtyard = variables.get(DELIBERATION_UNIT);
      if (courtyard == null) {
        continue;
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(NUMBER, text(variables.get(NUMBER), instance.getBusinessKey()));
      item.put(TITLE, text(variables.get(TITLE), ""));
      byCourtyard.computeIfAbsent(courtyard.toString(), c -> new ArrayList<>()).add(item);
    }
    List<Map<String, Object>> agendas = new ArrayList<>();
    byCourtyard.forEach(
        (courtyard, items) -> {
          items.sort(Comparator.comparing(i -> String.valueOf(i.get(NUMBER))));
          StringBuilder summary = new StringBuilder();
          for (Map<String, Object> item : items) {
            if (summary.length() > 0) {
              summary.append('\n');
            }
            summary.append(item.get(NUMBER)).append(' ').append(item.get(TITLE));
          }
          Map<String, Object> agenda = new LinkedHashMap<>();
          agenda.put(AGENDA_COURTYARD, courtyard);
          agenda.put(AGENDA_COURTYARD_NAME, units.name(courtyard));
          agenda.put(AGENDA_ITEMS, items);
          agenda.put(AGENDA_SUMMARY, summary.toString());
          agendas.add(agenda);
        });
    return agendas;
  }

  private static String text(Object value, String fallback) {
    return value != null ? value.toString() : fallback;
  }
}
