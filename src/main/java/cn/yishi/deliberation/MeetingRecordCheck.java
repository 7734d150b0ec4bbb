package cn.yishi.deliberation;

import static cn.yishi.common.CommonVariables.MEETING_BODY;
import static cn.yishi.common.CommonVariables.MEETING_STAKEHOLDERS;
import static cn.yishi.deliberation.DeliberationMeetingProcess.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.common.StepActor;
import cn.yishi.common.StepCheck;
import cn.yishi.common.TextLines;
import cn.yishi.common.Variable;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks a meeting record when 召开会议 is completed (task listener {@code complete}, bean {@code
 * meetingRecordCheck}): counts that the decision table must never see (more present than members,
 * more votes than present, no members; {@link MeetingCounts#validate()}) and a record without
 * signed participants are refused with a Chinese message, so the task stays open and nothing is
 * saved. On success the counts are stored as whole numbers (Tasklist may send them as Long or
 * Double) and {@code meetingRecordedBy} names the user who recorded it: the authenticated user, or
 * else the task's assignee. A record nobody can be named for is refused: it is signed next.
 *
 * <p>A "7+X" meeting (小事小议: the meeting has {@code meetingStakeholders}) counts the X stakeholders
 * as members: the recorder enters the committee's own members expected ({@code committeeMembers})
 * and members expected is computed as those plus the stakeholders, so that the quorum and the vote
 * are counted over the committee and the stakeholders together.
 */
@DiagramCallable
@Component("meetingRecordCheck")
public class MeetingRecordCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    StepCheck check = StepCheck.of(task);
    List<String> stakeholders = TextLines.of(MEETING_STAKEHOLDERS.get(task));
    Integer committeeMembers = null;
    int members;
    if (stakeholders.isEmpty()) {
      members = check.count(MEMBERS, "应到人数");
    } else {
      committeeMembers = check.count(COMMITTEE_MEMBERS, "议事委员会成员应到人数");
      check.rule(committeeMembers != 0, COMMITTEE_MEMBERS, "议事委员会成员应到人数至少为1");
      check.rule(
          committeeMembers <= Integer.MAX_VALUE - stakeholders.size(),
          COMMITTEE_MEMBERS,
          "议事委员会成员应到人数过大");
      members = committeeMembers + stakeholders.size();
    }
    int present = check.count(PRESENT, "实到人数");
    int inFavour = check.count(IN_FAVOUR, "赞成票数");
    Object body = check.raw(MEETING_BODY);
    try {
      new MeetingCounts(body == null ? null : body.toString(), members, present, inFavour)
          .validate();
    } catch (InvalidMeetingCountsException e) {
      Variable<?> field = fieldOf(e.field());
      String message = e.getMessage();
      if (committeeMembers != null && field == MEMBERS) {
        field = COMMITTEE_MEMBERS;
      }
      if (committeeMembers != null && field == PRESENT) {
        message +=
            "（应到"
                + members
                + "人：议事委员会成员"
                + committeeMembers
                + "人，利益相关方"
                + stakeholders.size()
                + "位）";
      }
      throw new InvalidStepInputException(field.name(), message);
    }
    check.rule(!TextLines.of(check.raw(PARTICIPANTS)).isEmpty(), PARTICIPANTS, "请填写签到的参会人员，每行一人");
    check.rule(
        check.raw(PARTICIPANTS).toString().length() <= PARTICIPANTS_MAX_LENGTH,
        PARTICIPANTS,
        "参会人员名单不能超过" + PARTICIPANTS_MAX_LENGTH + "个字");
    Object minutes = check.raw(MINUTES);
    check.rule(
        minutes == null || minutes.toString().length() <= MINUTES_MAX_LENGTH,
        MINUTES,
        "会议纪要不能超过" + MINUTES_MAX_LENGTH + "个字");
    String recordedBy =
        StepActor.of(task)
            .orElseThrow(
                () ->
                    new InvalidStepInputException(
                        MEETING_RECORDED_BY.name(), "无法确定会议记录人：请登录并认领任务后再提交"));
    MEMBERS.set(task, members);
    if (committeeMembers != null) {
      COMMITTEE_MEMBERS.set(task, committeeMembers);
    }
    PRESENT.set(task, present);
    IN_FAVOUR.set(task, inFavour);
    MEETING_RECORDED_BY.set(task, recordedBy);
  }

  /** The record's field a refused count names (MeetingCounts names the decision's inputs). */
  private static Variable<?> fieldOf(String countField) {
    if (BODY.name().equals(countField)) {
      return MEETING_BODY;
    }
    for (Variable<?> count : List.of(MEMBERS, PRESENT, IN_FAVOUR)) {
      if (count.name().equals(countField)) {
        return count;
      }
    }
    throw new IllegalStateException("unknown count field " + countField);
  }
}
