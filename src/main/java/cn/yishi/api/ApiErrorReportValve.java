package cn.yishi.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report for requests it refuses before any servlet sees them (an encoded slash
 * {@code %2F} or a backslash in the path, an invalid URI, a request line or headers too long …):
 * under {@code /api}, or when not even the path could be read, the answer is problem+json with a
 * Chinese detail, as every other refusal of the public API (CONTRACT §4); everywhere else Tomcat's
 * page, as before. Errors that reach Spring go through {@link ApiErrorController} instead.
 */
public class ApiErrorReportValve extends ErrorReportValve {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** As Spring Boot's own valve (server.error.include-stacktrace: never): no stack, no version. */
  public ApiErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    String uri = request.getRequestURI();
    // no URI: the request line itself was refused (e.g. longer than Tomcat reads): no page asked it
    boolean api = uri == null || uri.isEmpty() || uri.equals("/api") || uri.startsWith("/api/");
    if (!api) {
      super.report(request, response, throwable);
      return;
    }
    int status = response.getStatus();
    // as Tomcat's report: nothing for a success, nothing over an answer already written
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", known == null ? "Error" : known.getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", known == null ? "请求有误" : ApiProblems.detail(null, known));
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the answer was committed meanwhile: nothing more to tell
    }
  }
}
