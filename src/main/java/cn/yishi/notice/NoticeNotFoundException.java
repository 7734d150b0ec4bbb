package cn.yishi.notice;

/** No notice has that id (the public API answers 404). */
public class NoticeNotFoundException extends RuntimeException {

  private final String noticeId;

  public NoticeNotFoundException(String noticeId) {
    super("公示 " + noticeId + " 不存在");
    this.noticeId = noticeId;
  }

  public String noticeId() {
    return noticeId;
  }
}
