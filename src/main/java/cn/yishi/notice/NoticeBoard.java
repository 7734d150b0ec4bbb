package cn.yishi.notice;

import static cn.yishi.common.CommonVariables.COMMUNITY;
import static cn.yishi.common.CommonVariables.DELIBERATION_UNIT;
import static cn.yishi.common.CommonVariables.NOTICE_CONTENT;
import static cn.yishi.common.CommonVariables.NOTICE_ID;
import static cn.yishi.common.CommonVariables.NOTICE_KIND;
import static cn.yishi.common.CommonVariables.OBJECTION_PAUSES_WORK;
import static cn.yishi.common.CommonVariables.TIME_LIMITS;
import static cn.yishi.common.CommonVariables.TITLE;
import static cn.yishi.notice.PublicNoticeProcess.*;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.DiagramCallable;
import cn.yishi.common.Variable;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Bean {@code notices} of {@code publicNotice}: {@code ${notices.publish(execution)}} posts the
 * notice on the board ({@link PublicNotices}) and sets {@code noticeId}, {@code noticeUntil},
 * {@code objectionRound} and {@code objectionJudgeUnit}; {@code ${notices.judge(execution)}}
 * records a judgement; {@code ${notices.close(execution)}} takes the notice down. The proposal's
 * number is the process's business key.
 */
@DiagramCallable
@Component("notices")
public class NoticeBoard {

  private final PublicNotices notices;

  public NoticeBoard(PublicNotices notices) {
    this.notices = notices;
  }

  /**
   * Posts the notice the execution describes ({@code noticeKind}, {@code noticeContent}, {@code
   * title}, {@code timeLimits.noticePeriod} and {@code objectionRoundLevelAbove}; the owning level
   * {@code deliberationUnit}, else the proposal's {@code community}).
   */
  public String publish(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    PublicNotices.Posted posted =
        notices.post(
            new PublicNotices.NoticeRequest(
                required(execution, NOTICE_KIND),
                required(execution, NOTICE_CONTENT),
                number,
                TITLE.get(execution),
                timeLimit(execution, NOTICE_PERIOD, "公示期").toString(),
                owningUnit(execution),
                roundLevelAbove(execution)));
    NOTICE_ID.set(execution, posted.noticeId());
    NOTICE_UNTIL.set(execution, BusinessTime.format(posted.until()));
    OBJECTION_ROUND.set(execution, posted.objectionRound());
    OBJECTION_JUDGE_UNIT.set(execution, posted.judgeUnit());
    return posted.noticeId();
  }

  /**
   * Records the judgement of the objection {@code judgedObjectionId} (the judging task's output).
   */
  public void judge(DelegateExecution execution) {
    Boolean pauses =
        notices.judge(
            required(execution, JUDGED_OBJECTION_ID),
            required(execution, OBJECTION_JUDGEMENT),
            required(execution, OBJECTION_REPLY),
            OBJECTION_PAUSES_WORK.get(execution),
            OBJECTION_JUDGE_UNIT.get(execution));
    if (pauses != null) {
      OBJECTION_PAUSES_WORK.set(execution, pauses);
    }
  }

  /** Takes the execution's notice ({@code noticeId}) down. */
  public void close(DelegateExecution execution) {
    notices.close(required(execution, NOTICE_ID));
  }

  private static String owningUnit(DelegateExecution execution) {
    for (Variable<String> unit : List.of(DELIBERATION_UNIT, COMMUNITY)) {
      String code = unit.get(execution);
      if (code != null && !code.isBlank()) {
        return code;
      }
    }
    throw new IllegalStateException(
        "公示缺少负责判断异议的单位（deliberationUnit 或 community，提案 " + execution.getProcessBusinessKey() + "）");
  }

  /** From this objection round on the level above judges (timeLimits.objectionRoundLevelAbove). */
  private static int roundLevelAbove(DelegateExecution execution) {
    if (timeLimit(execution, OBJECTION_ROUND_LEVEL_ABOVE, "上级判断异议的起始轮次") instanceof Number round) {
      return round.intValue();
    }
    throw missingTimeLimit(execution, OBJECTION_ROUND_LEVEL_ABOVE, "上级判断异议的起始轮次");
  }

  /** One output of the proposal's timeLimits, or a failure naming it ({@code label} in Chinese). */
  private static Object timeLimit(DelegateExecution execution, String name, String label) {
    Map<String, Object> limits = TIME_LIMITS.get(execution);
    if (limits != null && limits.get(name) != null) {
      return limits.get(name);
    }
    throw missingTimeLimit(execution, name, label);
  }

  private static IllegalStateException missingTimeLimit(
      DelegateExecution execution, String name, String label) {
    return new IllegalStateException(
        "提案 " + execution.getProcessBusinessKey() + " 缺少" + label + "（timeLimits." + name + "）");
  }

  private static String required(DelegateExecution execution, Variable<String> variable) {
    String value = variable.get(execution);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "公示缺少变量 " + variable.name() + "（提案 " + execution.getProcessBusinessKey() + "）");
    }
    return value;
  }
}
