package cn.yishi.proposal;

import static cn.yishi.common.CommonVariables.IMPLEMENTER;
import static cn.yishi.common.CommonVariables.REJECTION_REASON;
import static cn.yishi.common.CommonVariables.RESOLUTION;
import static cn.yishi.common.CommonVariables.SUMMONED_DEPARTMENTS;
import static cn.yishi.proposal.ProposalLifecycleProcess.CLASSIFICATION_BEFORE;
import static cn.yishi.proposal.ProposalLifecycleProcess.CLASSIFICATION_CORRECTED;
import static cn.yishi.proposal.ProposalLifecycleProcess.CLASSIFYING;
import static cn.yishi.proposal.ProposalLifecycleProcess.CORRECTION_REASON;
import static cn.yishi.proposal.ProposalLifecycleProcess.EXCLUSION;
import static cn.yishi.proposal.ProposalLifecycleProcess.MATTER_SCOPE;
import static cn.yishi.proposal.ProposalLifecycleProcess.ORDER_DEPARTMENT;
import static cn.yishi.proposal.ProposalLifecycleProcess.SELF_HELP_GUIDANCE;
import static cn.yishi.proposal.ProposalLifecycleProcess.SORTED;
import static cn.yishi.proposal.ProposalLifecycleProcess.SORTING_NOTE;
import static cn.yishi.proposal.ProposalLifecycleProcess.SUBMITTED_AT;
import static cn.yishi.proposal.ProposalLifecycleProcess.SUBMITTED_AT_TEXT;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.FormLabels;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.common.StepActor;
import cn.yishi.common.StepCheck;
import cn.yishi.common.Variable;
import cn.yishi.organisation.OrganisationService;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The sorting task (分拣). On create it keeps what the classifying fields were (and gives the form
 * the submission time to show); on complete it checks what the caseworker entered, records each
 * correction (old value, new value, reason, who, when) and tells the diagram whether the tables
 * must run again. Refuses, in Chinese: a correction without a reason, an invalid value, an
 * exclusion without the reason told to the submitter, a department order without a department, a
 * household matter without guidance.
 */
@DiagramCallable
@Component("sortingCheck")
public class SortingCheck implements TaskListener {

  /** As the sorting form allows (correctionReason, sortingNote). */
  static final int MAX_TEXT = 1000;

  static final int MAX_CODE = 100;

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ProposalFields fields;
  private final CorrectionRecords corrections;
  private final OrganisationService organisation;

  public SortingCheck(
      ProposalFields fields, CorrectionRecords corrections, OrganisationService organisation) {
    this.fields = fields;
    this.corrections = corrections;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> before = new HashMap<>();
      for (Variable<?> field : CLASSIFYING) {
        before.put(field.name(), ProposalFields.comparable(task.getVariable(field.name())));
      }
      CLASSIFICATION_BEFORE.setLocal(task, before);
      SUBMITTED_AT_TEXT.setLocal(task, shown(SUBMITTED_AT.get(task)));
      CORRECTION_REASON.set(task.getExecution(), null);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      try {
        complete(task);
      } catch (InvalidProposalException e) {
        throw e;
      } catch (InvalidStepInputException e) {
        // one kind of refusal for the proposal's fields, at intake and at sorting
        throw new InvalidProposalException(List.of(new FieldError(e.field(), e.getMessage())));
      }
    }
  }

  /**
   * When the proposal was submitted, as the sorting form shows it (business time: 2026-05-04
   * 09:30).
   */
  static String shown(String submittedAt) {
    if (submittedAt == null) {
      return null;
    }
    try {
      return SHOWN.format(OffsetDateTime.parse(submittedAt));
    } catch (DateTimeParseException e) {
      return submittedAt;
    }
  }

  /**
   * "议题由“整治类：噪声”改为“社区服务类：文体”，须写明理由": named "更正理由" by the form's label (see {@link
   * InvalidStepInputException}).
   */
  static String correctionWithoutReason(List<String> changes) {
    return String.join("；", changes) + "，须写明理由";
  }

  private void complete(DelegateTask task) {
    StepCheck check = StepCheck.of(task);
    Map<String, Object> before = CLASSIFICATION_BEFORE.getLocal(task);
    String reason = check.optionalText(CORRECTION_REASON, MAX_TEXT);
    List<Correction> made = new ArrayList<>();
    String number = ProposalLifecycleProcess.number(task.getExecution());
    String actor = StepActor.of(task).orElse("system");
    Map<Variable<?>, Object> corrected = new LinkedHashMap<>();
    List<String> changes = new ArrayList<>();
    for (Variable<?> field : CLASSIFYING) {
      Object now = check.raw(field);
      String old = before == null ? null : (String) before.get(field.name());
      if (old != null && old.equals(ProposalFields.comparable(now))) {
        continue;
      }
      Object normalised = fields.checkCorrection(field, now);
      corrected.put(field, normalised);
      changes.add(FormLabels.shipped().change(field.name(), old, normalised));
    }
    check.rule(
        reason != null || corrected.isEmpty(), CORRECTION_REASON, correctionWithoutReason(changes));
    corrected.forEach(
        (field, normalised) -> {
          task.setVariable(field.name(), normalised);
          String old = before == null ? null : (String) before.get(field.name());
          made.add(
              new Correction(
                  number,
                  field.name(),
                  old,
                  ProposalFields.comparable(normalised),
                  reason,
                  actor,
                  CorrectionRecords.now()));
        });
    String given = check.optionalText(EXCLUSION, MAX_CODE);
    String exclusion = given == null ? "NONE" : given;
    check.rule(ProposalFields.EXCLUSIONS.contains(exclusion), EXCLUSION, "请从列表中选择");
    EXCLUSION.set(task, exclusion);
    String note = check.optionalText(SORTING_NOTE, MAX_TEXT);
    boolean deliberated = "NONE".equals(exclusion);
    check.rule(deliberated || note != null, SORTING_NOTE, "不予协商的事项须说明理由和去向，告知提案人");
    if ("DEPARTMENT_DUTY".equals(exclusion)) {
      String department = check.optionalText(ORDER_DEPARTMENT, MAX_CODE);
      check.rule(
          department != null && organisation.findDepartment(department).isPresent(),
          ORDER_DEPARTMENT,
          "转职能部门办理须选择承办部门");
      IMPLEMENTER.set(task, "DEPARTMENTS");
      SUMMONED_DEPARTMENTS.set(task, new ArrayList<>(List.of(department)));
      RESOLUTION.set(task, note);
    }
    check.rule(
        !deliberated
            || !made.isEmpty()
            || !"HOUSEHOLD".equals(MATTER_SCOPE.get(task))
            || note != null,
        SORTING_NOTE,
        "家里事须写明自行解决的指引，告知提案人");
    if (note != null) {
      REJECTION_REASON.set(task, note);
      SELF_HELP_GUIDANCE.set(task, note);
    }
    made.forEach(corrections::add);
    CLASSIFICATION_CORRECTED.set(task, !made.isEmpty());
    SORTED.set(task, true);
  }
}
