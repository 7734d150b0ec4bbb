package cn.yishi.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes an error answer in the Camunda REST APIs' own format ({@code {"type":…,"message":…}}), for
 * the servlet filters that replace the engine's answer to one of Yishi's refusals.
 */
public final class EngineApiAnswers {

  private EngineApiAnswers() {}

  /** Replaces whatever the response held with {@code status} and {@code body} as UTF-8 JSON. */
  public static void write(
      HttpServletResponse response, int status, Map<String, Object> body, ObjectMapper json)
      throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
