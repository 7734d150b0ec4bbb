package cn.yishi.deliberation;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Turns the stakeholders typed into a form (one per line, variable {@value #STAKEHOLDER_NAMES})
 * into the list {@value #STAKEHOLDERS} that a multi-instance step iterates over (task listener
 * {@code complete}, bean {@code stakeholderList}). Usable by any process that names stakeholders
 * this way: the "X" of a "7+X" committee, the parties heard in broad deliberation. Lines are
 * trimmed, blanks and repeats dropped; at least one stakeholder is required. The textarea is
 * written back tidied (the same entries, one per line), so that a later form (the 7+X committee
 * meeting lists its X members) shows exactly the list.
 */
@DiagramCallable
@Component("stakeholderList")
public class StakeholderList implements TaskListener {

  /** The textarea: one stakeholder per line. */
  public static final String STAKEHOLDER_NAMES = "stakeholderNames";
  /** The parsed list (Java list of strings). */
  public static final String STAKEHOLDERS = "stakeholders";
  public static final int MAX_STAKEHOLDERS = 100;
  public static final int NAME_MAX_LENGTH = 100;

  @Override
  public void notify(DelegateTask task) {
    List<String> stakeholders = TextLines.of(task.getVariable(STAKEHOLDER_NAMES));
    if (stakeholders.isEmpty()) {
      throw new InvalidStepInputException(STAKEHOLDER_NAMES, "请至少填写一位利益相关方，每行一位");
    }
    if (stakeholders.size() > MAX_STAKEHOLDERS) {
      throw new InvalidStepInputException(STAKEHOLDER_NAMES, "利益相关方不能超过" + MAX_STAKEHOLDERS + "位");
    }
    for (String stakeholder : stakeholders) {
      if (stakeholder.length() > NAME_MAX_LENGTH) {
        throw new InvalidStepInputException(
            STAKEHOLDER_NAMES, "每位利益相关方的名称不能超过" + NAME_MAX_LENGTH + "个字：" + stakeholder);
      }
    }
    task.setVariable(STAKEHOLDERS, stakeholders);
    task.setVariable(STAKEHOLDER_NAMES, String.join("\n", stakeholders));
  }
}
