package cn.yishi.proposal;

import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The boundary of the proposal lifecycle ({@code processes/proposalLifecycle.bpmn}): its key, the
 * element ids Java and the tests need, and its own variables. The variables it shares with the
 * procedures it calls (number, title, timeLimits, track, deliberationUnit, resolution …) are in
 * {@link cn.yishi.common.CommonVariables}. Submitted fields and decision results keep their
 * CONTRACT §1 and §3 names.
 */
@ProcessBoundary(ProposalLifecycleProcess.KEY)
public final class ProposalLifecycleProcess {

  public static final String KEY = "proposalLifecycle";

  public static final String TASK_ASSIGN_ORDER_FOLLOW_UP = "Task_AssignOrderFollowUp";
  public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
  public static final String TASK_CLASSIFY_MATTER_SCOPE = "Task_ClassifyMatterScope";
  public static final String TASK_DETERMINE_DELIBERATION_UNIT = "Task_DetermineDeliberationUnit";
  public static final String TASK_EVALUATE_OUTCOME = "Task_EvaluateOutcome";
  public static final String TASK_RAISE_FOR_REVIEW = "Task_RaiseForReview";
  public static final String TASK_RECORD_SETTLED_BELOW = "Task_RecordSettledBelow";
  public static final String TASK_RETURN_TO_SORTING = "Task_ReturnToSorting";
  public static final String TASK_REVIEW_AT_LEVEL = "Task_ReviewAtLevel";
  public static final String TASK_REVIEW_UNIT_BELOW = "Task_ReviewUnitBelow";
  public static final String TASK_SORT_PROPOSAL = "Task_SortProposal";
  public static final String TASK_URGENT_AT_HANDLING_UNIT = "Task_UrgentAtHandlingUnit";
  public static final String TASK_URGENT_UNIT_ABOVE = "Task_UrgentUnitAbove";

  public static final String CALL_COURTYARD_DELIBERATION = "Call_CourtyardDeliberation";
  public static final String CALL_HARD_DELIBERATION = "Call_HardDeliberation";
  public static final String CALL_IMPLEMENTATION = "Call_Implementation";
  public static final String CALL_MAJOR_DELIBERATION = "Call_MajorDeliberation";
  public static final String CALL_MINOR_DELIBERATION = "Call_MinorDeliberation";
  public static final String CALL_PUBLISH_RESOLUTION = "Call_PublishResolution";
  public static final String CALL_PUBLISH_RESOLUTION_WHILE_CARRYING_OUT =
      "Call_PublishResolutionWhileCarryingOut";
  public static final String CALL_URGENT_DELIBERATION = "Call_UrgentDeliberation";

  public static final String GATEWAY_DELIBERATION_OUTCOME = "Gateway_DeliberationOutcome";
  public static final String GATEWAY_IS_BELOW_HANDLING_LEVEL = "Gateway_IsBelowHandlingLevel";
  public static final String GATEWAY_IS_CORRECTED = "Gateway_IsCorrected";
  public static final String GATEWAY_IS_DEPARTMENT_ORDER = "Gateway_IsDepartmentOrder";
  public static final String GATEWAY_IS_ENTRY_UNIT = "Gateway_IsEntryUnit";
  public static final String GATEWAY_IS_RAISED = "Gateway_IsRaised";
  public static final String GATEWAY_IS_SORTED = "Gateway_IsSorted";
  public static final String GATEWAY_IS_URGENT = "Gateway_IsUrgent";
  public static final String GATEWAY_MERGE_CARRY_OUT = "Gateway_MergeCarryOut";
  public static final String GATEWAY_MERGE_CLASSIFICATION = "Gateway_MergeClassification";
  public static final String GATEWAY_MERGE_DELIBERATION = "Gateway_MergeDeliberation";
  public static final String GATEWAY_MERGE_ELIGIBILITY = "Gateway_MergeEligibility";
  public static final String GATEWAY_MERGE_IMPLEMENTATION = "Gateway_MergeImplementation";
  public static final String GATEWAY_MERGE_INTAKE = "Gateway_MergeIntake";
  public static final String GATEWAY_MERGE_LEVEL = "Gateway_MergeLevel";
  public static final String GATEWAY_MERGE_REVIEW = "Gateway_MergeReview";
  public static final String GATEWAY_MERGE_REWORK = "Gateway_MergeRework";
  public static final String GATEWAY_MERGE_SETTLE = "Gateway_MergeSettle";
  public static final String GATEWAY_MERGE_URGENT_RAISE = "Gateway_MergeUrgentRaise";
  public static final String GATEWAY_MERGE_WORK_ORDER = "Gateway_MergeWorkOrder";
  public static final String GATEWAY_OBJECTION_WHILE_CARRYING_OUT =
      "Gateway_ObjectionWhileCarryingOut";
  public static final String GATEWAY_POST_AND_CARRY_OUT = "Gateway_PostAndCarryOut";
  public static final String GATEWAY_POST_RESOLUTION = "Gateway_PostResolution";
  public static final String GATEWAY_REOPEN = "Gateway_Reopen";
  public static final String GATEWAY_RESOLUTION_OBJECTED = "Gateway_ResolutionObjected";
  public static final String GATEWAY_REVIEW_OUTCOME = "Gateway_ReviewOutcome";
  public static final String GATEWAY_WAIT_FOR_NOTICE = "Gateway_WaitForNotice";
  public static final String GATEWAY_WAS_OBJECTED = "Gateway_WasObjected";
  public static final String GATEWAY_WHICH_PROCEDURE = "Gateway_WhichProcedure";

