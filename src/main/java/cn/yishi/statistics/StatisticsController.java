package cn.yishi.statistics;

import cn.yishi.api.ApiProblems;
import cn.yishi.api.JsonBody.FieldProblem;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Unit;
import cn.yishi.organisation.UnitLevel;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/statistics} (CONTRACT §4), for anyone: the counts and rates of {@link
 * StatisticsService}, optionally of the proposals submitted {@code from}..{@code to} (business
 * dates {@code YYYY-MM-DD}, inclusive) in one {@code street} or {@code community} (unit codes, as
 * {@code GET /api/organisation} lists them). As strict as the other endpoints: every bad query
 * parameter (unknown, given twice, not a date, from after to, unknown street or community, a
 * community not in the street) is named in one 400 problem+json's {@code errors}.
 */
@RestController
public class StatisticsController {

  static final String FROM = "from";
  static final String TO = "to";
  static final String STREET = "street";
  static final String COMMUNITY = "community";
  static final Set<String> PARAMETERS = Set.of(FROM, TO, STREET, COMMUNITY);

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final StatisticsService statistics;
  private final OrganisationService organisation;

  public StatisticsController(StatisticsService statistics, OrganisationService organisation) {
    this.statistics = statistics;
    this.organisation = organisation;
  }

  @GetMapping(value = "/api/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> statistics(HttpServletRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    Map<String, String[]> given = request.getParameterMap();
    for (String name : new TreeSet<>(given.keySet())) {
      if (!PARAMETERS.contains(name)) {
        errors.add(new FieldProblem(name, "未知参数（可用：from、to、street、community）"));
      } else if (given.get(name).length > 1) {
        errors.add(new FieldProblem(name, "参数只能给一次"));
      }
    }
    LocalDate from = date(given, FROM, errors);
    LocalDate to = date(given, TO, errors);
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldProblem(FROM, "起始日期 from 不能晚于截止日期 to"));
    }
    Optional<Unit> street = unit(given, STREET, UnitLevel.STREET, "不是已知的街道", errors);
    Optional<Unit> community = unit(given, COMMUNITY, UnitLevel.COMMUNITY, "不是已知的社区", errors);
    if (street.isPresent() && community.isPresent() && !street.get().contains(community.get())) {
      errors.add(
          new FieldProblem(
              COMMUNITY, "社区 " + community.get().code() + " 不属于街道 " + street.get().code()));
    }
    if (!errors.isEmpty()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "统计查询参数有误");
      problem.setProperty("errors", errors);
      return ApiProblems.problem(problem);
    }
    String area = community.map(Unit::code).orElseGet(() -> street.map(Unit::code).orElse(null));
    return ResponseEntity.ok(statistics.report(new StatisticsService.Query(from, to, area)));
  }

  private static String single(Map<String, String[]> given, String name) {
    String[] values = given.get(name);
    return values == null || values.length != 1 ? null : values[0];
  }

  private static LocalDate date(
      Map<String, String[]> given, String name, List<FieldProblem> errors) {
    String value = single(given, name);
    if (value == null) {
      return null;
    }
    if (DATE.matcher(value).matches()) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        // not a day of the calendar (2026-02-30): refused below
      }
    }
    errors.add(new FieldProblem(name, "须为日期 YYYY-MM-DD"));
    return null;
  }

  private Optional<Unit> unit(
      Map<String, String[]> given,
      String name,
      UnitLevel level,
      String unknown,
      List<FieldProblem> errors) {
    String value = single(given, name);
    if (value == null) {
      return Optional.empty();
    }
    Optional<Unit> unit = organisation.findUnit(value).filter(u -> u.level() == level);
    if (unit.isEmpty()) {
      errors.add(new FieldProblem(name, unknown));
    }
    return unit;
  }
}
