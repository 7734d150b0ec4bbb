package cn.yishi.security;

import cn.yishi.deliberation.CourtyardDeliberationVariables;
import cn.yishi.deliberation.DeliberationDayVariables;
import cn.yishi.deliberation.HardDeliberationVariables;
import cn.yishi.deliberation.MajorDeliberationVariables;
import cn.yishi.deliberation.MeetingVariables;
import cn.yishi.deliberation.MinorDeliberationVariables;
import cn.yishi.deliberation.TrackProcedureVariables;
import cn.yishi.deliberation.UrgentDeliberationVariables;
import cn.yishi.common.CommonVariables;
import cn.yishi.implementation.ImplementationProcess;
import cn.yishi.notice.PublicNoticeProcess;
import cn.yishi.notification.NotificationDeliveryProcess;
import cn.yishi.proposal.ProposalStatusVariables;
import cn.yishi.proposal.ProposalVariables;
import cn.yishi.summons.DepartmentSummonsProcess;
import cn.yishi.supervision.SupervisionProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The process variables Yishi computes (numbers, times, the decision tables' results, statuses,
 * the ids of the records it writes, what its listeners derive), per process that computes them.
 * No user sets or changes one of these through any API: {@link ComputedVariablesGuard} refuses it.
 * A user sets what the forms ask for (and what the sorting caseworker corrects, through
 * {@code sortingCheck}), never one of these.
 *
 * <p>Every proposal process receives the lifecycle's variables ({@code <camunda:in
 * variables="all"/>}) and hands its outputs back, so a name computed by one process is protected
 * in every process: the guard uses {@link #names()}, the union. The grouping says who computes
 * what.
 */
public final class ComputedVariables {

  private static final Map<String, Set<String>> BY_PROCESS = new LinkedHashMap<>();

  static {
    BY_PROCESS.put(
        ProposalVariables.PROCESS_KEY,
        Set.of(
            ProposalVariables.NUMBER,
            ProposalStatusVariables.SUBMITTED_AT,
            ProposalVariables.STATUS,
            // decision results (CONTRACT §3) and what the diagram derives from them
            ProposalVariables.CATEGORY,
            ProposalVariables.MATTER_SCOPE,
            ProposalVariables.TRACK,
            ProposalVariables.LEVEL,
            ProposalVariables.TIME_LIMITS,
            ProposalVariables.ELIGIBLE,
            ProposalVariables.ROUTE,
            "eligibilityResult",
            "responseWithin",
            "resolveWithin",
            "noticePeriod",
            HardDeliberationVariables.MAX_ROUNDS,
            // sorting bookkeeping (sortingCheck)
            ProposalVariables.SORTED,
            ProposalVariables.CLASSIFICATION_CORRECTED,
            ProposalVariables.CLASSIFICATION_BEFORE,
            ProposalVariables.SELF_HELP_GUIDANCE,
            // review and the track procedure's results
            ProposalVariables.ENTRY_UNIT,
            ProposalVariables.REVIEW_UNIT,
            ProposalVariables.HANDLING_UNIT,
            ProposalVariables.SETTLED_BELOW_HANDLING_LEVEL,
            ProposalVariables.SETTLED_BELOW_REASON,
            ProposalVariables.RAISED_FROM,
            ProposalVariables.SENT_BACK_TO_SORTING,
            ProposalVariables.REVIEW_UNIT_NAME,
            ProposalVariables.HANDLING_UNIT_NAME,
            ProposalVariables.DELIBERATION_UNIT,
            TrackProcedureVariables.DELIBERATION_OUTCOME,
            TrackProcedureVariables.RESOLUTION,
            ProposalVariables.IMPLEMENTATION_OUTCOME,
            ProposalVariables.RESOLUTION_OBJECTED,
            ProposalVariables.ROUND,
            ProposalVariables.CLOSED_UNRATED));
    BY_PROCESS.put(
        MeetingVariables.PROCESS_KEY,
        Set.of(
            MeetingVariables.MEETING_BODY,
            MeetingVariables.MEETING_STEP,
            MeetingVariables.MEETING_GROUP,
            MeetingVariables.MEETING_OUTCOME,
            MeetingVariables.MEETING_RECORD_ID,
            MeetingVariables.MEETING_RECORDED_BY,
            MeetingVariables.MEETING_STAKEHOLDERS,
            MeetingVariables.MEETING_ATTEMPT));
    BY_PROCESS.put(
        MinorDeliberationVariables.PROCESS_KEY,
        Set.of(
            MinorDeliberationVariables.STAKEHOLDERS,
            MinorDeliberationVariables.STAKEHOLDER,
            MinorDeliberationVariables.STAKEHOLDER_OPINIONS,
            MinorDeliberationVariables.STAKEHOLDER_OPINION_SUMMARY));
    BY_PROCESS.put(UrgentDeliberationVariables.PROCESS_KEY, Set.of(UrgentDeliberationVariables.MAY_CLOSE));
    BY_PROCESS.put(MajorDeliberationVariables.PROCESS_KEY, Set.of(MajorDeliberationVariables.LAST_MEETING_STEP));
    BY_PROCESS.put(
        HardDeliberationVariables.PROCESS_KEY,
        Set.of(
            HardDeliberationVariables.DELIBERATION_ROUND,
            HardDeliberationVariables.PARTY_OPINIONS,
            HardDeliberationVariables.DEPARTMENT_VIEWS));
    BY_PROCESS.put(
        ImplementationProcess.KEY,
        Set.of(
            CommonVariables.RESULT_RECORD_ID.name(),
            ImplementationProcess.RESULT_RECORDED_BY.name(),
            ImplementationProcess.DEPARTMENT_OPTIONS.name(),
            ImplementationProcess.PART.name()));
    BY_PROCESS.put(
        PublicNoticeProcess.KEY,
        Set.of(
            CommonVariables.NOTICE_KIND.name(),
            CommonVariables.NOTICE_CONTENT.name(),
            CommonVariables.NOTICE_ID.name(),
            PublicNoticeProcess.NOTICE_UNTIL.name(),
            CommonVariables.NOTICE_OUTCOME.name(),
            PublicNoticeProcess.OBJECTION_ROUND.name(),
            PublicNoticeProcess.OBJECTION_JUDGE_UNIT.name(),
            PublicNoticeProcess.OBJECTION_ID.name(),
            PublicNoticeProcess.OBJECTOR_NAME.name(),
            PublicNoticeProcess.OBJECTION_TEXT.name(),
            PublicNoticeProcess.JUDGED_OBJECTION_ID.name()));
    BY_PROCESS.put(
        DepartmentSummonsProcess.KEY,
        Set.of(
            CommonVariables.SUMMONING_UNIT.name(),
            DepartmentSummonsProcess.SUMMONS_ID.name(),
            DepartmentSummonsProcess.DEPARTMENT.name(),
            DepartmentSummonsProcess.DEPARTMENT_NAME.name(),
            DepartmentSummonsProcess.SUMMONING_UNIT_NAME.name(),
            DepartmentSummonsProcess.REPORTED_IN_AT.name(),
            DepartmentSummonsProcess.REPORTED_IN_BY.name(),
            DepartmentSummonsProcess.REPORT_IN_OVERDUE.name(),
            DepartmentSummonsProcess.DONE_AT.name(),
            DepartmentSummonsProcess.DONE_BY.name(),
            DepartmentSummonsProcess.RATED_AT.name(),
            DepartmentSummonsProcess.RATED_BY.name(),
            DepartmentSummonsProcess.REDO_REQUESTED.name(),
            CommonVariables.SUMMONS_PURPOSE.name(),
            CommonVariables.DEPARTMENT_VIEWS.name()));
    BY_PROCESS.put(
        SupervisionProcess.KEY,
        Set.of(
            SupervisionProcess.SUPERVISING_UNIT.name(),
            SupervisionProcess.SUPERVISING_UNIT_NAME.name(),
            SupervisionProcess.SUPERVISED_UNIT.name(),
            SupervisionProcess.SUPERVISED_UNIT_NAME.name(),
            SupervisionProcess.SUPERVISED_GROUP.name(),
            SupervisionProcess.SUPERVISED_TASK_ID.name(),
            SupervisionProcess.SUPERVISED_STEP.name(),
            SupervisionProcess.SUPERVISED_DUE.name(),
            SupervisionProcess.SUPERVISED_DUE_TEXT.name(),
            SupervisionProcess.SUPERVISION_KIND.name(),
            SupervisionProcess.SUPERVISION_LEVEL.name(),
            SupervisionProcess.SUPERVISION_SUBJECT.name(),
            SupervisionProcess.ORIGINAL_STEP.name(),
            SupervisionProcess.ORIGINAL_UNIT_NAME.name(),
            SupervisionProcess.ESCALATED_FROM.name()));
    BY_PROCESS.put(
        DeliberationDayVariables.PROCESS_KEY,
        Set.of(
            DeliberationDayVariables.AGENDAS,
            DeliberationDayVariables.AGENDA,
            DeliberationDayVariables.COURTYARD_NAME,
            DeliberationDayVariables.AGENDA_ITEMS_TEXT,
            DeliberationDayVariables.MATTER_COUNT,
            DeliberationDayVariables.AGENDA_DAY,
            DeliberationDayVariables.AGENDA_OPTIONS,
            DeliberationDayVariables.AGENDA_OUTCOMES));
    // written on each pending courtyardDeliberation by the deliberation day (courtyardAgenda)
    BY_PROCESS.put(
        CourtyardDeliberationVariables.PROCESS_KEY,
        Set.of(CourtyardDeliberationVariables.AGENDA_HISTORY, CourtyardDeliberationVariables.AGENDA_RECORD));
    BY_PROCESS.put(
        NotificationDeliveryProcess.KEY, Set.of(NotificationDeliveryProcess.NOTIFICATION_ID.name()));
  }

  private static final Set<String> ALL = union();

  private ComputedVariables() {}

  /** Every computed name, whatever the process. */
  public static Set<String> names() {
    return ALL;
  }

  /** The names computed by the given process (empty for a process that computes none of its own). */
  public static Set<String> of(String processKey) {
    return BY_PROCESS.getOrDefault(processKey, Set.of());
  }

  public static boolean isComputed(String name) {
    return ALL.contains(name);
  }

  private static Set<String> union() {
    Set<String> all = new TreeSet<>();
    BY_PROCESS.values().forEach(all::addAll);
    return java.util.Collections.unmodifiableSet(all);
  }
}
