package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.STAKEHOLDER;
import static cn.yishi.deliberation.MinorDeliberationProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Collects the opinion of one stakeholder (task listener {@code complete} on a multi-instance step
 * over {@code stakeholders}, bean {@code recordStakeholderOpinion}; not named after the variable it
 * writes, which would hide the bean in expressions). Stakeholders have no accounts: a caseworker
 * records what each said, in one task per stakeholder whose variable {@code stakeholder} names
 * them. The opinion (task-local {@code stakeholderOpinion}, so the parallel tasks do not overwrite
 * each other) is required and appended to the instance's list {@code stakeholderOpinions} ({@code
 * stakeholder}, {@code opinion}) and to the readable text {@code stakeholderOpinionSummary}
 * ("name：opinion", one per line) that the next form shows.
 *
 * <p>Also the step's {@code create} listener: the task's name is the diagram's plain name (never an
 * expression); its description names the stakeholder, so that Tasklist tells the parallel tasks
 * apart, and the form shows the stakeholder in a read-only field.
 */
@DiagramCallable
@Component("recordStakeholderOpinion")
public class StakeholderOpinions implements TaskListener {

  public static final int OPINION_MAX_LENGTH = 2000;

  @Override
  public void notify(DelegateTask task) {
    String stakeholder = String.valueOf(STAKEHOLDER.get(task));
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setDescription("利益相关方：" + stakeholder);
      return;
    }
    String opinion =
        StepCheck.of(task)
            .requiredText(
                STAKEHOLDER_OPINION,
                OPINION_MAX_LENGTH,
                "请记录" + stakeholder + "的意见",
                "意见" + "不能超过" + OPINION_MAX_LENGTH + "字");
    DelegateExecution instance = task.getExecution().getProcessInstance();
    List<Map<String, String>> opinions =
        add(STAKEHOLDER_OPINIONS.get(instance), stakeholder, opinion);
    STAKEHOLDER_OPINIONS.set(instance, opinions);
    STAKEHOLDER_OPINION_SUMMARY.set(instance, summary(opinions));
  }

  /** The opinions recorded so far (a copy) with one more. */
  static List<Map<String, String>> add(Object earlier, String stakeholder, String opinion) {
    List<Map<String, String>> opinions = new ArrayList<>();
    if (earlier instanceof Collection<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> map) {
          Map<String, String> copy = new LinkedHashMap<>();
          map.forEach(
              (key, value) ->
                  copy.put(String.valueOf(key), value == null ? null : value.toString()));
          opinions.add(copy);
        }
      }
    }
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put(ENTRY_STAKEHOLDER, stakeholder);
    entry.put(ENTRY_OPINION, opinion);
    opinions.add(entry);
    return opinions;
  }

  /** "name：opinion", one per line. */
  static String summary(List<Map<String, String>> opinions) {
    StringBuilder summary = new StringBuilder();
    for (Map<String, String> each : opinions) {
      summary
          .append(each.get(ENTRY_STAKEHOLDER))
          .append("：")
          .append(each.get(ENTRY_OPINION))
          .append('\n');
    }
    return summary.toString().strip();
  }
}
