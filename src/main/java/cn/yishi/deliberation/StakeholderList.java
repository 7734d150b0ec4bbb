package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.STAKEHOLDERS;
import static cn.yishi.common.CommonVariables.STAKEHOLDER_NAMES;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Turns the stakeholders typed into a form (one per line, variable {@code stakeholderNames}) into
 * the list {@code stakeholders} that a multi-instance step iterates over (task listener {@code
 * complete}, bean {@code stakeholderList}). Usable by any process that names stakeholders this way:
 * the "X" of a "7+X" committee, the parties heard in broad deliberation. Lines are trimmed, blanks
 * and repeats dropped; at least one stakeholder is required. The textarea is written back tidied
 * (the same entries, one per line), so that a later form (the 7+X committee meeting lists its X
 * members) shows exactly the list.
 */
@DiagramCallable
@Component("stakeholderList")
public class StakeholderList implements TaskListener {

  public static final int MAX_STAKEHOLDERS = 100;
  public static final int NAME_MAX_LENGTH = 100;

  @Override
  public void notify(DelegateTask task) {
    StepCheck check = StepCheck.of(task);
    List<String> stakeholders = names(check);
    check.rule(!stakeholders.isEmpty(), STAKEHOLDER_NAMES, "请至少填写一位利益相关方，每行一位");
    STAKEHOLDERS.set(task, stakeholders);
    STAKEHOLDER_NAMES.set(task, String.join("\n", stakeholders));
  }

  /**
   * The stakeholders named (possibly none): at most {@link #MAX_STAKEHOLDERS}, each name at most
   * {@link #NAME_MAX_LENGTH}.
   */
  static List<String> names(StepCheck check) {
    List<String> names =
        check.lines(STAKEHOLDER_NAMES, Integer.MAX_VALUE, Integer.MAX_VALUE, "利益相关方");
    check.rule(
        names.size() <= MAX_STAKEHOLDERS, STAKEHOLDER_NAMES, "利益相关方不能超过" + MAX_STAKEHOLDERS + "位");
    for (String name : names) {
      check.rule(
          name.length() <= NAME_MAX_LENGTH,
          STAKEHOLDER_NAMES,
          "每位利益相关方的名称不能超过" + NAME_MAX_LENGTH + "个字：" + name);
    }
    return names;
  }
}
