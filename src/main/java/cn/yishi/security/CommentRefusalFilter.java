package cn.yishi.security;

import cn.yishi.common.EngineApiAnswers;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST resources answer an {@code AuthorizationException} from a comment or attachment
 * command with 400 ("Not enough parameters submitted", on create) or 404 (on delete); a refusal by
 * {@link CommentAuthorization} is answered 403 instead, in Camunda's error format ({@code
 * {"type":"AuthorizationException", "message":…}}), on {@code /engine-rest} and on the webapps'
 * engine API. Only comment and attachment calls are buffered. The plugin hands its refusal to the
 * request as an attribute ({@link CommentAuthorization#REFUSAL}), the way {@code
 * cn.yishi.config.StepInputErrors} does for refused values. Registered by {@link HttpHardening}.
 */
class CommentRefusalFilter extends OncePerRequestFilter {

  private static final Pattern COMMENT_OR_ATTACHMENT =
      Pattern.compile(".*/(task|process-instance)/([^/]+/)?(comment|attachment)(/.*)?");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod())
        || !COMMENT_OR_ATTACHMENT.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, cached);
    if (request.getAttribute(CommentAuthorization.REFUSAL) instanceof AuthorizationException refusal
        && cached.getStatus() >= HttpServletResponse.SC_BAD_REQUEST) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", AuthorizationException.class.getSimpleName());
      body.put("message", refusal.getMessage());
      cached.resetBuffer();
      EngineApiAnswers.write(response, HttpServletResponse.SC_FORBIDDEN, body, json);
      return;
    }
    cached.copyBodyToResponse();
  }
}
