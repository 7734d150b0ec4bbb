package cn.yishi.deliberation;

import static cn.yishi.deliberation.MeetingVariables.*;

import cn.yishi.common.DiagramCallable;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.common.StepActor;
import java.math.BigDecimal;
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
 * Double) and {@code meetingRecordedBy} names the user who recorded it: the authenticated user,
 * or else the task's assignee. A record nobody can be named for is refused: it is signed next.
 *
 * <p>A "7+X" meeting (小事小议: the meeting has {@code meetingStakeholders}) counts the X
 * stakeholders as members: the recorder enters the committee's own members expected ({@code
 * committeeMembers}) and members expected is computed as those plus the stakeholders, so that the
 * quorum and the vote are counted over the committee and the stakeholders together.
 */
@DiagramCallable
@Component("meetingRecordCheck")
public class MeetingRecordCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> stakeholders = TextLines.of(task.getVariable(MEETING_STAKEHOLDERS));
    Integer committeeMembers = null;
    Integer members;
    if (stakeholders.isEmpty()) {
      members = count(task, MEMBERS, "应到人数");
    } else {
      committeeMembers = count(task, COMMITTEE_MEMBERS, "议事委员会成员应到人数");
      if (committeeMembers == 0) {
        throw new InvalidStepInputException(COMMITTEE_MEMBERS, "议事委员会成员应到人数至少为1");
      }
      if (committeeMembers > Integer.MAX_VALUE - stakeholders.size()) {
        throw new InvalidStepInputException(COMMITTEE_MEMBERS, "议事委员会成员应到人数过大");
      }
      members = committeeMembers + stakeholders.size();
    }
    Integer present = count(task, PRESENT, "实到人数");
    Integer inFavour = count(task, IN_FAVOUR, "赞成票数");
    Object body = task.getVariable(MEETING_BODY);
    try {
      new MeetingCounts(body == null ? null : body.toString(), members, present, inFavour).validate();
    } catch (InvalidMeetingCountsException e) {
      String field = "body".equals(e.field()) ? MEETING_BODY : e.field();
      String message = e.getMessage();
      if (committeeMembers != null && MEMBERS.equals(e.field())) {
        field = COMMITTEE_MEMBERS;
      }
      if (committeeMembers != null && PRESENT.equals(e.field())) {
        message += "（应到" + members + "人：议事委员会成员" + committeeMembers + "人，利益相关方" + stakeholders.size() + "位）";
      }
      throw new InvalidStepInputException(field, message);
    }
    Object participants = task.getVariable(PARTICIPANTS);
    if (TextLines.of(participants).isEmpty()) {
      throw new InvalidStepInputException(PARTICIPANTS, "请填写签到的参会人员，每行一人");
    }
    if (participants.toString().length() > PARTICIPANTS_MAX_LENGTH) {
      throw new InvalidStepInputException(PARTICIPANTS, "参会人员名单不能超过" + PARTICIPANTS_MAX_LENGTH + "个字");
    }
    Object minutes = task.getVariable(MINUTES);
    if (minutes != null && minutes.toString().length() > MINUTES_MAX_LENGTH) {
      throw new InvalidStepInputException(MINUTES, "会议纪要不能超过" + MINUTES_MAX_LENGTH + "个字");
    }
    String recordedBy =
        StepActor.of(task)
            .orElseThrow(() -> new InvalidStepInputException(MEETING_RECORDED_BY, "无法确定会议记录人：请登录并认领任务后再提交"));
    task.setVariable(MEMBERS, members);
    if (committeeMembers != null) {
      task.setVariable(COMMITTEE_MEMBERS, committeeMembers);
    }
    task.setVariable(PRESENT, present);
    task.setVariable(IN_FAVOUR, inFavour);
    task.setVariable(MEETING_RECORDED_BY, recordedBy);
  }

  /** A whole, non-negative count from whatever the form sent (Integer, Long, Double, text). */
  private static Integer count(DelegateTask task, String field, String label) {
    Object value = task.getVariable(field);
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new InvalidStepInputException(field, label + "不能为空");
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidStepInputException(field, label + "必须是整数");
    }
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      throw new InvalidStepInputException(field, label + "必须是整数");
    }
    try {
      int whole = number.intValueExact();
      if (whole < 0) {
        throw new InvalidStepInputException(field, label + "不能为负数");
      }
      return whole;
    } catch (ArithmeticException e) {
      throw new InvalidStepInputException(field, label + "必须是不超过" + Integer.MAX_VALUE + "的整数");
    }
  }
}
