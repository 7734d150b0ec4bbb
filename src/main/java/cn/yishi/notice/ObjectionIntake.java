package cn.yishi.notice;

import static cn.yishi.common.CommonVariables.NOTICE_ID;
import static cn.yishi.notice.PublicNoticeProcess.OBJECTION_ID;
import static cn.yishi.notice.PublicNoticeProcess.OBJECTION_MESSAGE;
import static cn.yishi.notice.PublicNoticeProcess.OBJECTION_TEXT;
import static cn.yishi.notice.PublicNoticeProcess.OBJECTOR_NAME;

import cn.yishi.common.BusinessTime;
import cn.yishi.common.InvalidStepInputException;
import cn.yishi.common.StepCheck;
import cn.yishi.common.Variable;
import cn.yishi.proposal.ProposalFields;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's objection to an open notice (CONTRACT §4 {@code POST /api/notices/{id}/objections}):
 * checked, stored, and correlated as the message {@value PublicNoticeProcess#OBJECTION_MESSAGE}
 * (with {@code objectionId}, {@code objectorName}, {@code objectionText}) to the {@code
 * publicNotice} instance with that {@code noticeId}, which opens one judging task for it; all in
 * one transaction. The notice stays open: only a well-founded judgement withdraws it, and its
 * period does not end while an objection waits.
 */
@Service
public class ObjectionIntake {

  /** The longest objector's name and objection text (the columns of notice_objection). */
  public static final int MAX_NAME = 50;

  public static final int MAX_TEXT = 2000;

  /** The request's fields (CONTRACT §4), checked as a step's input. */
  static final Variable<String> NAME = Variable.text("name");

  static final Variable<String> PHONE = Variable.text("phone");
  static final Variable<String> TEXT = Variable.text("text");

  private static final Logger LOG = LoggerFactory.getLogger(ObjectionIntake.class);

  private final NoticeRepository repository;
  private final RuntimeService runtimeService;
  private final BusinessTime time;

  public ObjectionIntake(
      NoticeRepository repository, RuntimeService runtimeService, BusinessTime time) {
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.time = time;
  }

  /**
   * Takes an objection within the notice period. Objections to one notice are serialised by a lock
   * on the notice's row, so two objections at once are two objections, each correlated and judged
   * in turn, never an error.
   *
   * @return the objection's id
   * @throws NoticeNotFoundException no notice has that id
   * @throws NoticeClosedException the period is over, or the notice was withdrawn or closed
   * @throws InvalidObjectionException name (1–50, no markup or control characters), phone (a
   *     mainland mobile number) or text (1–2000) missing, too long or malformed
   */
  @Transactional
  public String raiseObjection(String noticeId, String name, String phone, String text) {
    check(name, phone, text);
    NoticeRepository.Row notice =
        repository.lock(noticeId).orElseThrow(() -> new NoticeNotFoundException(noticeId));
    OffsetDateTime now = time.now();
    if (!now.isBefore(notice.to())) {
      throw new NoticeClosedException(
          noticeId, "本公示的公示期已于 " + BusinessTime.format(time.inZone(notice.to())) + " 届满，不再受理异议");
    }
    if (!notice.open()) {
      throw new NoticeClosedException(noticeId, "本公示已结束，不再受理异议");
    }
    String objectionId = UUID.randomUUID().toString();
    repository.insertObjection(objectionId, noticeId, name, phone, text, now);
    boolean reached =
        !runtimeService
            .createMessageCorrelation(OBJECTION_MESSAGE)
            .processInstanceVariableEquals(NOTICE_ID.name(), noticeId)
            .setVariables(
                Variable.values(
                    OBJECTION_ID.is(objectionId), OBJECTOR_NAME.is(name), OBJECTION_TEXT.is(text)))
            .correlateAllWithResult()
            .isEmpty();
    if (!reached) {
      LOG.warn(
          "Objection {} to notice {}: no publicNotice process waits for it; recorded only",
          objectionId,
          noticeId);
    }
    return objectionId;
  }

  private static void check(String name, String phone, String text) {
    Map<String, Object> fields = new HashMap<>();
    fields.put(NAME.name(), name);
    fields.put(PHONE.name(), phone);
    fields.put(TEXT.name(), text);
    StepCheck check = StepCheck.of(fields);
    // every field is checked, so a resident sees all that is wrong at once
    List<InvalidObjectionException.Problem> problems = new ArrayList<>();
    checkField(
        problems,
        () -> {
          check.requiredText(NAME, MAX_NAME, "姓名不能为空", "姓名不能超过 " + MAX_NAME + " 个字符");
          String nameProblem = ProposalFields.nameProblem(name);
          check.rule(nameProblem == null, NAME, "姓名" + nameProblem);
        });
    checkField(
        problems,
        () -> {
          check.requiredText(PHONE, 11, "手机号不能为空", "手机号不能超过 11 个字符");
          check.rule(
              ProposalFields.MOBILE.matcher(phone).matches(),
              PHONE,
              "手机号" + ProposalFields.MOBILE_MESSAGE);
        });
    checkField(
        problems,
        () -> check.requiredText(TEXT, MAX_TEXT, "异议内容不能为空", "异议内容不能超过 " + MAX_TEXT + " 个字符"));
    if (!problems.isEmpty()) {
      throw new InvalidObjectionException(problems);
    }
  }

  private static void checkField(List<InvalidObjectionException.Problem> problems, Runnable check) {
    try {
      check.run();
    } catch (InvalidStepInputException refused) {
      problems.add(new InvalidObjectionException.Problem(refused.field(), refused.getMessage()));
    }
  }
}
