package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.DELIBERATION_UNIT;
import static cn.yishi.common.CommonVariables.NUMBER;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.deliberation.CourtyardDeliberationProcess.AGENDA_HISTORY;
import static cn.yishi.deliberation.CourtyardDeliberationProcess.AGENDA_RECORD;
import static cn.yishi.deliberation.DeliberationDayProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.deliberation.DeliberationDayProcess.Agenda;
import cn.yishi.organisation.Units;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The deliberation day (爱邻议事日, DOMAIN §8) and what it decides, as the bean {@code courtyardAgenda}.
 *
 * <p>As the delegate of 汇总院落待议事项 it collects each courtyard's pending matters: every running {@code
 * courtyardDeliberation} is a pending matter of the courtyard in its variable {@code
 * deliberationUnit}. Sets {@code agendaDay} (today in the business time zone) and {@code agendas}:
 * one map per courtyard with pending matters (ordered by courtyard code) holding {@code courtyard},
 * {@code courtyardName}, {@code agendaDay}, {@code items} (each {@code number}, {@code title},
 * {@code instance}, {@code postponedBefore}, ordered by number) and {@code summary} (the items as
 * text, one per line; a matter an earlier day postponed says so). Each listed matter's instance
 * records the day in {@code agendaHistory} (outcome {@code ON_AGENDA}) and {@code agendaRecord}
 * (the same as text), which its forms show.
 *
 * <p>As the agenda task's {@code create} listener it copies its {@code agenda} (the multi-instance
 * element) into task-local variables the form shows: {@code courtyard}, {@code courtyardName},
 * {@code agendaItems} (the summary), {@code matterCount} and {@code agendaOptions} (the checklist's
 * choices). As its {@code complete} listener it records the day's decision for every listed matter:
 * deliberated today (checked in {@code deliberatedToday}) or postponed (not checked). Postponed
 * matters are still pending, so the next deliberation day lists them again. A number that is not on
 * this agenda is refused; a matter that was settled in the meantime is left alone.
 */
