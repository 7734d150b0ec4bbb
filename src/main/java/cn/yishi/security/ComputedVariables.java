package cn.yishi.security;

import cn.yishi.common.CommonVariables;
import cn.yishi.common.Variable;
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
 * what. Names are the boundaries' {@link Variable}s ({@link CommonVariables} for those several
 * processes name); a name still spelled as text waits for its process's boundary.
 */
public final class ComputedVariables {

  private static final Map<String, Set<String>> BY_PROCESS = new LinkedHashMap<>();

  static {
    BY_PROCESS.put(
        "proposalLifecycle",
        names(
            CommonVariables.NUMBER,
            "submittedAt",
            "status",
            // decision results (CONTRACT §3) and what the diagram derives from them
            "category",
            "matterScope",
            CommonVariables.TRACK,
            "level",
            CommonVariables.TIME_LIMITS,
            "eligible",
            "route",
            "eligibilityResult",
            "responseWithin",
            "resolveWithin",
            "noticePeriod",
            "maxRounds",
            // sorting bookkeeping (sortingCheck)
            "sorted",
            "classificationCorrected",
            "classificationBefore",
            "selfHelpGuidance",
            // review and the track procedure's results
            "entryUnit",
            "reviewUnit",
            "handlingUnit",
            "settledBelowHandlingLevel",
            "settledBelowReason",
            "raisedFrom",
            "sentBackToSorting",
            "reviewUnitName",
            "handlingUnitName",
            CommonVariables.DELIBERATION_UNIT,
            "deliberationOutcome",
            CommonVariables.RESOLUTION,
            "implementationOutcome",
            "resolutionObjected",
            CommonVariables.ROUND,
            "closedUnrated"));
    BY_PROCESS.put(
        "deliberationMeeting",
        names(
            CommonVariables.MEETING_BODY,
            CommonVariables.MEETING_STEP,
            CommonVariables.MEETING_GROUP,
            CommonVariables.MEETING_OUTCOME,
            CommonVariables.MEETING_RECORD_ID,
            "meetingRecordedBy",
            CommonVariables.MEETING_STAKEHOLDERS,
            "meetingAttempt"));
    BY_PROCESS.put(
        "minorDeliberation",
        names(
            CommonVariables.STAKEHOLDERS,
            CommonVariables.STAKEHOLDER,
            "stakeholderOpinions",
            "stakeholderOpinionSummary"));
    BY_PROCESS.put("urgentDeliberation", names("urgentMayClose"));
    BY_PROCESS.put("majorDeliberation", names(CommonVariables.LAST_MEETING_STEP));
    BY_PROCESS.put(
        "hardDeliberation",
        names(
            "deliberationRound",
            "partyOpinions",
            "departmentViews"));
    BY_PROCESS.put(
        "implementation",
        names(
            "resultRecordId",
            "resultRecordedBy",
            "departmentOptions",
            "part"));
    BY_PROCESS.put(
        "publicNotice",
        names(
            CommonVariables.NOTICE_KIND,
            CommonVariables.NOTICE_CONTENT,
            CommonVariables.NOTICE_ID,
            "noticeUntil",
            CommonVariables.NOTICE_OUTCOME,
            "objectionRound",
            "objectionJudgeUnit",
            "objectionId",
            "objectorName",
            "objectionText",
            "judgedObjectionId"));
    BY_PROCESS.put(
        "departmentSummons",
        names(
            CommonVariables.SUMMONING_UNIT,
            "summonsId",
            "department",
            "departmentName",
            "summoningUnitName",
            "reportedInAt",
            "reportedInBy",
            "reportInOverdue",
            "doneAt",
            "doneBy",
            "ratedAt",
            "ratedBy",
            "redoRequested",
            "summonsPurpose",
            "departmentViews"));
    BY_PROCESS.put(
        "supervision",
        names(
            "supervisingUnit",
            "supervisingUnitName",
            "supervisedUnit",
            "supervisedUnitName",
            "supervisedGroup",
            "supervisedTaskId",
            "supervisedStep",
            "supervisedDue",
            "supervisedDueText",
            "supervisionKind",
            "supervisionLevel",
            "supervisionSubject",
            "originalStep",
            "originalUnitName",
            "escalatedFrom"));
    BY_PROCESS.put(
        "deliberationDay",
        names(
            "agendas",
            "agenda",
            "courtyardName",
            "agendaItems",
            "matterCount",
            "agendaDay",
            "agendaOptions",
            "agendaOutcomes"));
    // written on each pending courtyardDeliberation by the deliberation day (courtyardAgenda)
    BY_PROCESS.put(
        "courtyardDeliberation",
        names("agendaHistory", "agendaRecord"));
    BY_PROCESS.put(
        "notificationDelivery", names("notificationId"));
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
