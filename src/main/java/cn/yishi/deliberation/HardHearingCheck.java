package cn.yishi.deliberation;

import static cn.yishi.deliberation.HardDeliberationVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.organisation.Units;
import cn.yishi.summons.DepartmentCodes;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on hardDeliberation's Task_IdentifyParties: who is heard in a
 * round besides the parties. Refuses department codes the organisation does not know and a summons
 * without what the departments are asked about, and stores {@value
 * HardDeliberationVariables#SUMMONED_DEPARTMENTS} as a list (a Tasklist checklist submits JSON)
 * for the gateway and departmentSummons' multi-instance. {@link HardNextStepCheck} applies the same
 * rules to the hearing of a further round, where naming no party at all is allowed.
 */
@DiagramCallable
@Component("hardHearingCheck")
public class HardHearingCheck implements TaskListener {

  static final int MAX_TASK = 2000;

  private final Units units;

  public HardHearingCheck(Units units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    departmentsToHear(task);
  }

  /** Checks and stores the departments summoned to give their view, and what they are asked. */
  void departmentsToHear(DelegateTask task) {
    List<String> departments = DepartmentCodes.of(task.getVariable(SUMMONED_DEPARTMENTS));
    List<String> known = units.departmentCodes();
    for (String code : departments) {
      if (!known.contains(code)) {
        throw new InvalidStepInputException(SUMMONED_DEPARTMENTS, "未知的职能部门：" + code);
      }
    }
    Object summonsTask = task.getVariable(SUMMONS_TASK);
    if (!departments.isEmpty() && (summonsTask == null || summonsTask.toString().isBlank())) {
      throw new InvalidStepInputException(SUMMONS_TASK, "召集职能部门发表意见时，请写明请其发表意见的事项");
    }
    if (summonsTask != null && summonsTask.toString().length() > MAX_TASK) {
      throw new InvalidStepInputException(SUMMONS_TASK, "召集事项不能超过" + MAX_TASK + "字");
    }
    task.setVariable(SUMMONED_DEPARTMENTS, new ArrayList<>(departments));
  }
}
