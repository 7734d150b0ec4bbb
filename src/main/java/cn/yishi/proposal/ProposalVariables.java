package cn.yishi.proposal;

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

  private ProposalVariables() {}
}