  public static final String EVENT_CLOSED_UNRATED = "Event_ClosedUnrated";
  public static final String EVENT_IMPLEMENTATION_DONE = "Event_ImplementationDone";
  public static final String EVENT_OBJECTION_WORK_GOES_ON = "Event_ObjectionWorkGoesOn";
  public static final String EVENT_PROPOSAL_CLOSED = "Event_ProposalClosed";
  public static final String EVENT_RAISED_FOR_REVIEW = "Event_RaisedForReview";
  public static final String EVENT_REDIRECTED = "Event_Redirected";
  public static final String EVENT_REJECTED_AT_SORTING = "Event_RejectedAtSorting";
  public static final String EVENT_REJECTED_BY_DELIBERATION = "Event_RejectedByDeliberation";
  public static final String EVENT_RESOLUTION_NOTICE_OVER = "Event_ResolutionNoticeOver";
  public static final String EVENT_RESOLUTION_OBJECTED = "Event_ResolutionObjected";
  public static final String EVENT_SELF_HELP = "Event_SelfHelp";
  public static final String EVENT_SENT_BACK_TO_SORTING = "Event_SentBackToSorting";
  public static final String EVENT_URGENT_TO_DELIBERATION = "Event_UrgentToDeliberation";
  public static final String EVENT_WORK_PAUSED = "Event_WorkPaused";
  // submitted by the resident (CONTRACT §1); title, description, community, submitterPhone are
  // common
  public static final Variable<String> COURTYARD = Variable.text("courtyard");
  public static final Variable<String> SUBMITTER_NAME = Variable.text("submitterName");
  public static final Variable<String> TOPIC = Variable.text("topic");
  public static final Variable<String> SCOPE = Variable.text("scope");
  public static final Variable<String> JURISDICTION = Variable.text("jurisdiction");
  public static final Variable<Boolean> CROSS_JURISDICTION = Variable.flag("crossJurisdiction");
  public static final Variable<Integer> AFFECTED_HOUSEHOLDS =
      Variable.integer("affectedHouseholds");
  public static final Variable<Integer> CO_SIGNERS = Variable.integer("coSigners");
  public static final Variable<Integer> STAKEHOLDER_PARTIES =
      Variable.integer("stakeholderParties");
  public static final Variable<Double> ESTIMATED_COST = Variable.of("estimatedCost", Double.class);
  public static final Variable<Boolean> USES_COLLECTIVE_FUNDS =
      Variable.flag("usesCollectiveFunds");
  public static final Variable<Boolean> SAFETY_HAZARD = Variable.flag("safetyHazard");
  public static final Variable<Boolean> LEGACY_ISSUE = Variable.flag("legacyIssue");

  /** The fields a sorting caseworker may correct; a correction runs the tables again. */
  public static final List<Variable<?>> CLASSIFYING =
      List.of(
          TOPIC,
          SCOPE,
          JURISDICTION,
          CROSS_JURISDICTION,
          AFFECTED_HOUSEHOLDS,
          STAKEHOLDER_PARTIES,
          ESTIMATED_COST,
          USES_COLLECTIVE_FUNDS,
          SAFETY_HAZARD,
          LEGACY_ISSUE);

  // intake
  /** When the number was assigned: ISO-8601 with the business zone's offset. */
  @NotInDiagram("set by assignProposalNumber, read by the response clock and the public view")
  public static final Variable<String> SUBMITTED_AT = Variable.text("submittedAt");

  /** {@link #SUBMITTED_AT} as the sorting form shows it (2026-05-04 09:30), local to the task. */
  @NotInDiagram("set by sortingCheck on the sorting task; the form shows it in a text template")
  public static final Variable<String> SUBMITTED_AT_TEXT = Variable.text("submittedAtText");

  /**
   * The public status (CONTRACT §4) last set by {@code proposalStatus}; the read model keeps it for
   * the API. Kept as a variable because cn.yishi.security.ComputedVariables protects it and tests
   * read it.
   */
  @NotInDiagram("set by proposalStatus; a computed variable no user may set")
  public static final Variable<String> STATUS = Variable.text("status");

  // decision results (CONTRACT §3); track is common
  public static final Variable<String> CATEGORY = Variable.text("category");
  public static final Variable<String> MATTER_SCOPE = Variable.text("matterScope");
  public static final Variable<String> LEVEL = Variable.text("level");

