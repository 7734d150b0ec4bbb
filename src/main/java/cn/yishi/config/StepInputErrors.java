package cn.yishi.config;

import cn.yishi.common.EngineApiAnswers;
import cn.yishi.common.InvalidStepInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A value refused by one of Yishi's server-side checks (a listener throwing {@link
 * InvalidStepInputException}) reaches Tasklist as a 400 whose {@code message} is the Chinese text
 * alone, with the field it names: {@code {"type":"InvalidStepInputException","message":…,"field":…}}.
 *
 * <p>Without this, the engine wraps the listener's exception and both REST APIs (Camunda's
 * {@code /engine-rest} and the webapps' own {@code /camunda/api/engine}, which Tasklist uses)
 * answer 500 with "Cannot submit task form …: ENGINE-03051 There was an exception while invoking
 * the TaskListener …". A filter, rather than a JAX-RS exception mapper, because the webapps' REST
 * application cannot be given extra providers. Every other answer passes unchanged.
 */
@Configuration
public class StepInputErrors {

  static final String[] ENGINE_APIS = {"/engine-rest/*", "/camunda/api/engine/*"};

  @Bean
  FilterRegistrationBean<RefusalFilter> stepInputErrorFilter(ObjectMapper json) {
    FilterRegistrationBean<RefusalFilter> registration = new FilterRegistrationBean<>(new RefusalFilter(json));
    registration.addUrlPatterns(ENGINE_APIS);
    registration.setName("yishiStepInputErrors");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Rewrites an error answer caused by a refusal on this request's thread. */
  static class RefusalFilter extends OncePerRequestFilter {

    private static final java.util.Set<String> WRITES = java.util.Set.of("POST", "PUT", "DELETE");

    private final ObjectMapper json;

    RefusalFilter(ObjectMapper json) {
      this.json = json;
    }

    /**
     * Only writes are refused: POSTs complete tasks, submit forms or start processes, where
     * listeners refuse values; PUT and DELETE set and remove variables, where {@code
     * cn.yishi.security.ComputedVariablesGuard} refuses computed ones. Every other answer (large
     * history queries, resource downloads) is not buffered.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      InvalidStepInputException.forgetOnThisThread();
      ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, cached);
        InvalidStepInputException refusal = InvalidStepInputException.lastOnThisThread();
        if (refusal != null && cached.getStatus() >= 400 && cached.getStatus() != 401 && cached.getStatus() != 403) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", InvalidStepInputException.class.getSimpleName());
          body.put("message", refusal.getMessage());
          body.put("field", refusal.field());
          EngineApiAnswers.write(response, HttpServletResponse.SC_BAD_REQUEST, body, json);
          return;
        }
        cached.copyBodyToResponse();
      } finally {
        InvalidStepInputException.forgetOnThisThread();
      }
    }
  }
}
