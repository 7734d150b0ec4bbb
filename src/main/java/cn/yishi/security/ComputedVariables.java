package cn.yishi.security;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.Variable;
import cn.yishi.deliberation.CourtyardDeliberationProcess;
import cn.yishi.deliberation.DeliberationDayProcess;
import cn.yishi.deliberation.DeliberationMeetingProcess;
import cn.yishi.deliberation.HardDeliberationProcess;
import cn.yishi.deliberation.MajorDeliberationProcess;
import cn.yishi.deliberation.MinorDeliberationProcess;
import cn.yishi.deliberation.UrgentDeliberationProcess;
import cn.yishi.implementation.ImplementationProcess;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.notification.NotificationDeliveryProcess;
import cn.yishi.proposal.ProposalLifecycleProcess;
import cn.yishi.summons.DepartmentSummonsProcess;
import cn.yishi.supervision.SupervisionProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The process variables Yishi computes (numbers, times, the decision tables' results, statuses, the
 * ids of the records it writes, what its listeners derive), per process that computes them. No user
 * sets or changes one of these through any API: {@link ComputedVariablesGuard} refuses it. A user
 * sets what the forms ask for (and what the sorting caseworker corrects, through {@code
 * sortingCheck}), never one of these.
 *
 * <p>Every proposal process receives the lifecycle's variables ({@code <camunda:in
 * variables="all"/>}) and hands its outputs back, so a name computed by one process is protected in
 * every process: the guard uses {@link #names()}, the union. The grouping says who computes what.
 * Names are the boundaries' {@link Variable}s ({@link CommonVariables} for those several processes
 * name); a name still spelled as text waits for its process's boundary.
 */
public final class ComputedVariables {

  private static final Map<String, Set<String>> BY_PROCESS = new LinkedHashMap<>();

