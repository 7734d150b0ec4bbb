package cn.yishi.notification;

import java.time.OffsetDateTime;

/**
 * One message of the outbox (table {@code notification}): to a submitter's phone or to a task's
 * candidate group, about one proposal.
 *
 * @param recipientKind {@link #PHONE} or {@link #GROUP}
 * @param deliveredAt null until a channel accepted the message
 * @param attempts how often delivery was tried (failed tries included)
 */
public record Notification(
    String id,
    String proposalNumber,
    String recipientKind,
    String recipient,
    String message,
    String channel,
    OffsetDateTime createdAt,
    OffsetDateTime deliveredAt,
    int attempts,
    String lastError) {

  public static final String PHONE = "PHONE";
  public static final String GROUP = "GROUP";

  public boolean delivered() {
    return deliveredAt != null;
  }

  /** The recipient as it may appear in logs: a phone number masked, a group id as it is. */
  public String maskedRecipient() {
    return PHONE.equals(recipientKind) ? PhoneMasking.mask(recipient) : recipient;
  }
}
