package cn.yishi.proposal;

import static cn.yishi.proposal.ProposalVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.StepActor;
import cn.yishi.organisation.OrganisationService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The sorting task (分拣). On create it keeps what the classifying fields were; on complete it
 * checks what the caseworker entered, records each correction (old value, new value, reason,
 * who, when) and tells the diagram whether the tables must run again. Refuses, in Chinese: a
 * correction without a reason, an invalid value, an exclusion without the reason told to the
 * submitter, a department order without a department, a household matter without guidance.
 */
@DiagramCallable
@Component("sortingCheck")
public class SortingCheck implements TaskListener {

  private final ProposalFields fields;
  private final CorrectionRecords corrections;
  private final OrganisationService organisation;

  public SortingCheck(ProposalFields fields, CorrectionRecords corrections, OrganisationService organisation) {
    this.fields = fields;
    this.corrections = corrections;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, Object> before = new HashMap<>();
      for (String field : ProposalFields.CLASSIFYING) {
        before.put(field, ProposalFields.comparable(task.getVariable(field)));
      }
      task.setVariableLocal(CLASSIFICATION_BEFORE, before);
      task.getExecution().setVariable(CORRECTION_REASON, null);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task);
    }
  }

  @SuppressWarnings("unchecked")
  private void complete(DelegateTask task) {
    Map<String, Object> before = (Map<String, Object>) task.getVariableLocal(CLASSIFICATION_BEFORE);
    String reason = trimmed(task.getVariable(CORRECTION_REASON));
    List<Correction> made = new ArrayList<>();
    String number = (String) task.getVariable(NUMBER);
    String actor = StepActor.of(task).orElse("system");
    for (String field : ProposalFields.CLASSIFYING) {
      Object now = task.getVariable(field);
      String old = before == null ? null : (String) before.get(field);
      if (old != null && old.equals(ProposalFields.comparable(now))) {
        continue;
      }
      Object normalised = fields.checkCorrection(field, now);
      if (reason == null) {
        throw new InvalidProposalException(
            List.of(new FieldError(CORRECTION_REASON, "更正了“" + field + "”（" + old + " → " + ProposalFields.comparable(now) + "），须填写更正理由")));
      }
      task.setVariable(field, normalised);
      made.add(new Correction(number, field, old, ProposalFields.comparable(normalised), reason, actor, CorrectionRecords.now()));
    }
    String exclusion = trimmed(task.getVariable(EXCLUSION));
    if (exclusion == null) {
      exclusion = "NONE";
    }
    if (!ProposalFields.EXCLUSIONS.contains(exclusion)) {
      throw new InvalidProposalException(List.of(new FieldError(EXCLUSION, "取值“" + exclusion + "”无效")));
    }
    task.setVariable(EXCLUSION, exclusion);
    String note = trimmed(task.getVariable(SORTING_NOTE));
    if (!"NONE".equals(exclusion) && note == null) {
      throw new InvalidProposalException(
          List.of(new FieldError(SORTING_NOTE, "不予协商的事项须说明理由和去向，告知提案人")));
    }
    if ("DEPARTMENT_DUTY".equals(exclusion)) {
      String department = trimmed(task.getVariable(ORDER_DEPARTMENT));
      if (department == null || organisation.findDepartment(department).isEmpty()) {
        throw new InvalidProposalException(
            List.of(new FieldError(ORDER_DEPARTMENT, "转职能部门办理须选择承办部门")));
      }
      task.setVariable(IMPLEMENTER, "DEPARTMENTS");
      task.setVariable(SUMMONED_DEPARTMENTS, new ArrayList<>(List.of(department)));
      task.setVariable(RESOLUTION, note);
    }
    if ("NONE".equals(exclusion) && made.isEmpty() && "HOUSEHOLD".equals(task.getVariable(MATTER_SCOPE)) && note == null) {
      throw new InvalidProposalException(
          List.of(new FieldError(SORTING_NOTE, "家里事须写明自行解决的指引，告知提案人")));
    }
    if (note != null) {
      task.setVariable(REJECTION_REASON, note);
      task.setVariable(SELF_HELP_GUIDANCE, note);
    }
    made.forEach(corrections::add);
    task.setVariable(CLASSIFICATION_CORRECTED, !made.isEmpty());
    task.setVariable(SORTED, true);
  }

  static String trimmed(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString().trim();
  }
}
