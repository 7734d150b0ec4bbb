package cn.yishi.notice;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public notice board (公示栏), CONTRACT §4: {@code GET /api/notices} newest first, and a
 * resident's objection while a notice is open, which returns the proposal to deliberation.
 */
@RestController
public class NoticeController {

  private final Notices notices;

  public NoticeController(Notices notices) {
    this.notices = notices;
  }

  @GetMapping(value = "/api/notices", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<PublicNotice> list() {
    return notices.list();
  }

  @PostMapping(value = "/api/notices/{id}/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> object(@PathVariable String id, @RequestBody Objection objection) {
    if (objection == null || blank(objection.name()) || blank(objection.phone()) || blank(objection.text())) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "异议须填写姓名、手机号和异议内容");
      problem.setProperty(
          "errors",
          List.of(Map.of("field", "name/phone/text", "message", "必填")));
      throw new BadObjection(problem);
    }
    String objectionId = notices.raiseObjection(id, objection.name().trim(), objection.phone().trim(), objection.text().trim());
    return ResponseEntity.created(URI.create("/api/notices/" + id + "/objections/" + objectionId))
        .body(Map.of("id", objectionId, "noticeId", id));
  }

  /** A resident's objection to a notice. */
  public record Objection(String name, String phone, String text) {}

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @ExceptionHandler(NoticeNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NoticeNotFoundException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(NoticeClosedException.class)
  ResponseEntity<ProblemDetail> closed(NoticeClosedException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
  }

  @ExceptionHandler(BadObjection.class)
  ResponseEntity<ProblemDetail> bad(BadObjection e) {
    return problem(e.problem);
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  static class BadObjection extends RuntimeException {
    final transient ProblemDetail problem;

    BadObjection(ProblemDetail problem) {
      this.problem = problem;
    }
  }
}
