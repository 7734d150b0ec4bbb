package cn.yishi.deliberation;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
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
 * Collects the opinion of one stakeholder (task listener {@code complete} on a multi-instance
 * step over {@code stakeholders}, bean {@code recordStakeholderOpinion}; not named after the variable it
 * writes, which would hide the bean in expressions). Stakeholders have no
 * accounts: a caseworker records what each said, in one task per stakeholder whose variable
 * {@value #STAKEHOLDER} names them. The opinion (task-local {@value #STAKEHOLDER_OPINION}, so the
 * parallel tasks do not overwrite each other) is required and appended to the instance's list
 * {@value #STAKEHOLDER_OPINIONS} ({@code stakeholder}, {@code opinion}) and to the readable text
 * {@value #STAKEHOLDER_OPINION_SUMMARY} ("name：opinion", one per line) that the next form shows.
 *
 * <p>Also the step's {@code create} listener: the task's name is the diagram's plain name (never
 * an expression); its description names the stakeholder, so that Tasklist tells the parallel tasks
 * apart, and the form shows the stakeholder in a read-only field.
 */
@DiagramCallable
@Component("recordStakeholderOpinion")
public class StakeholderOpinions implements TaskListener {

  /** The element variable of the multi-instance step. */
  public static final String STAKEHOLDER = "stakeholder";
  public static final String STAKEHOLDER_OPINION = "stakeholderOpinion";
  public static final String STAKEHOLDER_OPINIONS = "stakeholderOpinions";
  public static final String STAKEHOLDER_OPINION_SUMMARY = "stakeholderOpinionSummary";
  public static final int OPINION_MAX_LENGTH = 2000;

  @Override
  public void notify(DelegateTask task) {
    Object stakeholder = task.getVariable(STAKEHOLDER);
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setDescription("利益相关方：" + stakeholder);
      return;
    }
    Object opinion = task.getVariable(STAKEHOLDER_OPINION);
    if (opinion == null || opinion.toString().isBlank()) {
      throw new InvalidStepInputException(STAKEHOLDER_OPINION, "请记录" + stakeholder + "的意见");
    }
    if (opinion.toString().length() > OPINION_MAX_LENGTH) {
      throw new InvalidStepInputException(STAKEHOLDER_OPINION, "意见不能超过" + OPINION_MAX_LENGTH + "个字");
    }
    DelegateExecution instance = task.getExecution().getProcessInstance();
    List<Map<String, String>> opinions = new ArrayList<>();
    if (instance.getVariable(STAKEHOLDER_OPINIONS) instanceof Collection<?> earlier) {
      for (Object entry : earlier) {
        if (entry instanceof Map<?, ?> map) {
          Map<String, String> copy = new LinkedHashMap<>();
          map.forEach((key, value) -> copy.put(String.valueOf(key), value == null ? null : value.toString()));
          opinions.add(copy);
        }
      }
    }
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("stakeholder", String.valueOf(stakeholder));
    entry.put("opinion", opinion.toString().strip());
    opinions.add(entry);
    StringBuilder summary = new StringBuilder();
    for (Map<String, String> each : opinions) {
      summary.append(each.get("stakeholder")).append("：").append(each.get("opinion")).append('\n');
    }
    instance.setVariable(STAKEHOLDER_OPINIONS, opinions);
    instance.setVariable(STAKEHOLDER_OPINION_SUMMARY, summary.toString().strip());
  }
}
