package cn.yishi.signature;

/** What a signed record is: a meeting record (会议记录) or an implementation result (实施结果). */
public enum RecordKind {
  MEETING,
  RESULT
}
