package cn.yishi.notice;

import static cn.yishi.notice.PublicNoticeProcess.KIND_RESOLUTION;
import static cn.yishi.notice.PublicNoticeProcess.KIND_RESULT;
import static cn.yishi.notice.PublicNoticeProcess.UNFOUNDED;
import static cn.yishi.notice.PublicNoticeProcess.WELL_FOUNDED;

import cn.yishi.common.BusinessTime;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Unit;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The public notice board (公示栏): posts a resolution or a result for its notice period, records the
 * judgement of an objection, takes a notice down, and shows the board ({@link #list}) with the
 * reasoned replies to objections judged unfounded ({@link PublicNotice#replies()}). The diagram
 * reaches it through {@link NoticeBoard}; residents' objections come in through {@link
 * ObjectionIntake}.
 */
@Service
public class PublicNotices {

  /** The longest reply to an objection (the column of notice_objection). */
  public static final int MAX_TEXT = 2000;

  private static final Set<String> KINDS = Set.of(KIND_RESOLUTION, KIND_RESULT);

  private final NoticeRepository repository;
  private final BusinessTime time;
  private final OrganisationService organisation;

  public PublicNotices(
      NoticeRepository repository, BusinessTime time, OrganisationService organisation) {
    this.repository = repository;
    this.time = time;
    this.organisation = organisation;
  }

  /**
   * What to post: its kind ({@link PublicNoticeProcess#KIND_RESOLUTION} or {@link
   * PublicNoticeProcess#KIND_RESULT}), text, the proposal's number (may be null) and title, the
   * notice period (ISO-8601, timeLimits.noticePeriod), the owning unit, and from which objection
   * round on the level above judges (timeLimits.objectionRoundLevelAbove).
   */
  public record NoticeRequest(
      String kind,
      String content,
      String proposalNumber,
      String title,
      String period,
      String owningUnit,
      int roundLevelAbove) {}

  /**
   * A posted notice: its id, when its period ends, the objection round it is on its proposal (1 +
   * the proposal's earlier notices that received objections), and the unit that would judge an
   * objection (the owning unit; from round {@code roundLevelAbove} on the level above it, the
   * district judging its own).
   */
  public record Posted(
      String noticeId, OffsetDateTime until, int objectionRound, String judgeUnit) {}

  /** Posts a notice, open from now until its period ends. */
  public Posted post(NoticeRequest request) {
    if (!KINDS.contains(request.kind())) {
      throw new IllegalArgumentException("公示类型 '" + request.kind() + "' 未知（可用：" + KINDS + "）");
    }
    OffsetDateTime from = time.now();
    OffsetDateTime to =
        NoticePeriods.end(from.atZoneSameInstant(time.zone()), request.period()).toOffsetDateTime();
    String owner = request.owningUnit();
    int round =
        request.proposalNumber() == null
            ? 1
            : repository.objectedNotices(request.proposalNumber()) + 1;
    String judge =
        round >= request.roundLevelAbove()
            ? organisation.parentOf(owner).map(Unit::code).orElse(owner)
            : owner;
    String id = UUID.randomUUID().toString();
    repository.insertNotice(
        new NoticeRepository.Row(
            id,
            request.proposalNumber(),
            request.title(),
            request.kind(),
            request.content(),
            from,
            to,
            true));
    return new Posted(id, to, round, judge);
  }

  /**
   * Records the judgement of one objection: {@link PublicNoticeProcess#WELL_FOUNDED} or {@link
   * PublicNoticeProcess#UNFOUNDED}, the reasons (for an unfounded objection the public reply on the
   * notice), the judging unit, and for a well-founded one whether work under way pauses (returned:
   * false when not asked; null for an unfounded one).
   */
  public Boolean judge(
      String objectionId, String judgement, String reply, Boolean pausesWork, String judgeUnit) {
    if (!WELL_FOUNDED.equals(judgement) && !UNFOUNDED.equals(judgement)) {
      throw new IllegalArgumentException("异议判断 '" + judgement + "' 未知（可用：WELL_FOUNDED、UNFOUNDED）");
    }
    String text = reply.trim();
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("答复不能超过 " + MAX_TEXT + " 个字符");
    }
    Boolean pauses = WELL_FOUNDED.equals(judgement) ? Boolean.TRUE.equals(pausesWork) : null;
    if (!repository.recordJudgement(objectionId, judgement, text, pauses, judgeUnit, time.now())) {
      throw new IllegalStateException("异议 " + objectionId + " 不存在");
    }
    return pauses;
  }

  /** Takes a notice down; closing a closed notice changes nothing. */
  public void close(String noticeId) {
    if (!repository.close(noticeId, time.now())) {
      throw new NoticeNotFoundException(noticeId);
    }
  }

  /** The notice board, newest first. */
  public List<PublicNotice> list() {
    OffsetDateTime now = time.now();
    Map<String, List<NoticeRepository.Reply>> replies = repository.repliesByNotice(UNFOUNDED);
    return repository.all().stream()
        .map(row -> view(row, now, replies.getOrDefault(row.id(), List.of())))
        .toList();
  }

  /**
   * One proposal's notices, oldest first: read by its number, not picked from the whole board
   * (which grows with every proposal a deployment keeps).
   */
  public List<PublicNotice> ofProposal(String number) {
    OffsetDateTime now = time.now();
    return repository.ofProposal(number).stream()
        .map(row -> view(row, now, repository.replies(row.id(), UNFOUNDED)))
        .toList();
  }

  public Optional<PublicNotice> find(String noticeId) {
    OffsetDateTime now = time.now();
    return repository
        .find(noticeId)
        .map(row -> view(row, now, repository.replies(noticeId, UNFOUNDED)));
  }

  /**
   * The objections raised against a notice, oldest first, with their judgement, for staff views.
   */
  public List<Map<String, Object>> objections(String noticeId) {
    return repository.objections(noticeId);
  }

  private PublicNotice view(
      NoticeRepository.Row row, OffsetDateTime now, List<NoticeRepository.Reply> replies) {
    return new PublicNotice(
        row.id(),
        row.proposalNumber(),
        row.title(),
        row.kind(),
        row.content(),
        time.inZone(row.from()),
        time.inZone(row.to()),
        row.open() && now.isBefore(row.to()),
        replies.stream().map(r -> new PublicNotice.Reply(time.inZone(r.at()), r.text())).toList());
  }

  /** Removes the notices and objections of these proposals (their history has expired). */
  public void forget(Collection<String> numbers) {
    if (!numbers.isEmpty()) {
      repository.forget(numbers);
    }
  }
}
