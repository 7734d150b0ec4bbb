package cn.yishi.notice;

import cn.yishi.api.ApiProblems;
import cn.yishi.api.JsonBody;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public notice board (公示栏), CONTRACT §4: {@code GET /api/notices} newest first (each with the
 * reasoned {@code replies} to objections judged unfounded), and a resident's objection while a
 * notice is open, which the owning level judges (well-founded: back to deliberation). The objection
 * body is read as strictly as a proposal ({@link JsonBody}): only {@code name}, {@code phone} and
 * {@code text}, all text; refusals are problem+json naming the field.
 */
@RestController
public class NoticeController {

  static final Set<String> OBJECTION_FIELDS = Set.of("name", "phone", "text");

  private final PublicNotices notices;
  private final ObjectionIntake objections;

  public NoticeController(PublicNotices notices, ObjectionIntake objections) {
    this.notices = notices;
    this.objections = objections;
  }

  @GetMapping(value = "/api/notices", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<PublicNotice> list() {
    return notices.list();
  }

  @PostMapping(value = "/api/notices/{id}/objections", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> object(
      @PathVariable String id, HttpServletRequest request) {
    Map<String, Object> fields = JsonBody.read(request, OBJECTION_FIELDS, Map.of());
    JsonBody.requireText(fields, OBJECTION_FIELDS);
    String objectionId =
        objections.raiseObjection(
            id, trimmed(fields, "name"), trimmed(fields, "phone"), trimmed(fields, "text"));
    return ResponseEntity.created(URI.create("/api/notices/" + id + "/objections/" + objectionId))
        .body(Map.of("id", objectionId, "noticeId", id));
  }

  private static String trimmed(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    return value == null ? null : value.toString().trim();
  }

  @ExceptionHandler(InvalidObjectionException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidObjectionException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "异议信息有误：" + e.getMessage());
    problem.setProperty(
        "errors",
        e.problems().stream().map(p -> new JsonBody.FieldProblem(p.field(), p.message())).toList());
    return ApiProblems.problem(problem);
  }

  @ExceptionHandler(NoticeNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NoticeNotFoundException e) {
    return ApiProblems.problem(
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(NoticeClosedException.class)
  ResponseEntity<ProblemDetail> closed(NoticeClosedException e) {
    return ApiProblems.problem(
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
  }
}