@DiagramCallable
@Component("courtyardAgenda")
public class CourtyardAgenda implements JavaDelegate, TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DAY = Agenda.ENTRY_DAY;
  private static final String OUTCOME = Agenda.ENTRY_OUTCOME;

  private final RuntimeService runtime;
  private final Units units;
  private final DeliberationDaySchedule schedule;

  public CourtyardAgenda(RuntimeService runtime, Units units, DeliberationDaySchedule schedule) {
    this.runtime = runtime;
    this.units = units;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String day = today();
    AGENDA_DAY.set(execution, day);
    AGENDAS.set(execution, collect(day));
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> agenda = AGENDA.get(task);
    if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      List<String> deliberated = numbers(DELIBERATED_TODAY.get(task));
      DELIBERATED_TODAY.setLocal(task, deliberated);
      AGENDA_OUTCOMES.setLocal(task, record(agenda, deliberated));
      return;
    }
    List<?> items = (List<?>) agenda.get(Agenda.ITEMS);
    task.setVariableLocal(Agenda.COURTYARD, agenda.get(Agenda.COURTYARD));
    COURTYARD_NAME.setLocal(task, (String) agenda.get(Agenda.COURTYARD_NAME));
    AGENDA_ITEMS.setLocal(task, (String) agenda.get(Agenda.SUMMARY));
    MATTER_COUNT.setLocal(task, items.size());
    AGENDA_OPTIONS.setLocal(task, options(items));
  }

  /** The agendas of every courtyard with pending matters; each listed matter records the day. */
  public List<Map<String, Object>> collect(String day) {
    Map<String, List<Map<String, Object>>> byCourtyard = new TreeMap<>();
    List<ProcessInstance> pending =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(CourtyardDeliberationProcess.KEY)
            .active()
            .list();
    for (ProcessInstance instance : pending) {
      Map<String, Object> variables =
          runtime.getVariables(
              instance.getId(),
              List.of(
                  DELIBERATION_UNIT.name(), NUMBER.name(), TITLE.name(), AGENDA_HISTORY.name()));
      String courtyard = DELIBERATION_UNIT.from(variables);
      if (courtyard == null) {
        continue;
      }
      List<Map<String, String>> history = history(AGENDA_HISTORY.from(variables));
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(Agenda.ITEM_NUMBER, text(NUMBER.from(variables), instance.getBusinessKey()));
      item.put(Agenda.ITEM_TITLE, text(TITLE.from(variables), ""));
      item.put(Agenda.ITEM_INSTANCE, instance.getId());
      item.put(
          Agenda.ITEM_POSTPONED_BEFORE,
          !history.isEmpty() && POSTPONED.equals(history.get(history.size() - 1).get(OUTCOME)));
      byCourtyard.computeIfAbsent(courtyard, c -> new ArrayList<>()).add(item);
      setOutcome(history, day, ON_AGENDA);
      write(instance.getId(), history);
    }
    List<Map<String, Object>> agendas = new ArrayList<>();
    byCourtyard.forEach(
        (courtyard, items) -> {
          items.sort(Comparator.comparing(i -> String.valueOf(i.get(Agenda.ITEM_NUMBER))));
          StringBuilder summary = new StringBuilder();
          for (Map<String, Object> item : items) {
            if (summary.length() > 0) {
              summary.append('\n');
            }
            summary
                .append(item.get(Agenda.ITEM_NUMBER))
                .append(' ')
                .append(item.get(Agenda.ITEM_TITLE));
            if (Boolean.TRUE.equals(item.get(Agenda.ITEM_POSTPONED_BEFORE))) {
              summary.append("（上次议事日延期）");
            }
          }
          Map<String, Object> agenda = new LinkedHashMap<>();
          agenda.put(Agenda.COURTYARD, courtyard);
          agenda.put(Agenda.COURTYARD_NAME, units.name(courtyard));
          agenda.put(Agenda.DAY, day);
          agenda.put(Agenda.ITEMS, items);
          agenda.put(Agenda.SUMMARY, summary.toString());
          agendas.add(agenda);
        });
    return agendas;
  }

  /**
   * Completing the agenda: deliberated today (the numbers given) or postponed, for each listed
   * matter; returns each matter's number and outcome.
   */
  public List<Map<String, String>> record(Map<String, Object> agenda, List<String> deliberated) {
    List<?> items = (List<?>) agenda.get(Agenda.ITEMS);
    Set<String> listed = new LinkedHashSet<>();
    items.forEach(item -> listed.add(String.valueOf(((Map<?, ?>) item).get(Agenda.ITEM_NUMBER))));
    for (String number : deliberated) {
      if (!listed.contains(number)) {
        throw new InvalidStepInputException(DELIBERATED_TODAY.name(), "不在本院落议程上的事项：" + number);
      }
    }
    String day = agenda.get(Agenda.DAY) != null ? agenda.get(Agenda.DAY).toString() : today();
    List<Map<String, String>> outcomes = new ArrayList<>();
    for (Object each : items) {
      Map<?, ?> item = (Map<?, ?>) each;
      String number = String.valueOf(item.get(Agenda.ITEM_NUMBER));
      String outcome = deliberated.contains(number) ? DELIBERATED : POSTPONED;
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put(Agenda.ENTRY_NUMBER, number);
      entry.put(OUTCOME, outcome);
      outcomes.add(entry);
      String instance = String.valueOf(item.get(Agenda.ITEM_INSTANCE));
      boolean stillPending =
          runtime.createProcessInstanceQuery().processInstanceId(instance).active().count() == 1;
      if (stillPending) {
        List<Map<String, String>> history =
            history(runtime.getVariable(instance, AGENDA_HISTORY.name()));
        setOutcome(history, day, outcome);
        write(instance, history);
      }
    }
    return outcomes;
  }

  /** The checklist's choices: one per listed matter, its number as the value. */
  private static SpinJsonNode options(List<?> items) {
    List<Map<String, String>> options = new ArrayList<>();
    for (Object each : items) {
      Map<?, ?> item = (Map<?, ?>) each;
      Map<String, String> option = new LinkedHashMap<>();
      String label = item.get(Agenda.ITEM_NUMBER) + " " + item.get(Agenda.ITEM_TITLE);
      option.put(
          "label",
          Boolean.TRUE.equals(item.get(Agenda.ITEM_POSTPONED_BEFORE))
              ? label + "（上次议事日延期）"
              : label);
      option.put("value", String.valueOf(item.get(Agenda.ITEM_NUMBER)));
      options.add(option);
    }
    try {
      return Spin.JSON(JSON.writeValueAsString(options));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the agenda options", e);
    }
  }

  /**
   * The proposal numbers a checklist sent: a Spin JSON array, a list, a JSON array text, or numbers
   * separated by commas or spaces.
   */
  static List<String> numbers(Object value) {
    List<String> numbers = new ArrayList<>();
    if (value == null) {
      return numbers;
    }
    if (value instanceof String text && text.trim().startsWith("[")) {
      try {
        value = Spin.JSON(text);
      } catch (SpinRuntimeException e) {
        throw new InvalidStepInputException(DELIBERATED_TODAY.name(), "今日已议事项的格式不正确");
      }
    }
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> add(numbers, e.isString() ? e.stringValue() : e.toString()));
      } else if (json.isString()) {
        add(numbers, json.stringValue());
      }
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(each -> add(numbers, each));
    } else {
      for (String part : value.toString().split("[,，\\s]+")) {
        add(numbers, part);
      }
    }
    return numbers;
  }

  private static void add(List<String> numbers, Object number) {
    String text = number == null ? "" : number.toString().trim();
    if (!text.isEmpty() && !numbers.contains(text)) {
      numbers.add(text);
    }
  }

  /** A matter's agenda history as a list of {@code day}, {@code outcome} maps (a copy). */
  static List<Map<String, String>> history(Object value) {
    List<Map<String, String>> history = new ArrayList<>();
    if (value instanceof Collection<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> map) {
          Map<String, String> copy = new LinkedHashMap<>();
          copy.put(DAY, String.valueOf(map.get(DAY)));
          copy.put(OUTCOME, String.valueOf(map.get(OUTCOME)));
          history.add(copy);
        }
      }
    }
    return history;
  }

  /** Sets the outcome of {@code day}, adding the day when it is not there yet. */
  private static void setOutcome(List<Map<String, String>> history, String day, String outcome) {
    for (Map<String, String> entry : history) {
      if (day.equals(entry.get(DAY))) {
        entry.put(OUTCOME, outcome);
        return;
      }
    }
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put(DAY, day);
    entry.put(OUTCOME, outcome);
    history.add(entry);
  }

  /** Writes the history and its text to the pending matter. */
  private void write(String instance, List<Map<String, String>> history) {
    StringBuilder text = new StringBuilder();
    for (Map<String, String> entry : history) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(entry.get(DAY)).append(" 爱邻议事日：").append(describe(entry.get(OUTCOME)));
    }
    runtime.setVariable(instance, AGENDA_HISTORY.name(), history);
    runtime.setVariable(instance, AGENDA_RECORD.name(), text.toString());
  }

  static String describe(String outcome) {
    return switch (outcome) {
      case DELIBERATED -> "当日已议";
      case POSTPONED -> "延期，下一个议事日再议";
      default -> "列入议程，待议";
    };
  }

  private String today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), schedule.zone()).toString();
  }

  private static String text(Object value, String fallback) {
    return value != null ? value.toString() : fallback;
  }
}
