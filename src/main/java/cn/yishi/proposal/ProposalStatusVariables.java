package cn.yishi.proposal;

/**
 * Process variables the platform services (numbering, status, read model, notifications) use
 * beyond those in {@link ProposalVariables} (number, status, rejectionReason, selfHelpGuidance,
 * deliberationUnit, rating, closedUnrated are there), and the eligibility routes they explain.
 */
public final class ProposalStatusVariables {

  /** When the number was assigned: ISO-8601 with the business zone's offset. */
  public static final String SUBMITTED_AT = "submittedAt";

  // values of ProposalVariables.ROUTE (decision eligibility)
  public static final String ROUTE_REJECT = "REJECT";
  public static final String ROUTE_EXISTING_PROCEDURE = "EXISTING_PROCEDURE";
  public static final String ROUTE_MEDIATION = "MEDIATION";
  public static final String ROUTE_DEPARTMENT_ORDER = "DEPARTMENT_ORDER";

  private ProposalStatusVariables() {}
}
