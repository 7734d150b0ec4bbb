package cn.yishi.notice;

/**
 * An objection came after the notice closed or its period ended: too late to take it (the public
 * API answers 409); the message says until when objections were taken.
 */
public class NoticeClosedException extends RuntimeException {

  private final String noticeId;

  public NoticeClosedException(String noticeId, String message) {
    super(message);
    this.noticeId = noticeId;
  }

  public String noticeId() {
    return noticeId;
  }
}
