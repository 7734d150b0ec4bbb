package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.DELIBERATION_UNIT;
import static cn.yishi.common.CommonVariables.MEETING_PLAN;
import static cn.yishi.common.CommonVariables.RAISED_FROM;
import static cn.yishi.common.CommonVariables.RAISE_REASON;
import static cn.yishi.common.CommonVariables.REJECTION_REASON;
import static cn.yishi.deliberation.UrgentDeliberationProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
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

  static final Set<String> CHOICES = Set.of(REVISE, RAISE, CLOSE);
  static final int MAX_TEXT = 1000;

  private final Units units;

  public UrgentPlanHandlingCheck(Units units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    String unit = DELIBERATION_UNIT.get(task);
    boolean mayClose = RAISED_FROM.isSet(task) || !units.hasAbove(unit);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      MAY_CLOSE.setLocal(task, mayClose);
      URGENT_PLAN_HANDLING.set(task.getExecution(), null);
      return;
    }
    StepCheck check = StepCheck.of(task);
    String choice = check.oneOf(URGENT_PLAN_HANDLING, CHOICES, "请选择：修改方案再次快议、上报上一级或不予处理");
    switch (choice) {
      case REVISE ->
          check.requiredText(
              MEETING_PLAN,
              PlanCheck.PLAN_MAX_LENGTH,
              "请写明修改后的方案",
              "不能超过" + PlanCheck.PLAN_MAX_LENGTH + "字");
      case RAISE -> {
        check.rule(units.hasAbove(unit), URGENT_PLAN_HANDLING, units.name(unit) + "已是最高层级，不能再上报");
        check.requiredText(RAISE_REASON, MAX_TEXT, "请写明上报上一级的理由", "不能超过" + MAX_TEXT + "字");
      }
      default -> {
        check.rule(mayClose, URGENT_PLAN_HANDLING, "急事方案未通过时，本级只能修改方案或上报上一级；只有上一级可以不予处理");
        check.requiredText(
            REJECTION_REASON, MAX_TEXT, "请写明不予处理的理由，理由将告知提案人", "不能超过" + MAX_TEXT + "字");
      }
    }
  }
}
