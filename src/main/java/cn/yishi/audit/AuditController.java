package cn.yishi.audit;

import cn.yishi.api.JsonBody;
import cn.yishi.common.BusinessTime;
import cn.yishi.organisation.OrganisationService;
import cn.yishi.organisation.Unit;
import cn.yishi.organisation.UnitLevel;
import cn.yishi.proposal.HandlingDeadline;
import cn.yishi.proposal.ProposalStatus;
import cn.yishi.proposal.ProposalView;
import cn.yishi.proposal.ProposalViewService;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit API (CONTRACT §4, AUDIT_API.md): one proposal's trail as JSON or CSV, a search over
 * running and finished proposals, and the diagrams they ran on. Read-only; who may read which
 * community's proposals comes from the {@link AuditReader} the audit authentication set.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final int MAX_PAGE_SIZE = 100;
  private static final Set<String> TRACKS = Set.of("URGENT", "MINOR", "MAJOR", "HARD");

  private final AuditTrailService trails;
  private final ProposalViewService views;
  private final OrganisationService organisation;
  private final BusinessTime time;

  public AuditController(
      AuditTrailService trails,
      ProposalViewService views,
      OrganisationService organisation,
      BusinessTime time) {
    this.trails = trails;
    this.views = views;
    this.organisation = organisation;
    this.time = time;
  }

  @GetMapping("/proposals/{number}")
  public ResponseEntity<?> trail(
      @PathVariable String number,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      @RequestParam(required = false) String format,
      HttpServletRequest request) {
    AuditReader reader = reader(request);
    Optional<String> community = trails.communityOf(number);
    if (community.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "没有编号为 " + number + " 的提案", null);
    }
    if (!reader.mayRead(community.get())) {
      return problem(HttpStatus.FORBIDDEN, "只能查看本社区的提案", null);
    }
    AuditTrail trail = trails.trail(number).orElseThrow();
    boolean csv =
        "csv".equalsIgnoreCase(format)
            || (format == null && accept != null && accept.toLowerCase().contains("text/csv"));
    if (csv) {
      return ResponseEntity.ok()
          .contentType(CSV)
          .header(
              HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number + "-trail.csv\"")
          .body(AuditCsv.write(trail.events()).getBytes(StandardCharsets.UTF_8));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(trail);
  }

  @GetMapping("/proposals")
  public ResponseEntity<?> search(
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String street,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String track,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      HttpServletRequest request) {
    AuditReader reader = reader(request);
    int pageNo;
    int pageSize;
    LocalDate fromDate;
    LocalDate toDate;
    try {
      for (Map.Entry<String, String[]> given : request.getParameterMap().entrySet()) {
        for (String value : given.getValue()) {
          if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot compare it (text has no NUL): refused alike on every database
            throw new BadParameter(given.getKey(), given.getKey() + " " + JsonBody.NUL_MESSAGE);
          }
        }
      }
      pageNo = whole(page, 0, "page", Integer.MAX_VALUE / MAX_PAGE_SIZE);
      pageSize = whole(size, 20, "size", MAX_PAGE_SIZE);
      if (pageSize < 1) {
        throw new BadParameter("size", "size 须为 1–" + MAX_PAGE_SIZE);
      }
      fromDate = date(from, "from");
      toDate = date(to, "to");
      if (status != null && !status.isBlank()) {
        try {
          ProposalStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
          throw new BadParameter("status", "status 不是已知的提案状态：" + status);
        }
      }
      if (track != null && !track.isBlank() && !TRACKS.contains(track)) {
        throw new BadParameter("track", "track 须为 URGENT、MINOR、MAJOR 或 HARD");
      }
    } catch (BadParameter e) {
      return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter);
    }
    Set<String> communities = reader.readsAll() ? null : new TreeSet<>(reader.communities());
    if (blankToNull(community) != null) {
      if (organisation.findUnit(community).isEmpty()) {
        return problem(HttpStatus.BAD_REQUEST, "community 不是已知的社区：" + community, "community");
      }
      communities = narrow(communities, Set.of(community));
    }
    if (blankToNull(street) != null) {
      Optional<Unit> unit = organisation.findUnit(street);
      if (unit.isEmpty() || unit.get().level() != UnitLevel.STREET) {
        return problem(HttpStatus.BAD_REQUEST, "street 不是已知的街道：" + street, "street");
      }
      Set<String> inStreet = new TreeSet<>();
      for (Unit c : organisation.childrenOf(street)) {
        inStreet.add(c.code());
      }
      communities = narrow(communities, inStreet);
    }
    ProposalViewService.Page found =
        views.search(
            new ProposalViewService.Search(
                blankToNull(number),
                blankToNull(q),
                communities,
                blankToNull(status),
                blankToNull(track),
                fromDate == null ? null : fromDate.atStartOfDay(time.zone()).toOffsetDateTime(),
                toDate == null
                    ? null
                    : toDate.plusDays(1).atStartOfDay(time.zone()).toOffsetDateTime()),
            pageNo,
            pageSize);
    List<Map<String, Object>> items = found.items().stream().map(this::item).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", found.total());
    body.put("page", pageNo);
    body.put("size", pageSize);
    body.put("items", items);
    return ResponseEntity.ok(body);
  }

  @GetMapping("/diagrams/{definitionId}")
  public ResponseEntity<?> diagram(@PathVariable String definitionId, HttpServletRequest request) {
    reader(request);
    // the procedures are public (every unit group reads every definition): any reader may see them
    return trails
        .diagram(definitionId)
        .<ResponseEntity<?>>map(
            xml ->
                ResponseEntity.ok()
                    .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
                    .body(xml))
        .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "没有这个流程定义：" + definitionId, null));
  }

  private Map<String, Object> item(ProposalView v) {
    Map<String, Object> item = new LinkedHashMap<>();
    Optional<Unit> street = organisation.ancestorAt(v.community(), UnitLevel.STREET);
    item.put("number", v.number());
    item.put("title", v.title());
    item.put("community", v.community());
    item.put("communityName", organisation.findUnit(v.community()).map(Unit::name).orElse(null));
    item.put("street", street.map(Unit::code).orElse(null));
    item.put("streetName", street.map(Unit::name).orElse(null));
    item.put("status", v.status().name());
    item.put("statusLabel", v.status().label());
    item.put("track", v.track());
    item.put("level", v.level());
    item.put("submittedAt", v.submittedAt());
    item.put("updatedAt", v.updatedAt());
    item.put("finished", HandlingDeadline.ENDED.contains(v.status()));
    return item;
  }

  private static Set<String> narrow(Set<String> allowed, Set<String> wanted) {
    if (allowed == null) {
      return new TreeSet<>(wanted);
    }
    Set<String> both = new TreeSet<>(allowed);
    both.retainAll(wanted);
    return both;
  }

  private static AuditReader reader(HttpServletRequest request) {
    Object reader = request.getAttribute(AuditReader.ATTRIBUTE);
    if (reader instanceof AuditReader r) {
      return r;
    }
    // the audit authentication runs before every /api/audit call; without it nobody reads
    throw new IllegalStateException("audit request without an authenticated reader");
  }

  private static int whole(String value, int otherwise, String name, int max) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0 || n > max) {
        throw new BadParameter(name, name + " 须为 0–" + max + " 的整数");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadParameter(name, name + " 须为整数：" + value);
    }
  }

  private static LocalDate date(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new BadParameter(name, name + " 须为日期 yyyy-MM-dd：" + value);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String detail, String parameter) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (parameter != null) {
      problem.setProperty("parameter", parameter);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static final class BadParameter extends RuntimeException {
    final String parameter;

    BadParameter(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }
  }
}
