package cn.yishi.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One event of a proposal's audit trail (AUDIT_API.md "events"): when, what kind, in which process
 * instance and activity, the step's name, who did it, what they chose, the details, and for signed
 * records whether the signature and content hash check now ({@code null} for other kinds).
 */
public record AuditEvent(
    OffsetDateTime at,
    Kind kind,
    String instanceId,
    String activityId,
    String step,
    String actor,
    String actorName,
    String outcome,
    Map<String, Object> details,
    Boolean verified) {

  /** The event kinds of AUDIT_API.md, with their Chinese labels for the CSV's 类别 column. */
  public enum Kind {
    STEP("步骤"),
    DECISION("决策表"),
    CORRECTION("更正"),
    MEETING_RECORD("会议记录"),
    SIGNATURE("签名"),
    NOTICE("公示"),
    OBJECTION("异议"),
    JUDGEMENT("异议研判"),
    NOTIFICATION("通知"),
    SUPERVISION("督办"),
    SUMMONS("部门报到"),
    SETTLED_BELOW("降级办结"),
    COMMENT("备注"),
    OPERATION("操作记录");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public AuditEvent {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** The kind's Chinese label (the CSV's 类别), for the audit page. */
  @JsonProperty("kindLabel")
  public String kindLabel() {
    return kind.label();
  }
}
