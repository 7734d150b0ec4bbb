package cn.yishi.deliberation;

/**
 * The contract every track procedure (院落协商, 小事小议, 急事急议, 四议两公开, 难事广议) keeps with the
 * lifecycle that calls it (processes/README.md, "Called-process contracts"), in one place: the
 * unit that deliberates, and what the procedure hands back.
 */
public final class TrackProcedureVariables {

  /** In: the unit that deliberates (courtyard, community, street or district). */
  public static final String DELIBERATION_UNIT = "deliberationUnit";

  /** Out: {@value #RESOLVED}, {@value #REJECTED} or {@value #RAISED}. */
  public static final String DELIBERATION_OUTCOME = "deliberationOutcome";
  /** Out with RESOLVED: the adopted plan, which the implementation carries out. */
  public static final String RESOLUTION = "resolution";
  /** Out with REJECTED: why, told to the submitter. */
  public static final String REJECTION_REASON = "rejectionReason";
  /** Out with RAISED: why this level cannot settle it. */
  public static final String RAISE_REASON = "raiseReason";

  public static final String RESOLVED = "RESOLVED";
  public static final String REJECTED = "REJECTED";
  public static final String RAISED = "RAISED";

  private TrackProcedureVariables() {}
}
