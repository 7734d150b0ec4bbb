package cn.yishi.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of Yishi's own controllers as {@code application/problem+json} (RFC 9457) with a
 * Chinese {@code detail}: the public API's refusals ({@link JsonBody}, {@link TooManyRequests}),
 * Spring MVC's own exceptions (unsupported media type, unreadable body, method not allowed, missing
 * parameters …) with their status, and any other exception as a 500 that names nothing (the stack
 * trace goes to the log only). Feature controllers keep their own handlers for their own exceptions
 * (404, 409 …); those take precedence. Errors that happen before a controller is chosen (unknown
 * path, method not allowed) reach {@link ApiErrorController} instead.
 */
@RestControllerAdvice(basePackages = "cn.yishi")
public class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(JsonBody.Invalid.class)
  ResponseEntity<ProblemDetail> invalid(JsonBody.Invalid e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("errors", e.errors());
    return problem(problem);
  }

  @ExceptionHandler(JsonBody.UnsupportedBody.class)
  ResponseEntity<ProblemDetail> unsupported(JsonBody.UnsupportedBody e) {
    return problem(
        ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage()));
  }

  @ExceptionHandler(JsonBody.TooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(JsonBody.TooLarge e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage()));
  }

  @ExceptionHandler(TooManyRequests.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequests e, HttpServletRequest request) {
    return tooManyRequests(e, request.getRequestURI());
  }

  /**
   * Two requests changed the same proposal at once (e.g. two ratings): the later one is refused and
   * may be retried, nothing of it is saved.
   */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<ProblemDetail> concurrent(OptimisticLockingException e) {
    return problem(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "另一请求同时修改了同一事项，请重试"));
  }

  /** An exception nobody expected: 500, the details in the log, none in the answer. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (DatabaseUnavailable.causedBy(e)) {
      LOG.warn(
          "Database unreachable answering {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          e.toString());
      return databaseUnavailable(request.getRequestURI());
    }
    LOG.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
    return problem(
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后再试"));
  }

  /** Spring MVC's own exceptions: their status and headers, a Chinese detail, problem+json. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(ex, status));
    if (ex instanceof HttpMessageNotReadableException) {
      problem.setProperty(
          "errors", java.util.List.of(new JsonBody.FieldProblem("body", "不是有效的 JSON")));
    }
    HttpHeaders answer = new HttpHeaders();
    answer.putAll(headers);
    answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(status).headers(answer).body(problem);
  }

  /**
   * The Chinese detail of an error status (the same words for every cause, so nothing internal
   * leaks).
   */
  static String detail(@Nullable Exception ex, HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "请求有误";
      case 404 -> "没有这个地址";
      case 405 -> "不支持该请求方法";
      case 406 -> "无法按要求的格式回答";
      case 408 -> "请求体未能按时发送";
      case 413 -> "请求体不能超过 64 KB";
      case 415 -> "请求体须为 JSON（Content-Type: application/json，UTF-8）";
      case 429 -> "请求过于频繁，请稍后再试";
      default -> status.is4xxClientError() ? "请求有误" : "服务器内部错误，请稍后再试";
    };
  }

  static ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequests e, String path) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    problem.setInstance(URI.create(path));
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** 503 with Retry-After: the database cannot be reached ({@link DatabaseUnavailable}). */
  static ResponseEntity<ProblemDetail> databaseUnavailable(String path) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
    problem.setInstance(URI.create(path));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * Writes a refusal from a servlet filter (before any controller): the problem as {@code
   * application/problem+json}, with {@code Retry-After} when {@code retryAfterSeconds} is given.
   */
  static void write(
      HttpServletResponse response,
      ProblemDetail problem,
      Long retryAfterSeconds,
      com.fasterxml.jackson.databind.ObjectMapper json)
      throws java.io.IOException {
    byte[] bytes = json.writeValueAsBytes(problem);
    response.setStatus(problem.getStatus());
    if (retryAfterSeconds != null) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  public static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
