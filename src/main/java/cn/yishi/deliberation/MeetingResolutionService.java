package cn.yishi.deliberation;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Resolves a meeting vote with the deployed decision table {@code meetingResolution} (latest
 * version), so that quorum and passing rules stay editable by policy staff.
 */
@Service
public class MeetingResolutionService {

  /** Decision key, CONTRACT §3. */
  public static final String DECISION_KEY = "meetingResolution";

  /** Output name, CONTRACT §3. */
  public static final String OUTCOME = "outcome";

  private final DecisionService decisionService;

  public MeetingResolutionService(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /**
   * Validates the counts, then asks the table.
   *
   * @return {@code NO_QUORUM}, {@code PASSED} or {@code REJECTED}
   * @throws InvalidMeetingCountsException if the counts are refused; the table is not asked then
   * @throws IllegalStateException if the table gives no outcome (a gap left by an edit of the
   *     table)
   */
  public String resolve(MeetingCounts counts) {
    counts.validate();
    DmnDecisionResult result =
        decisionService
            .evaluateDecisionByKey(DECISION_KEY)
            .variables(counts.toVariables())
            .evaluate();
    DmnDecisionResultEntries entries = result == null ? null : result.getSingleResult();
    Object outcome = entries == null ? null : entries.get(OUTCOME);
    if (outcome == null) {
      throw new IllegalStateException(
          "decision "
              + DECISION_KEY
              + " gave no "
              + OUTCOME
              + " for body "
              + counts.body()
              + ", members "
              + counts.members()
              + ", present "
              + counts.present()
              + ", inFavour "
              + counts.inFavour());
    }
    return outcome.toString();
  }
}
