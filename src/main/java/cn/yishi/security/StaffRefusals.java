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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's login refusals that staff read, said in Chinese (the engine's permission refusals are
 * said short and in Chinese by {@code cn.yishi.config.StepInputErrors}).
 *
 * <ul>
 *   <li>{@link LoginFilter}: a login to Cockpit or Admin by a user who may not use the app (Camunda
 *       answers 403 with no body, which the login page shows as "Login Failed: Wrong credentials,
 *       locked user or missing access rights") answers 403 {@code {"message": …}}, which the login
 *       page shows instead: a caseworker is told to use Tasklist. A wrong password (401) and a
 *       missing CSRF token (403 with {@code X-XSRF-TOKEN: Required}) are left as they are.
 * </ul>
 */
@Configuration
public class StaffRefusals {

  public static final String USE_TASKLIST =
      "您的账号不能使用流程监控（Cockpit）。办理提案请使用任务列表：/camunda/app/tasklist/";

  public static final String ADMIN_ONLY = "系统管理（Admin）只供系统管理员使用";

  private static final Pattern LOGIN = Pattern.compile(".*/auth/user/[^/]+/login/([^/]+)/?");

  @Bean
  FilterRegistrationBean<LoginFilter> staffLoginRefusals(ObjectMapper json) {
    FilterRegistrationBean<LoginFilter> registration =
        new FilterRegistrationBean<>(new LoginFilter(json));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setName("yishiLoginRefusals");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }

  /**
   * Holds back {@code sendError}: Camunda's login answers a refusal with an empty 403, which Jersey
   * sends with {@code sendError}, after which the servlet container would show its error page
   * instead of anything the filter writes. The error is sent after all when the filter leaves the
   * answer as it is.
   */
  static class DeferredError extends ContentCachingResponseWrapper {

    Integer error;

    DeferredError(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      error = status;
      setStatus(status);
    }

    @Override
    public void sendError(int status, String message) {
      sendError(status);
    }
  }

  /** Says in Chinese why a user may not log into Cockpit or Admin. */
  static class LoginFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    LoginFilter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || message(request) == null;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      DeferredError cached = new DeferredError(response);
      chain.doFilter(request, cached);
      if (cached.getStatus() == HttpServletResponse.SC_FORBIDDEN
          && cached.getHeader("X-XSRF-TOKEN") == null) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "LoginRefused");
        body.put("message", message(request));
        cached.resetBuffer();
        EngineApiAnswers.write(response, HttpServletResponse.SC_FORBIDDEN, body, json);
        return;
      }
      if (cached.error != null) {
        cached.resetBuffer();
        response.sendError(cached.error);
        return;
      }
      cached.copyBodyToResponse();
    }

    /** What to tell a user refused by the app the login is for; null for the other apps. */
    static String message(HttpServletRequest request) {
      Matcher login = LOGIN.matcher(request.getRequestURI());
      if (!login.matches()) {
        return null;
      }
      return switch (login.group(1)) {
        case "cockpit" -> USE_TASKLIST;
        case "admin" -> ADMIN_ONLY;
        default -> null;
      };
    }
  }
}
