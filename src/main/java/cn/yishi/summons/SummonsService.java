package cn.yishi.summons;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The records of 吹哨报到: who summoned which departments for what, and each department's report-in,
 * work and rating once the summoning level has rated it. Both are written in the caller's (the
 * engine step's) transaction. The diagram reaches it through {@link DepartmentRatings}.
 */
@Service
public class SummonsService {

  private final SummonsRepository repository;

  public SummonsService(SummonsRepository repository) {
    this.repository = repository;
  }

  /**
   * Records a summons and returns its id. Refuses a summons without departments or summoning unit:
   * the multi-instance would otherwise finish at once and nobody would ever report in.
   */
  public String summon(
      String proposalNumber,
      String summoningUnit,
      List<String> departments,
      String summonsTask,
      String summonedBy,
      String processInstanceId) {
    if (departments.isEmpty()) {
      throw new IllegalArgumentException(
          "departmentSummons started without summonedDepartments (proposal "
              + proposalNumber
              + ")");
    }
    if (summoningUnit == null || summoningUnit.isBlank()) {
      throw new IllegalArgumentException(
          "departmentSummons started without summoningUnit (proposal " + proposalNumber + ")");
    }
    SummonsRecord summons =
        new SummonsRecord(
            UUID.randomUUID().toString(),
            proposalNumber,
            summoningUnit,
            departments,
            text(summonsTask),
            summonedBy,
            now(),
            processInstanceId);
    repository.insert(summons);
    return summons.id();
  }

  /** One department's part as the summoning unit rated it. */
  public record RatedPart(
      String summonsId,
      String proposalNumber,
      String department,
      String summoningUnit,
      boolean reportInOverdue,
      Date reportedInAt,
      String reportedInBy,
      Date doneAt,
      String doneBy,
      String work,
      String view,
      DepartmentRating rating,
      String ratingComment,
      String ratedBy,
      Date ratedAt) {}

  /** Records one department's part as rated. */
  public void record(RatedPart part) {
    if (part.rating() == null) {
      throw new IllegalStateException("no departmentRating for department " + part.department());
    }
    repository.insert(
        new DepartmentRatingRecord(
            UUID.randomUUID().toString(),
            part.summonsId(),
            part.proposalNumber(),
            part.department(),
            part.summoningUnit(),
            part.reportInOverdue(),
            at(part.reportedInAt()),
            text(part.reportedInBy()),
            at(part.doneAt()),
            text(part.doneBy()),
            workOrView(part.work(), part.view()),
            part.rating(),
            text(part.ratingComment()),
            text(part.ratedBy()),
            at(part.ratedAt())));
  }

  /** What the department did, or (summoned for its view) the view it gave. */
  private static String workOrView(String work, String view) {
    String done = text(work);
    if (done != null) {
      return done;
    }
    String given = text(view);
    return given == null ? null : "意见：" + given;
  }

  static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private static OffsetDateTime at(Date date) {
    return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
  }

  private static String text(String value) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    return text.isEmpty() ? null : text;
  }
}
