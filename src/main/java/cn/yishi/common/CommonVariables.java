package cn.yishi.common;

import java.util.List;
import java.util.Map;

/**
 * The variables more than one process names: the proposal's facts that every procedure reads (call
 * activities pass them with {@code <camunda:in variables="all"/>}), and what a called procedure
 * hands back through {@code <camunda:out>}. Each name is declared once in Yishi: here, or in the
 * one {@link ProcessBoundary} of the process that alone names it.
 *
 * <p>Submitted fields and decision results keep their CONTRACT §1 and §3 names.
 */
public final class CommonVariables {

  // the proposal (CONTRACT §1)
  /**
   * The readable number (JN-2026-000123); also the business key of every process of the proposal.
   */
  public static final Variable<String> NUMBER = Variable.text("number");

  public static final Variable<String> TITLE = Variable.text("title");
  public static final Variable<String> DESCRIPTION = Variable.text("description");

  /** The community's unit code (organisation tree). */
  public static final Variable<String> COMMUNITY = Variable.text("community");

  /** The timeLimits decision's single result: responseWithin, resolveWithin, noticePeriod … */
  public static final Variable<Map<String, Object>> TIME_LIMITS = Variable.record("timeLimits");

  /** The deliberation track (CONTRACT §3): MAJOR, MINOR, URGENT, HARD … */
  public static final Variable<String> TRACK = Variable.text("track");

  /** 1, or 2 after a dissatisfied first rating reopened the proposal. */
  public static final Variable<Integer> ROUND = Variable.integer("round");

  // deliberation, handed back to the lifecycle
  /** The unit (courtyard, community, street, district) deliberating the proposal. */
  public static final Variable<String> DELIBERATION_UNIT = Variable.text("deliberationUnit");

  public static final Variable<String> RESOLUTION = Variable.text("resolution");
  public static final Variable<String> RAISE_REASON = Variable.text("raiseReason");
  public static final Variable<String> REJECTION_REASON = Variable.text("rejectionReason");

  // meetings (deliberationMeeting, called by the track procedures)
  public static final Variable<String> MEETING_BODY = Variable.text("meetingBody");
  public static final Variable<String> MEETING_GROUP = Variable.text("meetingGroup");
  public static final Variable<String> MEETING_STEP = Variable.text("meetingStep");
  public static final Variable<String> LAST_MEETING_STEP = Variable.text("lastMeetingStep");
  public static final Variable<String> MEETING_OUTCOME = Variable.text("meetingOutcome");
  public static final Variable<String> MEETING_PLAN = Variable.text("meetingPlan");
  public static final Variable<String> MEETING_RECORD_ID = Variable.text("meetingRecordId");

  /** Lines of names, or a list of them. */
  public static final Variable<Object> MEETING_STAKEHOLDERS = Variable.any("meetingStakeholders");

  public static final Variable<String> PLAN_HANDLING = Variable.text("planHandling");

  /** One party of a multi-instance hearing (the element variable). */
  public static final Variable<String> STAKEHOLDER = Variable.text("stakeholder");

  /** Lines of names typed in a form, or a list of them. */
  public static final Variable<Object> STAKEHOLDER_NAMES = Variable.any("stakeholderNames");

  public static final Variable<List<String>> STAKEHOLDERS = Variable.texts("stakeholders");

  // departments summoned (吹哨报到)
  public static final Variable<List<String>> SUMMONED_DEPARTMENTS =
      Variable.texts("summonedDepartments");
  public static final Variable<String> SUMMONING_UNIT = Variable.text("summoningUnit");
  public static final Variable<String> SUMMONS_TASK = Variable.text("summonsTask");

  // public notices (publicNotice, called by the lifecycle and the track procedures)
  public static final Variable<String> NOTICE_CONTENT = Variable.text("noticeContent");
  public static final Variable<String> NOTICE_ID = Variable.text("noticeId");
  public static final Variable<String> NOTICE_KIND = Variable.text("noticeKind");
  public static final Variable<String> NOTICE_OUTCOME = Variable.text("noticeOutcome");
  public static final Variable<Boolean> OBJECTION_PAUSES_WORK =
      Variable.flag("objectionPausesWork");

  // --- added while moving the proposal package to its boundary ---
  /** The submitter's mobile number (CONTRACT §1): where notifications to the submitter go. */
  public static final Variable<String> SUBMITTER_PHONE = Variable.text("submitterPhone");

  /** What a track procedure hands back: RESOLVED, RAISED, REJECTED (processes/README.md). */
  public static final Variable<String> DELIBERATION_OUTCOME = Variable.text("deliberationOutcome");

  /**
   * {@code implementation}'s output: DONE, or OBJECTED after a well-founded objection to the
   * result.
   */
  public static final Variable<String> IMPLEMENTATION_OUTCOME =
      Variable.text("implementationOutcome");

  /**
   * Set in {@code implementation} by signResultRecord, handed back to the lifecycle: the signed
   * result record's id.
   */
  public static final Variable<String> RESULT_RECORD_ID = Variable.text("resultRecordId");

  /**
   * Who carries out a plan (SELF, RESIDENTS, DEPARTMENTS, joined by commas); sorting presets
   * DEPARTMENTS.
   */
  @NotInDiagram(
      "implementation.bpmn reads it as execution.getVariable('implementer'), which Diagrams does not see")
  public static final Variable<String> IMPLEMENTER = Variable.text("implementer");

  // --- added while moving the deliberation package to its boundaries ---
  /**
   * departmentSummons' optional input: VIEW when departments give a view before a meeting (难事广议).
   */
  public static final Variable<String> SUMMONS_PURPOSE = Variable.text("summonsPurpose");

  /**
   * departmentSummons' output with VIEW: a JSON array (Spin) of {party, opinion}, one per
   * department.
   */
  public static final Variable<Object> DEPARTMENT_VIEWS = Variable.any("departmentViews");

  /** Set by the lifecycle when a lower level raised the matter to this one . */
  @NotInDiagram(
      "the lifecycle's fact (reviewRoute), read by urgentDeliberation's urgentPlanHandlingCheck")
  public static final Variable<String> RAISED_FROM = Variable.text("raisedFrom");

  /** Values of {@link #DELIBERATION_OUTCOME}. */
  public static final class TrackOutcome {
    public static final String RESOLVED = "RESOLVED";
    public static final String REJECTED = "REJECTED";
    public static final String RAISED = "RAISED";

    private TrackOutcome() {}
  }

  // --- added while moving notice, notification, summons, supervision, implementation ---

  // --- added while moving the platform packages (security, api, config, organisation …) ---

  private CommonVariables() {}
}
