package cn.yishi.deliberation;

import static cn.yishi.deliberation.HardDeliberationVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) on hardDeliberation's Task_HearParty (one task per party):
 * requires the party's opinion and adds it to {@value HardDeliberationVariables#PARTY_OPINIONS}
 * on the process instance (a JSON array of {party, opinion, round}, the variable type Tasklist
 * hands to a Camunda Form as data), so that drafting the plan shows every opinion heard; {@link
 * #addDepartmentViews} adds the summoned departments' views. Parallel
 * hearings that complete at the same moment conflict on that list; the engine's optimistic
 * locking then refuses one, which is simply completed again.
 */
@DiagramCallable
@Component("hardPartyHearing")
public class HardPartyHearing implements TaskListener {

  static final int MAX_OPINION = 2000;

  @Override
  public void notify(DelegateTask task) {
    Object opinion = task.getVariable(PARTY_OPINION);
    if (opinion == null || opinion.toString().isBlank()) {
      throw new InvalidStepInputException(PARTY_OPINION, "请记录该利益相关方的意见");
    }
    if (opinion.toString().length() > MAX_OPINION) {
      throw new InvalidStepInputException(PARTY_OPINION, "意见记录不能超过" + MAX_OPINION + "字");
    }
    Map<String, Object> heard = new LinkedHashMap<>();
    heard.put("party", String.valueOf(task.getVariable(STAKEHOLDER)));
    heard.put("opinion", opinion.toString().trim());
    Object round = task.getVariable(DELIBERATION_ROUND);
    heard.put("round", round instanceof Number number ? number.intValue() : 1);

    DelegateExecution instance = task.getExecution().getProcessInstance();
    SpinJsonNode opinions = opinionsOf(instance);
    opinions.append(Spin.JSON(heard));
    instance.setVariable(PARTY_OPINIONS, opinions);
  }

  /**
   * End listener of Call_HearDepartments ({@code ${hardPartyHearing.addDepartmentViews(execution)}}):
   * the views the summoned departments gave ({@value HardDeliberationVariables#DEPARTMENT_VIEWS},
   * departmentSummons' output) join {@value HardDeliberationVariables#PARTY_OPINIONS} with this
   * round, so that drafting the plan shows the departments' views beside the parties'.
   */
  public void addDepartmentViews(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    Object round = instance.getVariable(DELIBERATION_ROUND);
    SpinJsonNode opinions = opinionsOf(instance);
    if (instance.getVariable(DEPARTMENT_VIEWS) instanceof SpinJsonNode views && views.isArray()) {
      for (SpinJsonNode view : views.elements()) {
        Map<String, Object> heard = new LinkedHashMap<>();
        heard.put("party", view.hasProp("party") ? view.prop("party").stringValue() : "职能部门");
        heard.put("opinion", view.hasProp("opinion") ? view.prop("opinion").stringValue() : "");
        heard.put("round", round instanceof Number number ? number.intValue() : 1);
        opinions.append(Spin.JSON(heard));
      }
    }
    instance.setVariable(PARTY_OPINIONS, opinions);
    instance.removeVariable(DEPARTMENT_VIEWS);
  }

  private static SpinJsonNode opinionsOf(DelegateExecution instance) {
    return instance.getVariable(PARTY_OPINIONS) instanceof SpinJsonNode earlier && earlier.isArray()
        ? earlier
        : Spin.JSON("[]");
  }
}
