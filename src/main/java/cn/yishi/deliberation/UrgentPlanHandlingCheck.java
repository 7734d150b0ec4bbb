package cn.yishi.deliberation;

import static cn.yishi.deliberation.UrgentDeliberationVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.organisation.Units;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on urgentDeliberation's Task_HandleRejectedUrgentPlan (DOMAIN "A safety hazard is
 * never closed by one failed vote"). On create it offers CLOSE only where closing is allowed: at a
 * level the matter was raised to ({@code raisedFrom} set), or at the district, which has no level
 * above. On complete: REVISE needs the revised plan, RAISE a reason and a level above, CLOSE the
 * reason the submitter is told; the checks hold for the REST API as for the form.
 */
@DiagramCallable
@Component("urgentPlanHandlingCheck")
public class UrgentPlanHandlingCheck implements TaskListener {

  static final Set<String> CHOICES = Set.of("REVISE", "RAISE", "CLOSE");
  static final int MAX_TEXT = 1000;

  private final Units units;

  public UrgentPlanHandlingCheck(Units units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    String unit = (String) task.getVariable(DELIBERATION_UNIT);
    boolean mayClose = task.getVariable(RAISED_FROM) != null || !units.hasAbove(unit);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(MAY_CLOSE, mayClose);
      task.getExecution().setVariable(URGENT_PLAN_HANDLING, null);
      return;
    }
    Object choice = task.getVariable(URGENT_PLAN_HANDLING);
    if (choice == null || !CHOICES.contains(choice.toString())) {
      throw new InvalidStepInputException(URGENT_PLAN_HANDLING, "请选择：修改方案再次快议、上报上一级或不予处理");
    }
    switch (choice.toString()) {
      case "REVISE" -> text(task, MEETING_PLAN, "请写明修改后的方案", PlanCheck.PLAN_MAX_LENGTH);
      case "RAISE" -> {
        if (!units.hasAbove(unit)) {
          throw new InvalidStepInputException(URGENT_PLAN_HANDLING, units.name(unit) + "已是最高层级，不能再上报");
        }
        text(task, RAISE_REASON, "请写明上报上一级的理由", MAX_TEXT);
      }
      default -> {
        if (!mayClose) {
          throw new InvalidStepInputException(
              URGENT_PLAN_HANDLING, "急事方案未通过时，本级只能修改方案或上报上一级；只有上一级可以不予处理");
        }
        text(task, REJECTION_REASON, "请写明不予处理的理由，理由将告知提案人", MAX_TEXT);
      }
    }
  }

  private static void text(DelegateTask task, String field, String missing, int max) {
    Object value = task.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidStepInputException(field, missing);
    }
    if (value.toString().length() > max) {
      throw new InvalidStepInputException(field, "不能超过" + max + "字");
    }
  }
}
