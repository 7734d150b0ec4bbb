package cn.yishi.summons;

import static cn.yishi.summons.SummonsVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.organisation.OrganisationService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The bean {@code departmentRatings} of {@code departmentSummons} (吹哨报到): records the summons
 * when the process starts ({@code ${departmentRatings.summon(execution)}}) and each department's
 * report-in, work and rating once the summoning level has rated it ({@code
 * ${departmentRatings.record(execution)}}). Both write in the engine step's transaction.
 */
@DiagramCallable
@Component("departmentRatings")
public class DepartmentRatings {

  private final SummonsRepository repository;
  private final OrganisationService organisation;

  public DepartmentRatings(SummonsRepository repository, OrganisationService organisation) {
    this.repository = repository;
    this.organisation = organisation;
  }

  /** The department's Chinese name for the forms ({@code ${departmentRatings.departmentName(department)}}). */
  public String departmentName(String code) {
    return organisation.department(code).name();
  }

  /**
   * Records who summoned which departments for what, and keeps the record's id in {@value
   * SummonsVariables#SUMMONS_ID}. Refuses a summons without departments or summoning unit: the
   * multi-instance would otherwise finish at once and nobody would ever report in.
   */
  public void summon(DelegateExecution execution) {
    List<String> departments = DepartmentCodes.of(execution.getVariable(SUMMONED_DEPARTMENTS));
    if (departments.isEmpty()) {
      throw new IllegalArgumentException(
          "departmentSummons started without " + SUMMONED_DEPARTMENTS + " (proposal " + proposalNumber(execution) + ")");
    }
    String summoningUnit = (String) execution.getVariable(SUMMONING_UNIT);
    if (summoningUnit == null || summoningUnit.isBlank()) {
      throw new IllegalArgumentException(
          "departmentSummons started without " + SUMMONING_UNIT + " (proposal " + proposalNumber(execution) + ")");
    }
    SummonsRecord summons =
        new SummonsRecord(
            UUID.randomUUID().toString(),
            proposalNumber(execution),
            summoningUnit,
            departments,
            text(execution.getVariable(SUMMONS_TASK)),
            currentUser(),
            now(),
            execution.getProcessInstanceId());
    repository.insert(summons);
    execution.setVariable(SUMMONS_ID, summons.id());
    // the multi-instance iterates a real list, whatever shape the caller passed
    execution.setVariable(SUMMONED_DEPARTMENTS, new java.util.ArrayList<>(departments));
  }

  /** Records one department's part as rated (the variables local to its subprocess instance). */
  public void record(DelegateExecution execution) {
    DepartmentRating rating = DepartmentRating.parse(execution.getVariable(DEPARTMENT_RATING));
    if (rating == null) {
      throw new IllegalStateException(
          "no " + DEPARTMENT_RATING + " for department " + execution.getVariable(DEPARTMENT));
    }
    repository.insert(
        new DepartmentRatingRecord(
            UUID.randomUUID().toString(),
            (String) execution.getVariable(SUMMONS_ID),
            proposalNumber(execution),
            (String) execution.getVariable(DEPARTMENT),
            (String) execution.getVariable(SUMMONING_UNIT),
            Boolean.TRUE.equals(execution.getVariable(REPORT_IN_OVERDUE)),
            at(execution.getVariable(REPORTED_IN_AT)),
            text(execution.getVariable(REPORTED_IN_BY)),
            at(execution.getVariable(DONE_AT)),
            text(execution.getVariable(DONE_BY)),
            workOrView(execution),
            rating,
            text(execution.getVariable(DEPARTMENT_RATING_COMMENT)),
            text(execution.getVariable(RATED_BY)),
            at(execution.getVariable(RATED_AT))));
  }

  /**
   * Task_RequestRedo: the summoning unit rated the department dissatisfied, so it is asked to redo
   * its part, once ({@value SummonsVariables#REDO_REQUESTED}, local to the department's
   * subprocess instance). The dissatisfied rating stays recorded; the next rating is final.
   */
  public void requestRedo(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable(REDO_REQUESTED))) {
      throw new IllegalStateException(
          "department " + execution.getVariable(DEPARTMENT) + " was already asked to redo its part (proposal "
              + proposalNumber(execution) + ")");
    }
    execution.setVariable(REDO_REQUESTED, true);
  }

  /** What the department did, or (summoned for its view) the view it gave. */
  private static String workOrView(DelegateExecution execution) {
    String work = text(execution.getVariable(DEPARTMENT_WORK));
    if (work != null) {
      return work;
    }
    String view = text(execution.getVariable(DEPARTMENT_VIEW));
    return view == null ? null : "意见：" + view;
  }

  private static String proposalNumber(DelegateExecution execution) {
    Object number = execution.getVariable(NUMBER);
    return number != null ? number.toString() : execution.getProcessBusinessKey();
  }

  /** The authenticated user of the current engine command, if any. */
  static String currentUser() {
    CommandContext context = Context.getCommandContext();
    return context == null ? null : context.getAuthenticatedUserId();
  }

  static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private static OffsetDateTime at(Object value) {
    if (value instanceof Date date) {
      return OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }
    return null;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }
}
