package cn.yishi.security;

import cn.yishi.deliberation.CourtyardDeliberationVariables;
import cn.yishi.deliberation.DeliberationDayVariables;
import cn.yishi.deliberation.HardDeliberationVariables;
import cn.yishi.deliberation.MajorDeliberationVariables;
import cn.yishi.deliberation.MeetingVariables;
import cn.yishi.deliberation.MinorDeliberationVariables;
import cn.yishi.deliberation.TrackProcedureVariables;
import cn.yishi.deliberation.UrgentDeliberationVariables;
import cn.yishi.implementation.ImplementationVariables;
import cn.yishi.notice.PublicNoticeVariables;
import cn.yishi.notification.NotificationDeliveryVariables;
import cn.yishi.common.CommonVariables;
import cn.yishi.proposal.ProposalLifecycleProcess;
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
        ProposalLifecycleProcess.KEY,
        Set.of(
            CommonVariables.NUMBER.name(),
            ProposalLifecycleProcess.SUBMITTED_AT.name(),
            ProposalLifecycleProcess.STATUS.name(),
            // decision results (CONTRACT §3) and what the diagram derives from them
            ProposalLifecycleProcess.CATEGORY.name(),
            ProposalLifecycleProcess.MATTER_SCOPE.name(),
            CommonVariables.TRACK.name(),
            ProposalLifecycleProcess.LEVEL.name(),
            CommonVariables.TIME_LIMITS.name(),
            ProposalLifecycleProcess.ELIGIBLE.name(),
            ProposalLifecycleProcess.ROUTE.name(),
            "eligibilityResult",
            "responseWithin",
            "resolveWithin",
            "noticePeriod",
            HardDeliberationVariables.MAX_ROUNDS,
            // sorting bookkeeping (sortingCheck)
            ProposalLifecycleProcess.SORTED.name(),
            ProposalLifecycleProcess.CLASSIFICATION_CORRECTED.name(),
            ProposalLifecycleProcess.CLASSIFICATION_BEFORE.name(),
            ProposalLifecycleProcess.SELF_HELP_GUIDANCE.name(),
            // review and the track procedure's results
            ProposalLifecycleProcess.ENTRY_UNIT.name(),
            ProposalLifecycleProcess.REVIEW_UNIT.name(),
            ProposalLifecycleProcess.HANDLING_UNIT.name(),
            ProposalLifecycleProcess.SETTLED_BELOW_HANDLING_LEVEL.name(),
            ProposalLifecycleProcess.SETTLED_BELOW_REASON.name(),
            ProposalLifecycleProcess.RAISED_FROM.name(),
            ProposalLifecycleProcess.SENT_BACK_TO_SORTING.name(),
            ProposalLifecycleProcess.REVIEW_UNIT_NAME.name(),
            ProposalLifecycleProcess.HANDLING_UNIT_NAME.name(),
            CommonVariables.DELIBERATION_UNIT.name(),
            TrackProcedureVariables.DELIBERATION_OUTCOME,
            TrackProcedureVariables.RESOLUTION,
            CommonVariables.IMPLEMENTATION_OUTCOME.name(),
            ProposalLifecycleProcess.RESOLUTION_OBJECTED.name(),
            CommonVariables.ROUND.name(),
            ProposalLifecycleProcess.CLOSED_UNRATED.name()));
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