  /** The eligibility decision's single result (eligible, route). */
  public static final Variable<Map<String, Object>> ELIGIBILITY_RESULT =
      Variable.record("eligibilityResult");

  public static final Variable<Boolean> ELIGIBLE = Variable.flag("eligible");

  /** Where a proposal goes that is not deliberated (values in {@link Route}). */
  public static final Variable<String> ROUTE = Variable.text("route");

  /** Values of {@link #ROUTE} the status messages explain. */
  public static final class Route {
    public static final String EXISTING_PROCEDURE = "EXISTING_PROCEDURE";
    public static final String MEDIATION = "MEDIATION";
    public static final String DEPARTMENT_ORDER = "DEPARTMENT_ORDER";

    private Route() {}
  }

  // sorting (分拣)
  /** NONE, or why the proposal is not deliberated (ProposalFields.EXCLUSIONS). */
  public static final Variable<String> EXCLUSION = Variable.text("exclusion");

  public static final Variable<String> SORTING_NOTE = Variable.text("sortingNote");

  /**
   * True once the sorting task has been completed (a correction re-runs the tables, not the task).
   */
  public static final Variable<Boolean> SORTED = Variable.flag("sorted");

  /** True when the sorting caseworker changed a classifying field: the tables run again. */
  public static final Variable<Boolean> CLASSIFICATION_CORRECTED =
      Variable.flag("classificationCorrected");

  /** The reason given for the corrections made in one sorting task. */
  public static final Variable<String> CORRECTION_REASON = Variable.text("correctionReason");

  /** Task-local snapshot of the classifying fields when the sorting task was created. */
  @NotInDiagram("task-local bookkeeping of sortingCheck")
  public static final Variable<Map<String, Object>> CLASSIFICATION_BEFORE =
      Variable.record("classificationBefore");

  /** The department that gets the work order when exclusion is DEPARTMENT_DUTY. */
  public static final Variable<String> ORDER_DEPARTMENT = Variable.text("orderDepartment");

  @NotInDiagram("set by sortingCheck, told to the submitter by proposalStatus")
  public static final Variable<String> SELF_HELP_GUIDANCE = Variable.text("selfHelpGuidance");

  // review level by level (逐级审议)
  /** Where the proposal entered: its courtyard (courtyard matter) or community. */
  public static final Variable<String> ENTRY_UNIT = Variable.text("entryUnit");

  /** The unit at the level the decision handlingLevel gives, on the way up from the entry unit. */
  public static final Variable<String> HANDLING_UNIT = Variable.text("handlingUnit");

  /** The unit reviewing the proposal now. */
  public static final Variable<String> REVIEW_UNIT = Variable.text("reviewUnit");

  /** SETTLE, PASS_UP or SEND_BACK. */
  public static final Variable<String> REVIEW_DECISION = Variable.text("reviewDecision");

  public static final Variable<String> REVIEW_REASON = Variable.text("reviewReason");

  /** Task-local on the review task: the Chinese names of the review and handling units. */
  @NotInDiagram("task-local, shown by the review form's text")
  public static final Variable<String> REVIEW_UNIT_NAME = Variable.text("reviewUnitName");

  public static final Variable<String> HANDLING_UNIT_NAME = Variable.text("handlingUnitName");

  /** A level below its handling unit kept the proposal and settled it itself (for auditors). */
  @NotInDiagram("a fact for auditors and statistics, set by reviewRoute")
  public static final Variable<Boolean> SETTLED_BELOW_HANDLING_LEVEL =
      Variable.flag("settledBelowHandlingLevel");

  @NotInDiagram("a fact for auditors and statistics, set by reviewRoute")
  public static final Variable<String> SETTLED_BELOW_REASON = Variable.text("settledBelowReason");

  /** True once the entry level sent the proposal back to sorting (re-sorting is due from then). */
  @NotInDiagram("set by reviewRoute, read by the response clock")
  public static final Variable<Boolean> SENT_BACK_TO_SORTING = Variable.flag("sentBackToSorting");

  // after carrying out
  /** True when a judge upheld an objection to the posted resolution: back to deliberation. */
  public static final Variable<Boolean> RESOLUTION_OBJECTED = Variable.flag("resolutionObjected");

  /** SATISFIED, BASICALLY_SATISFIED or DISSATISFIED (CONTRACT §4). */
  public static final Variable<String> RATING = Variable.text("rating");

  public static final Variable<String> EVALUATION_COMMENT = Variable.text("evaluationComment");

  @NotInDiagram(
      "set by an expression (execution.setVariable) the extractor does not read as a name")
  public static final Variable<Boolean> CLOSED_UNRATED = Variable.flag("closedUnrated");

  /**
   * The proposal's number, which is the business key of every process of the proposal (the
   * lifecycle's, and each called procedure's); fails when a process has none.
   */
  public static String number(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (number == null || number.isBlank()) {
      throw new IllegalStateException("流程 " + execution.getProcessInstanceId() + " 没有提案编号（业务键）");
    }
    return number;
  }

  private ProposalLifecycleProcess() {}
}
