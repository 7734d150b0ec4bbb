package cn.yishi.supervision;

import java.time.OffsetDateTime;

/**
 * What the watch did about one user task (table {@code supervision_record}): when the reminder went
 * out, since when the step is overdue and the supervision (督办) it started. Each happens at most
 * once per task.
 */
public record SupervisionRecord(
    String taskId,
    String proposalNumber,
    OffsetDateTime remindedAt,
    OffsetDateTime overdueSince,
    String supervisionInstanceId) {

  public boolean reminded() {
    return remindedAt != null;
  }

  public boolean supervised() {
    return supervisionInstanceId != null;
  }
}
