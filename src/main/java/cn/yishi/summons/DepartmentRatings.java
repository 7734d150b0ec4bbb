package cn.yishi.summons;

import static cn.yishi.common.CommonVariables.SUMMONED_DEPARTMENTS;
import static cn.yishi.common.CommonVariables.SUMMONING_UNIT;
import static cn.yishi.common.CommonVariables.SUMMONS_TASK;
import static cn.yishi.summons.DepartmentSummonsProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * The bean {@code departmentRatings} of {@code departmentSummons} (吹哨报到): records the summons when
 * the process starts ({@code ${departmentRatings.summon(execution)}}) and each department's part
 * once the summoning level has rated it ({@code ${departmentRatings.record(execution)}}), through
 * {@link SummonsService}. The proposal's number is the process's business key.
 */
@DiagramCallable
@Component("departmentRatings")
public class DepartmentRatings {

  private final SummonsService summonses;
  private final OrganisationService organisation;

  public DepartmentRatings(SummonsService summonses, OrganisationService organisation) {
    this.summonses = summonses;
    this.organisation = organisation;
  }

  /**
   * The department's Chinese name for the forms ({@code
   * ${departmentRatings.departmentName(department)}}).
   */
  public String departmentName(String code) {
    return organisation.department(code).name();
  }

  /**
   * Records the summons, keeps its id in {@code summonsId}, and the departments as a plain list.
   */
  public void summon(DelegateExecution execution) {
    // the caller may pass a list, a JSON array or codes separated by commas
    List<String> departments =
        DepartmentCodes.of(execution.getVariable(SUMMONED_DEPARTMENTS.name()));
    String id =
        summonses.summon(
            execution.getProcessBusinessKey(),
            SUMMONING_UNIT.get(execution),
            departments,
            SUMMONS_TASK.get(execution),
            currentUser(),
            execution.getProcessInstanceId());
    SUMMONS_ID.set(execution, id);
    // the multi-instance iterates a real list, whatever shape the caller passed
    SUMMONED_DEPARTMENTS.set(execution, new ArrayList<>(departments));
  }

  /** Records one department's part as rated (the variables local to its subprocess instance). */
  public void record(DelegateExecution execution) {
    summonses.record(
        new SummonsService.RatedPart(
            SUMMONS_ID.get(execution),
            execution.getProcessBusinessKey(),
            DEPARTMENT.get(execution),
            SUMMONING_UNIT.get(execution),
            Boolean.TRUE.equals(REPORT_IN_OVERDUE.get(execution)),
            REPORTED_IN_AT.get(execution),
            REPORTED_IN_BY.get(execution),
            DONE_AT.get(execution),
            DONE_BY.get(execution),
            DEPARTMENT_WORK.get(execution),
            DEPARTMENT_VIEW.get(execution),
            DepartmentRating.parse(DEPARTMENT_RATING.get(execution)),
            DEPARTMENT_RATING_COMMENT.get(execution),
            RATED_BY.get(execution),
            RATED_AT.get(execution)));
  }

  /**
   * Task_RequestRedo: the summoning unit rated the department dissatisfied, so it is asked to redo
   * its part, once ({@code redoRequested}, local to the department's subprocess instance). The
   * dissatisfied rating stays recorded; the next rating is final.
   */
  public void requestRedo(DelegateExecution execution) {
    if (Boolean.TRUE.equals(REDO_REQUESTED.get(execution))) {
      throw new IllegalStateException(
          "department "
              + DEPARTMENT.get(execution)
              + " was already asked to redo its part (proposal "
              + execution.getProcessBusinessKey()
              + ")");
    }
    REDO_REQUESTED.set(execution, true);
  }

  /** The authenticated user of the current engine command, if any. */
  static String currentUser() {
    CommandContext context = Context.getCommandContext();
    return context == null ? null : context.getAuthenticatedUserId();
  }
}
