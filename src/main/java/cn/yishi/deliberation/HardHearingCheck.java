package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.SUMMONED_DEPARTMENTS;
import static cn.yishi.common.CommonVariables.SUMMONS_TASK;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
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
 * without what the departments are asked about, and stores summonedDepartments as a list (a
 * Tasklist checklist submits JSON) for the gateway and departmentSummons' multi-instance. {@link
 * HardNextStepCheck} applies the same rules to the hearing of a further round, where naming no
 * party at all is allowed.
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
    SUMMONED_DEPARTMENTS.set(task, departmentsToHear(StepCheck.of(task)));
  }

  /** Checks the departments summoned to give their view, and what they are asked; returns them. */
  List<String> departmentsToHear(StepCheck check) {
    List<String> departments = DepartmentCodes.of(check.raw(SUMMONED_DEPARTMENTS));
    List<String> known = units.departmentCodes();
    for (String code : departments) {
      check.rule(known.contains(code), SUMMONED_DEPARTMENTS, "未知的职能部门：" + code);
    }
    if (!departments.isEmpty()) {
      check.requiredText(
          SUMMONS_TASK, MAX_TASK, "召集职能部门发表意见时，请写明请其发表意见的事项", "召集事项" + "不能超过" + MAX_TASK + "字");
    }
    Object summonsTask = check.raw(SUMMONS_TASK);
    check.rule(
        summonsTask == null || summonsTask.toString().length() <= MAX_TASK,
        SUMMONS_TASK,
        "召集事项不能超过" + MAX_TASK + "字");
    return new ArrayList<>(departments);
  }
}
