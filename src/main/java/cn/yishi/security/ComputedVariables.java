package cn.yishi.security;

import cn.yishi.common.CommonVariables;
import cn.yishi.deliberation.CourtyardDeliberationProcess;
import cn.yishi.deliberation.DeliberationDayProcess;
import cn.yishi.deliberation.DeliberationMeetingProcess;
import cn.yishi.deliberation.HardDeliberationProcess;
import cn.yishi.deliberation.MajorDeliberationProcess;
import cn.yishi.deliberation.MinorDeliberationProcess;
import cn.yishi.deliberation.UrgentDeliberationProcess;
import cn.yishi.implementation.ImplementationVariables;
import cn.yishi.notice.PublicNoticeVariables;
import cn.yishi.notification.NotificationDeliveryVariables;
import cn.yishi.proposal.ProposalStatusVariables;
import cn.yishi.proposal.ProposalVariables;
import cn.yishi.summons.SummonsVariables;
import cn.yishi.supervision.SupervisionVariables;
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
            HardDeliberationProcess.MAX_ROUNDS,
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
            CommonVariables.DELIBERATION_OUTCOME.name(),
            CommonVariables.RESOLUTION.name(),
            ProposalVariables.IMPLEMENTATION_OUTCOME,
            ProposalVariables.RESOLUTION_OBJECTED,
            ProposalVariables.ROUND,
            ProposalVariables.CLOSED_UNRATED));
    BY_PROCESS.put(
        DeliberationMeetingProcess.KEY,
        Set.of(
            CommonVariables.MEETING_BODY.name(),
            CommonVariables.MEETING_STEP.name(),
            CommonVariables.MEETING_GROUP.name(),
            CommonVariables.MEETING_OUTCOME.name(),
            CommonVariables.MEETING_RECORD_ID.name(),
            DeliberationMeetingProcess.MEETING_RECORDED_BY.name(),
            CommonVariables.MEETING_STAKEHOLDERS.name(),
            DeliberationMeetingProcess.MEETING_ATTEMPT.name()));
    BY_PROCESS.put(
        MinorDeliberationProcess.KEY,
        Set.of(
            CommonVariables.STAKEHOLDERS.name(),
            CommonVariables.STAKEHOLDER.name(),
            MinorDeliberationProcess.STAKEHOLDER_OPINIONS.name(),
            MinorDeliberationProcess.STAKEHOLDER_OPINION_SUMMARY.name()));
    BY_PROCESS.put(UrgentDeliberationProcess.KEY, Set.of(UrgentDeliberationProcess.MAY_CLOSE.name()));
    BY_PROCESS.put(MajorDeliberationProcess.KEY, Set.of(CommonVariables.LAST_MEETING_STEP.name()));
    BY_PROCESS.put(
        HardDeliberationProcess.KEY,
        Set.of(
            HardDeliberationProcess.DELIBERATION_ROUND.name(),
            HardDeliberationProcess.PARTY_OPINIONS.name(),
            CommonVariables.DEPARTMENT_VIEWS.name()));
    BY_PROCESS.put(
        ImplementationVariables.PROCESS_KEY,
        Set.of(
            ImplementationVariables.RESULT_RECORD_ID,
            ImplementationVariables.RESULT_RECORDED_BY,
            ImplementationVariables.DEPARTMENT_OPTIONS,
            ImplementationVariables.PART));
    BY_PROCESS.put(
        PublicNoticeVariables.PROCESS_KEY,
        Set.of(
            PublicNoticeVariables.NOTICE_KIND,
            PublicNoticeVariables.NOTICE_CONTENT,
            PublicNoticeVariables.NOTICE_ID,
            PublicNoticeVariables.NOTICE_UNTIL,
            PublicNoticeVariables.NOTICE_OUTCOME,
            PublicNoticeVariables.OBJECTION_ROUND,
            PublicNoticeVariables.OBJECTION_JUDGE_UNIT,
            PublicNoticeVariables.OBJECTION_ID,
            PublicNoticeVariables.OBJECTOR_NAME,
            PublicNoticeVariables.OBJECTION_TEXT,
            PublicNoticeVariables.JUDGED_OBJECTION_ID));
    BY_PROCESS.put(
        SummonsVariables.PROCESS_KEY,
        Set.of(
            SummonsVariables.SUMMONING_UNIT,
            SummonsVariables.SUMMONS_ID,
            SummonsVariables.DEPARTMENT,
            SummonsVariables.DEPARTMENT_NAME,
            SummonsVariables.SUMMONING_UNIT_NAME,
            SummonsVariables.REPORTED_IN_AT,
            SummonsVariables.REPORTED_IN_BY,
            SummonsVariables.REPORT_IN_OVERDUE,
            SummonsVariables.DONE_AT,
            SummonsVariables.DONE_BY,
            SummonsVariables.RATED_AT,
            SummonsVariables.RATED_BY,
            SummonsVariables.REDO_REQUESTED,
            SummonsVariables.SUMMONS_PURPOSE,
            SummonsVariables.DEPARTMENT_VIEWS));
    BY_PROCESS.put(
        SupervisionVariables.SUPERVISION_PROCESS_KEY,
        Set.of(
            SupervisionVariables.SUPERVISING_UNIT,
            SupervisionVariables.SUPERVISING_UNIT_NAME,
            SupervisionVariables.SUPERVISED_UNIT,
            SupervisionVariables.SUPERVISED_UNIT_NAME,
            SupervisionVariables.SUPERVISED_GROUP,
            SupervisionVariables.SUPERVISED_TASK_ID,
            SupervisionVariables.SUPERVISED_STEP,
            SupervisionVariables.SUPERVISED_DUE,
            SupervisionVariables.SUPERVISED_DUE_TEXT,
            SupervisionVariables.SUPERVISION_KIND,
            SupervisionVariables.SUPERVISION_LEVEL,
            SupervisionVariables.SUPERVISION_SUBJECT,
            SupervisionVariables.ORIGINAL_STEP,
            SupervisionVariables.ORIGINAL_UNIT_NAME,
            SupervisionVariables.ESCALATED_FROM));
    BY_PROCESS.put(
        DeliberationDayProcess.KEY,
        Set.of(
            DeliberationDayProcess.AGENDAS.name(),
            DeliberationDayProcess.AGENDA.name(),
            DeliberationDayProcess.COURTYARD_NAME.name(),
            DeliberationDayProcess.AGENDA_ITEMS.name(),
            DeliberationDayProcess.MATTER_COUNT.name(),
            DeliberationDayProcess.AGENDA_DAY.name(),
            DeliberationDayProcess.AGENDA_OPTIONS.name(),
            DeliberationDayProcess.AGENDA_OUTCOMES.name()));
    // written on each pending courtyardDeliberation by the deliberation day (courtyardAgenda)
    BY_PROCESS.put(
        CourtyardDeliberationProcess.KEY,
        Set.of(CourtyardDeliberationProcess.AGENDA_HISTORY.name(), CourtyardDeliberationProcess.AGENDA_RECORD.name()));
    BY_PROCESS.put(
        NotificationDeliveryVariables.PROCESS_KEY, Set.of(NotificationDeliveryVariables.NOTIFICATION_ID));
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
