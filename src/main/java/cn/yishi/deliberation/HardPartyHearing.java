package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.DEPARTMENT_VIEWS;
import static cn.yishi.common.CommonVariables.ROUND;
import static cn.yishi.common.CommonVariables.STAKEHOLDER;
import static cn.yishi.deliberation.HardDeliberationProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepCheck;
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
 * requires the party's opinion and adds it to partyOpinions on the process instance (a JSON array
 * of {party, opinion, round}, the variable type Tasklist hands to a Camunda Form as data), so that
 * drafting the plan shows every opinion heard; {@link #addDepartmentViews} adds the summoned
 * departments' views. Parallel hearings that complete at the same moment conflict on that list; the
 * engine's optimistic locking then refuses one, which is simply completed again.
 */
@DiagramCallable
@Component("hardPartyHearing")
public class HardPartyHearing implements TaskListener {

  static final int MAX_OPINION = 2000;

  @Override
  public void notify(DelegateTask task) {
    String opinion =
        StepCheck.of(task)
            .requiredText(
                PARTY_OPINION, MAX_OPINION, "请记录该利益相关方的意见", "意见记录" + "不能超过" + MAX_OPINION + "字");
    DelegateExecution instance = task.getExecution().getProcessInstance();
    SpinJsonNode opinions = opinionsOf(PARTY_OPINIONS.get(instance));
    opinions.append(
        Spin.JSON(
            heard(String.valueOf(STAKEHOLDER.get(task)), opinion, DELIBERATION_ROUND.get(task))));
    PARTY_OPINIONS.set(instance, opinions);
  }

  /**
   * End listener of Call_HearDepartments ({@code
   * ${hardPartyHearing.addDepartmentViews(execution)}}): the views the summoned departments gave
   * (departmentViews, departmentSummons' output) join partyOpinions with this round, so that
   * drafting the plan shows the departments' views beside the parties'.
   */
  public void addDepartmentViews(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    PARTY_OPINIONS.set(
        instance,
        withViews(
            opinionsOf(PARTY_OPINIONS.get(instance)),
            DEPARTMENT_VIEWS.get(instance),
            DELIBERATION_ROUND.get(instance)));
    DEPARTMENT_VIEWS.remove(instance);
  }

  /** The opinions heard with the departments' views of {@code round} added. */
  static SpinJsonNode withViews(SpinJsonNode opinions, Object views, Integer round) {
    if (views instanceof SpinJsonNode list && list.isArray()) {
      for (SpinJsonNode view : list.elements()) {
        String party = view.hasProp(PARTY.name()) ? view.prop(PARTY.name()).stringValue() : "职能部门";
        String opinion =
            view.hasProp(OPINION.name()) ? view.prop(OPINION.name()).stringValue() : "";
        opinions.append(Spin.JSON(heard(party, opinion, round)));
      }
    }
    return opinions;
  }

  private static Map<String, Object> heard(String party, String opinion, Integer round) {
    Map<String, Object> heard = new LinkedHashMap<>();
    heard.put(PARTY.name(), party);
    heard.put(OPINION.name(), opinion);
    heard.put(ROUND.name(), round == null ? 1 : round);
    return heard;
  }

  private static SpinJsonNode opinionsOf(Object earlier) {
    return earlier instanceof SpinJsonNode list && list.isArray() ? list : Spin.JSON("[]");
  }
}
