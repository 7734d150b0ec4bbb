package cn.yishi.proposal;

import cn.yishi.common.CommonVariables;
import cn.yishi.implementation.ImplementationVariables;

/**
 * The process variable names of the proposal lifecycle ({@code proposalLifecycle}), in one
 * place. Names of submitted fields and decision outputs are CONTRACT §1 and §3 names.
 */
public final class ProposalVariables {

  public static final String PROCESS_KEY = "proposalLifecycle";

  // submitted by the resident (CONTRACT §1)
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String COMMUNITY = "community";
  public static final String COURTYARD = "courtyard";
  public static final String SUBMITTER_NAME = "submitterName";
  public static final String SUBMITTER_PHONE = "submitterPhone";
  public static final String TOPIC = "topic";
  public static final String SCOPE = "scope";
  public static final String JURISDICTION = "jurisdiction";
  public static final String CROSS_JURISDICTION = "crossJurisdiction";
  public static final String AFFECTED_HOUSEHOLDS = "affectedHouseholds";
  public static final String CO_SIGNERS = "coSigners";
  public static final String STAKEHOLDER_PARTIES = "stakeholderParties";
  public static final String ESTIMATED_COST = "estimatedCost";
  public static final String USES_COLLECTIVE_FUNDS = "usesCollectiveFunds";
  public static final String SAFETY_HAZARD = "safetyHazard";
  public static final String LEGACY_ISSUE = "legacyIssue";

  // set by the sorting caseworker (分拣)
  public static final String EXCLUSION = "exclusion";
  public static final String SORTING_NOTE = "sortingNote";

  // decision results (CONTRACT §3)
  public static final String CATEGORY = "category";
  public static final String MATTER_SCOPE = "matterScope";
  public static final String TRACK = "track";
  public static final String LEVEL = "level";
  /** The timeLimits decision's single result: responseWithin, resolveWithin, noticePeriod. */
  public static final String TIME_LIMITS = "timeLimits";
  public static final String ELIGIBLE = "eligible";
  public static final String ROUTE = "route";

  // intake and sorting (分拣)
  /** The readable number (JN-2026-000123), also the business key. */
  public static final String NUMBER = "number";
  public static final String STATUS = "status";
  /** True once the sorting task has been completed (a correction re-runs the tables, not the task). */
  public static final String SORTED = "sorted";
  /** True when the sorting caseworker changed a classifying field: the tables run again. */
  public static final String CLASSIFICATION_CORRECTED = "classificationCorrected";
  /** The reason given for the corrections made in one sorting task. */
  public static final String CORRECTION_REASON = "correctionReason";
  /** Task-local snapshot of the classifying fields when the sorting task was created. */
  public static final String CLASSIFICATION_BEFORE = "classificationBefore";
  /** The department that gets the work order when exclusion is DEPARTMENT_DUTY. */
  public static final String ORDER_DEPARTMENT = "orderDepartment";
  public static final String REJECTION_REASON = CommonVariables.REJECTION_REASON.name();
  public static final String SELF_HELP_GUIDANCE = "selfHelpGuidance";

  // review level by level (逐级审议)
  /** Where the proposal entered: its courtyard (courtyard matter) or community. */
  public static final String ENTRY_UNIT = "entryUnit";
  /**
   * The unit at the level the decision handlingLevel gives, on the way up from the entry unit:
   * the proposal is passed up to it and deliberated there (processes/README.md "Routes").
   */
  public static final String HANDLING_UNIT = "handlingUnit";
  /** The unit reviewing the proposal now. */
  public static final String REVIEW_UNIT = "reviewUnit";
  /** SETTLE, PASS_UP or SEND_BACK. */
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_REASON = "reviewReason";
  /** Task-local on the review task: the Chinese names of the review and handling units. */
  public static final String REVIEW_UNIT_NAME = "reviewUnitName";
  public static final String HANDLING_UNIT_NAME = "handlingUnitName";
  /**
   * A fact of the proposal for auditors and statistics: a level below its handling unit kept it
   * and settled it itself ({@link #SETTLED_BELOW_REASON} says why).
   */
  public static final String SETTLED_BELOW_HANDLING_LEVEL = "settledBelowHandlingLevel";
  public static final String SETTLED_BELOW_REASON = "settledBelowReason";
  /** True once the entry level sent the proposal back to sorting (re-sorting is due from then). */
  public static final String SENT_BACK_TO_SORTING = "sentBackToSorting";
  /** The unit a deliberation raised the proposal from (to the unit above it). */
  public static final String RAISED_FROM = "raisedFrom";

  // deliberation, implementation, evaluation (processes/README.md contracts)
  public static final String DELIBERATION_UNIT = CommonVariables.DELIBERATION_UNIT.name();
  public static final String DELIBERATION_OUTCOME = CommonVariables.DELIBERATION_OUTCOME.name();
  public static final String RESOLUTION = CommonVariables.RESOLUTION.name();
  public static final String RAISE_REASON = CommonVariables.RAISE_REASON.name();
  public static final String IMPLEMENTER = ImplementationVariables.IMPLEMENTER;
  public static final String SUMMONED_DEPARTMENTS = ImplementationVariables.SUMMONED_DEPARTMENTS;
  public static final String IMPLEMENTATION_OUTCOME = ImplementationVariables.IMPLEMENTATION_OUTCOME;

  /**
   * Set by the carrying-out stage (落实与结果公告): true when a judge upheld an objection to the
   * posted resolution (决议公开); the lifecycle then sends the matter back to deliberation.
   */
  public static final String RESOLUTION_OBJECTED = "resolutionObjected";
  /** 1, or 2 after a dissatisfied first rating reopened the proposal. */
  public static final String ROUND = "round";
  /** SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
  public static final String RATING = "rating";
  public static final String EVALUATION_COMMENT = "evaluationComment";
  public static final String CLOSED_UNRATED = "closedUnrated";

  private ProposalVariables() {}
}
