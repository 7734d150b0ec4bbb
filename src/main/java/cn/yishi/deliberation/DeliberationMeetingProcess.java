package cn.yishi.deliberation;

import cn.yishi.common.NotInDiagram;
import cn.yishi.common.ProcessBoundary;
import cn.yishi.common.Variable;

/**
 * The boundary of {@code deliberationMeeting} (召开会议, {@code processes/deliberationMeeting.bpmn}):
 * one meeting of a deliberating body, called by every track procedure (processes/README.md,
 * "Called-process contracts"). Its inputs and outputs (meetingBody, meetingStep, meetingGroup,
 * meetingPlan, meetingStakeholders, meetingOutcome, meetingRecordId) are in {@link
 * cn.yishi.common.CommonVariables}; here are the record's own fields.
 */
@ProcessBoundary(DeliberationMeetingProcess.KEY)
public final class DeliberationMeetingProcess {

  public static final String KEY = "deliberationMeeting";

  public static final String TASK_HOLD_MEETING = "Task_HoldMeeting";
  public static final String TASK_RESOLVE_MEETING = "Task_ResolveMeeting";
  public static final String TASK_SIGN = "Task_SignMeetingRecord";
  public static final String EVENT_MEETING_PASSED = "Event_MeetingPassed";
  public static final String EVENT_MEETING_REJECTED = "Event_MeetingRejected";

  // recorded in 召开会议 (the form's fields)
  /** Members expected (应到). */
  public static final Variable<Integer> MEMBERS = Variable.integer("members");

  /**
   * With meetingStakeholders only (a "7+X" committee): the committee's own members expected (the
   * "7"); {@link #MEMBERS} is computed from it.
   */
  public static final Variable<Integer> COMMITTEE_MEMBERS = Variable.integer("committeeMembers");

  public static final Variable<Integer> PRESENT = Variable.integer("present");
  public static final Variable<Integer> IN_FAVOUR = Variable.integer("inFavour");

  /** The participants who signed, one per line. */
  public static final Variable<String> PARTICIPANTS = Variable.text("participants");

  public static final Variable<String> MINUTES = Variable.text("minutes");

  /** The decision's input: the deliberating body (= meetingBody), CONTRACT §3. */
  public static final Variable<String> BODY = Variable.text("body");

  /** Who recorded the meeting: the authenticated user, or else the task's assignee. */
  @NotInDiagram("set by meetingRecordCheck, read by signMeetingRecord")
  public static final Variable<String> MEETING_RECORDED_BY = Variable.text("meetingRecordedBy");

  /** 1 for the first convening, one more for every meeting reconvened without quorum. */
  public static final Variable<Integer> MEETING_ATTEMPT = Variable.integer("meetingAttempt");

  /** Values of meetingOutcome; {@link #NO_QUORUM} reconvenes and never leaves. */
  public static final String NO_QUORUM = "NO_QUORUM";

  public static final String PASSED = "PASSED";
  public static final String REJECTED = "REJECTED";

  /** Longest participants list and minutes the form accepts. */
  public static final int PARTICIPANTS_MAX_LENGTH = 20_000;

  public static final int MINUTES_MAX_LENGTH = 10_000;

  private DeliberationMeetingProcess() {}
}
