package cn.yishi.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * Spring Boot's error page ({@code /error}), with three changes: an error of a request under {@code
 * /api} (an unknown path, a method not allowed, anything that failed before a controller was
 * chosen) is answered as problem+json with a Chinese detail and nothing internal, whatever the
 * client accepts; {@code /error} asked for directly (no error to show) is 404, not 500; and a
 * browser (asking for HTML) is shown Yishi's own Chinese page ({@link StaffErrorPage}) instead of
 * Spring's white-label page, for an unknown page and for a webapp's denial alike. {@code
 * /engine-rest} keeps JSON.
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
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    String uri = uri(request);
    if (isApi(uri) || uri.equals("/engine-rest") || uri.startsWith("/engine-rest/")) {
      ResponseEntity<Map<String, Object>> answer = error(request);
      response.setStatus(answer.getStatusCode().value());
      MappingJackson2JsonView json = new MappingJackson2JsonView();
      if (answer.getHeaders().getContentType() != null) {
        json.setContentType(answer.getHeaders().getContentType().toString());
      }
      return new ModelAndView(json, answer.getBody());
    }
    HttpStatus status = getStatus(request);
    response.setStatus(status.value());
    return new ModelAndView(new StaffErrorPage(status));
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    HttpStatus status = getStatus(request);
    if (uri == null || isApi(uri.toString())) {
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

  private static String uri(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri == null ? "/api" : uri.toString();
  }

  private static boolean isApi(String uri) {
    return uri.equals("/api") || uri.startsWith("/api/");
  }
}
