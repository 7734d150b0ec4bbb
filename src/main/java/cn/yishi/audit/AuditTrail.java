package cn.yishi.audit;

import cn.yishi.proposal.ProposalStatus;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One proposal's whole audit trail (AUDIT_API.md): what the proposal is, every process instance it
 * ran in with the diagram version and the path taken, every decision table evaluated, and every
 * event in time order.
 */
public record AuditTrail(
    String number,
    String title,
    String community,
    String communityName,
    String street,
    String streetName,
    String status,
    String track,
    String level,
    OffsetDateTime submittedAt,
    boolean finished,
    List<ProcessRun> processes,
    List<DecisionRun> decisions,
    List<AuditEvent> events) {

  /** The status's Chinese label (what residents see), for the audit page. */
  @JsonProperty("statusLabel")
  public String statusLabel() {
    return ProposalStatus.valueOf(status).label();
  }

  /**
   * One process instance of the proposal, with the definition and deployment it ran on, the
   * activities it passed ({@code visited}), the sequence flows it took and what is still open.
   */
  public record ProcessRun(
      String instanceId,
      String parentInstanceId,
      String calledFrom,
      String key,
      String name,
      String definitionId,
      int version,
      String deploymentId,
      OffsetDateTime deployedAt,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt,
      String diagram,
      List<String> visited,
      List<String> taken,
      List<String> active) {}

  /** One evaluation of a decision table with its inputs and outputs. */
  public record DecisionRun(
      String definitionKey,
      String name,
      int version,
      String deploymentId,
      OffsetDateTime evaluatedAt,
      String instanceId,
      String activityId,
      List<Value> inputs,
      List<Value> outputs) {}

  /** A named value of a decision's input or output. */
  public record Value(String name, Object value) {}
}