  static {
    BY_PROCESS.put(
        ProposalLifecycleProcess.KEY,
        names(
            CommonVariables.NUMBER,
            ProposalLifecycleProcess.SUBMITTED_AT,
            ProposalLifecycleProcess.STATUS,
            // decision results (CONTRACT §3) and what the diagram derives from them
            ProposalLifecycleProcess.CATEGORY,
            ProposalLifecycleProcess.MATTER_SCOPE,
            CommonVariables.TRACK,
            ProposalLifecycleProcess.LEVEL,
            CommonVariables.TIME_LIMITS,
            ProposalLifecycleProcess.ELIGIBLE,
            ProposalLifecycleProcess.ROUTE,
            ProposalLifecycleProcess.ELIGIBILITY_RESULT,
            "responseWithin",
            "resolveWithin",
            "noticePeriod",
            "maxRounds",
            // sorting bookkeeping (sortingCheck)
            ProposalLifecycleProcess.SORTED,
            ProposalLifecycleProcess.CLASSIFICATION_CORRECTED,
            ProposalLifecycleProcess.CLASSIFICATION_BEFORE,
            ProposalLifecycleProcess.SELF_HELP_GUIDANCE,
            // review and the track procedure's results
            ProposalLifecycleProcess.ENTRY_UNIT,
            ProposalLifecycleProcess.REVIEW_UNIT,
            ProposalLifecycleProcess.HANDLING_UNIT,
            ProposalLifecycleProcess.SETTLED_BELOW_HANDLING_LEVEL,
            ProposalLifecycleProcess.SETTLED_BELOW_REASON,
            CommonVariables.RAISED_FROM,
            ProposalLifecycleProcess.SENT_BACK_TO_SORTING,
            ProposalLifecycleProcess.REVIEW_UNIT_NAME,
            ProposalLifecycleProcess.HANDLING_UNIT_NAME,
            CommonVariables.DELIBERATION_UNIT,
            CommonVariables.DELIBERATION_OUTCOME,
            CommonVariables.RESOLUTION,
            CommonVariables.IMPLEMENTATION_OUTCOME,
            ProposalLifecycleProcess.RESOLUTION_OBJECTED,
            CommonVariables.ROUND,
            ProposalLifecycleProcess.CLOSED_UNRATED));
    BY_PROCESS.put(
        DeliberationMeetingProcess.KEY,
        names(
            CommonVariables.MEETING_BODY,
            CommonVariables.MEETING_STEP,
            CommonVariables.MEETING_GROUP,
            CommonVariables.MEETING_OUTCOME,
            CommonVariables.MEETING_RECORD_ID,
            DeliberationMeetingProcess.MEETING_RECORDED_BY,
            CommonVariables.MEETING_STAKEHOLDERS,
            DeliberationMeetingProcess.MEETING_ATTEMPT));
    BY_PROCESS.put(
        MinorDeliberationProcess.KEY,
        names(
            CommonVariables.STAKEHOLDERS,
            CommonVariables.STAKEHOLDER,
            MinorDeliberationProcess.STAKEHOLDER_OPINIONS,
            MinorDeliberationProcess.STAKEHOLDER_OPINION_SUMMARY));
    BY_PROCESS.put(UrgentDeliberationProcess.KEY, names(UrgentDeliberationProcess.MAY_CLOSE));
    BY_PROCESS.put(MajorDeliberationProcess.KEY, names(CommonVariables.LAST_MEETING_STEP));
    BY_PROCESS.put(
        HardDeliberationProcess.KEY,
        names(
            HardDeliberationProcess.DELIBERATION_ROUND,
            HardDeliberationProcess.PARTY_OPINIONS,
            CommonVariables.DEPARTMENT_VIEWS));
    BY_PROCESS.put(
        ImplementationProcess.KEY,
        names(
            CommonVariables.RESULT_RECORD_ID,
            ImplementationProcess.RESULT_RECORDED_BY,
            ImplementationProcess.DEPARTMENT_OPTIONS,
            ImplementationProcess.PART));
    BY_PROCESS.put(
        PublicNoticeProcess.KEY,
        names(
            CommonVariables.NOTICE_KIND,
            CommonVariables.NOTICE_CONTENT,
            CommonVariables.NOTICE_ID,
            PublicNoticeProcess.NOTICE_UNTIL,
            CommonVariables.NOTICE_OUTCOME,
            PublicNoticeProcess.OBJECTION_ROUND,
            PublicNoticeProcess.OBJECTION_JUDGE_UNIT,
            PublicNoticeProcess.OBJECTION_ID,
            PublicNoticeProcess.OBJECTOR_NAME,
            PublicNoticeProcess.OBJECTION_TEXT,
            PublicNoticeProcess.JUDGED_OBJECTION_ID));
    BY_PROCESS.put(
        DepartmentSummonsProcess.KEY,
        names(
            CommonVariables.SUMMONING_UNIT,
            DepartmentSummonsProcess.SUMMONS_ID,
            DepartmentSummonsProcess.DEPARTMENT,
            DepartmentSummonsProcess.DEPARTMENT_NAME,
            DepartmentSummonsProcess.SUMMONING_UNIT_NAME,
            DepartmentSummonsProcess.REPORTED_IN_AT,
            DepartmentSummonsProcess.REPORTED_IN_BY,
            DepartmentSummonsProcess.REPORT_IN_OVERDUE,
            DepartmentSummonsProcess.DONE_AT,
            DepartmentSummonsProcess.DONE_BY,
            DepartmentSummonsProcess.RATED_AT,
            DepartmentSummonsProcess.RATED_BY,
            DepartmentSummonsProcess.REDO_REQUESTED,
            CommonVariables.SUMMONS_PURPOSE,
            CommonVariables.DEPARTMENT_VIEWS));
    BY_PROCESS.put(
        SupervisionProcess.KEY,
        names(
            SupervisionProcess.SUPERVISING_UNIT,
            SupervisionProcess.SUPERVISING_UNIT_NAME,
            SupervisionProcess.SUPERVISED_UNIT,
            SupervisionProcess.SUPERVISED_UNIT_NAME,
            SupervisionProcess.SUPERVISED_GROUP,
            SupervisionProcess.SUPERVISED_TASK_ID,
            SupervisionProcess.SUPERVISED_STEP,
            SupervisionProcess.SUPERVISED_DUE,
            SupervisionProcess.SUPERVISED_DUE_TEXT,
            SupervisionProcess.SUPERVISION_KIND,
            SupervisionProcess.SUPERVISION_LEVEL,
            SupervisionProcess.SUPERVISION_SUBJECT,
            SupervisionProcess.ORIGINAL_STEP,
            SupervisionProcess.ORIGINAL_UNIT_NAME,
            SupervisionProcess.ESCALATED_FROM));
    BY_PROCESS.put(
        DeliberationDayProcess.KEY,
        names(
            DeliberationDayProcess.AGENDAS,
            DeliberationDayProcess.AGENDA,
            DeliberationDayProcess.COURTYARD_NAME,
            DeliberationDayProcess.AGENDA_ITEMS,
            DeliberationDayProcess.MATTER_COUNT,
            DeliberationDayProcess.AGENDA_DAY,
            DeliberationDayProcess.AGENDA_OPTIONS,
            DeliberationDayProcess.AGENDA_OUTCOMES));
    // written on each pending courtyardDeliberation by the deliberation day (courtyardAgenda)
    BY_PROCESS.put(
        CourtyardDeliberationProcess.KEY,
        names(
            CourtyardDeliberationProcess.AGENDA_HISTORY,
            CourtyardDeliberationProcess.AGENDA_RECORD));
    BY_PROCESS.put(
        NotificationDeliveryProcess.KEY, names(NotificationDeliveryProcess.NOTIFICATION_ID));
  }

  private static final Set<String> ALL = union();

  private ComputedVariables() {}

  /** Every computed name, whatever the process. */
  public static Set<String> names() {
    return ALL;
  }

  /**
   * The names computed by the given process (empty for a process that computes none of its own).
   */
  public static Set<String> of(String processKey) {
    return BY_PROCESS.getOrDefault(processKey, Set.of());
  }

  public static boolean isComputed(String name) {
    return ALL.contains(name);
  }

  /** Names given as a boundary's {@link Variable} or, until it has one, as text. */
  private static Set<String> names(Object... variables) {
    Set<String> names = new TreeSet<>();
    for (Object variable : variables) {
      names.add(variable instanceof Variable<?> v ? v.name() : (String) variable);
    }
    return java.util.Collections.unmodifiableSet(names);
  }

  private static Set<String> union() {
    Set<String> all = new TreeSet<>();
    BY_PROCESS.values().forEach(all::addAll);
    return java.util.Collections.unmodifiableSet(all);
  }
}
