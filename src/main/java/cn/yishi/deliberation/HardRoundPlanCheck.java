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
 * Task listener ({@code complete}) on hardDeliberation's Task_PrepareRound: requires the plan,
 * refuses department codes the organisation does not know and a summons without what the
 * departments are called for, and stores {@value HardDeliberationVariables#SUMMONED_DEPARTMENTS}
 * as a list (a Tasklist checklist submits JSON) for the gateway and departmentSummons'
 * multi-instance.
 */
@DiagramCallable
@Component("hardRoundPlanCheck")
public class HardRoundPlanCheck implements TaskListener {

  static final int MAX_PLAN = 5000;
  static final int MAX_TASK = 2000;

  private final Units units;

  public HardRoundPlanCheck(Units units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    Object plan = task.getVariable(MEETING_PLAN);
    if (plan == null || plan.toString().isBlank()) {
      throw new InvalidStepInputException(MEETING_PLAN, "请填写提交协商会议的方案");
    }
    if (plan.toString().length() > MAX_PLAN) {
      throw new InvalidStepInputException(MEETING_PLAN, "协商方案不能超过" + MAX_PLAN + "字");
    }
    List<String> departments = DepartmentCodes.of(task.getVariable(SUMMONED_DEPARTMENTS));
    List<String> known = units.departmentCodes();
    for (String code : departments) {
      if (!known.contains(code)) {
        throw new InvalidStepInputException(SUMMONED_DEPARTMENTS, "未知的职能部门：" + code);
      }
    }
    Object summonsTask = task.getVariable(SUMMONS_TASK);
    if (!departments.isEmpty() && (summonsTask == null || summonsTask.toString().isBlank())) {
      throw new InvalidStepInputException(SUMMONS_TASK, "召集职能部门报到时，请写明召集事项");
    }
    if (summonsTask != null && summonsTask.toString().length() > MAX_TASK) {
      throw new InvalidStepInputException(SUMMONS_TASK, "召集事项不能超过" + MAX_TASK + "字");
    }
    task.setVariable(SUMMONED_DEPARTMENTS, new ArrayList<>(departments));
  }
}
