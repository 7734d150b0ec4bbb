package cn.yishi.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Spring Boot's error page ({@code /error}), with two changes: an error of a request under {@code
 * /api} (an unknown path, a method not allowed, anything that failed before a controller was
 * chosen) is answered as problem+json with a Chinese detail and nothing internal; and {@code
 * /error} asked for directly (no error to show) is 404, not 500. Other paths (the webapps) get
 * Spring Boot's usual answer.
 */
public class ApiErrorController extends BasicErrorController {

  public ApiErrorController(
      ErrorAttributes attributes, ErrorProperties properties, List<ErrorViewResolver> resolvers) {
    super(attributes, properties, resolvers);
  }

  @Override
  protected HttpStatus getStatus(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
      return HttpStatus.NOT_FOUND;
    }
    return super.getStatus(request);
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    HttpStatus status = getStatus(request);
    if (uri == null || uri.toString().equals("/api") || uri.toString().startsWith("/api/")) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("title", status.getReasonPhrase());
      problem.put("status", status.value());
      problem.put("detail", ApiProblems.detail(null, status));
      problem.put("instance", uri == null ? request.getRequestURI() : uri.toString());
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return super.error(request);
  }
}
