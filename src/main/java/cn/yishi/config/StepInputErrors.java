package cn.yishi.config;

import cn.yishi.common.EngineApiAnswers;
import cn.yishi.common.InvalidStepInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A value refused by one of Yishi's server-side checks (a listener or {@code
 * cn.yishi.security.ComputedVariablesGuard} throwing {@link InvalidStepInputException}) reaches
 * Tasklist as a 400 whose {@code message} is the Chinese text alone, with the field it names:
 * {@code {"type":"InvalidStepInputException","message":…,"field":…}}.
 *
 * <p>Without this, the engine wraps the listener's exception and both REST APIs (Camunda's {@code
 * /engine-rest} and the webapps' own {@code /camunda/api/engine}, which Tasklist uses) answer 500
 * with "Cannot submit task form …: ENGINE-03051 There was an exception while invoking the
 * TaskListener …". The mechanism has two halves:
 *
 * <ol>
 *   <li>{@link Recorder}, a command interceptor placed outermost in the engine's command chain (by
 *       {@link RecordingPlugin}): when a user's command (the outermost one, not one run inside
 *       another) fails and an {@link InvalidStepInputException} is in the cause chain, it stores
 *       that refusal in the current HTTP request's attributes ({@link #REFUSAL}, through Spring's
 *       {@link RequestContextHolder}) and rethrows the failure unchanged. Outside a request (the
 *       job executor, tests calling the services) it does nothing.
 *   <li>{@link RefusalFilter}, a servlet filter on both engine APIs (a filter rather than a JAX-RS
 *       exception mapper, because the webapps' REST application cannot be given extra providers):
 *       when the request carries a refusal and the engine's answer is an error, it replaces the
 *       answer by the 400 above. An engine's 403 {@code AuthorizationException} gets {@link
 *       #NO_PERMISSION} as its message. Every other answer passes unchanged.
 * </ol>
 *
 * Yishi's own API ({@code /api}) is not concerned: its services throw their refusals (e.g. {@code
 * InvalidProposalException}) before or without the engine, and their controllers or {@code
 * cn.yishi.api.ApiProblems} map them.
 */
@Configuration
public class StepInputErrors {

  static final String[] ENGINE_APIS = {"/engine-rest/*", "/camunda/api/engine/*"};

  /**
   * What a write the engine refuses for lack of a permission answers instead of Camunda's text
   * ("The user with id … does not have one of the following permissions: …"): Cockpit offers every
   * user the same actions (edit, delete, cancel, suspend, modify; its plugins can only be excluded
   * for everyone), so an auditor or a supervisor may try one. The answer keeps the rest of the
   * engine's JSON ({@code type}, {@code userId}, {@code missingAuthorizations}).
   */
  public static final String NO_PERMISSION = "没有权限执行此操作";

  /** The request attribute holding the refusal that made this request's engine command fail. */
  public static final String REFUSAL = StepInputErrors.class.getName() + ".refusal";

  @Bean
  FilterRegistrationBean<RefusalFilter> stepInputErrorFilter(ObjectMapper json) {
    FilterRegistrationBean<RefusalFilter> registration =
        new FilterRegistrationBean<>(new RefusalFilter(json));
    registration.addUrlPatterns(ENGINE_APIS);
    registration.setName("yishiStepInputErrors");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /**
   * Runs after every other plugin ({@link Ordered#LOWEST_PRECEDENCE}; the plugins that add their
   * own pre-interceptors, such as {@code cn.yishi.security.ComputedVariablesPlugin}, are ordered
   * before it), so that {@link Recorder} is the first interceptor and also sees their refusals.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  RecordingPlugin stepInputRecordingPlugin() {
    return new RecordingPlugin();
  }

  /** Puts {@link Recorder} first in both command executors (transaction required and new). */
  static class RecordingPlugin extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setCustomPreCommandInterceptorsTxRequired(
          first(new Recorder(), configuration.getCustomPreCommandInterceptorsTxRequired()));
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(
          first(new Recorder(), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> first(
        CommandInterceptor recorder, List<CommandInterceptor> others) {
      List<CommandInterceptor> all = new ArrayList<>();
      all.add(recorder);
      if (others != null) {
        all.addAll(others);
      }
      return all;
    }
  }

  /** Hands the refusal a user's failed command was caused by to the current HTTP request. */
  static class Recorder extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null) {
        return next.execute(command); // inside another command: the outermost one decides
      }
      try {
        return next.execute(command);
      } catch (RuntimeException failure) {
        record(failure);
        throw failure;
      }
    }

    static void record(Throwable failure) {
      InvalidStepInputException refusal = InvalidStepInputException.in(failure);
      RequestAttributes request = RequestContextHolder.getRequestAttributes();
      if (refusal != null && request != null) {
        request.setAttribute(REFUSAL, refusal, RequestAttributes.SCOPE_REQUEST);
      }
    }
  }

  /** Rewrites an error answer caused by a refusal recorded on this request. */
  static class RefusalFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE");

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
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, cached);
      if (request.getAttribute(REFUSAL) instanceof InvalidStepInputException refusal
          && cached.getStatus() >= 400
          && cached.getStatus() != 401
          && cached.getStatus() != 403) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", InvalidStepInputException.class.getSimpleName());
        body.put("message", refusal.getMessage());
        body.put("field", refusal.field());
        EngineApiAnswers.write(response, HttpServletResponse.SC_BAD_REQUEST, body, json);
        return;
      }
      Map<String, Object> denied = permissionRefusal(cached);
      if (denied != null && !saidByYishi(denied.get("message"))) {
        denied.put("message", NO_PERMISSION);
        cached.resetBuffer();
        EngineApiAnswers.write(response, HttpServletResponse.SC_FORBIDDEN, denied, json);
        return;
      }
      cached.copyBodyToResponse();
    }

    /**
     * A refusal Yishi itself raised as an AuthorizationException (e.g.
     * "只有系统管理员（camunda-admin）可以删除部署") already says in Chinese what is refused and is kept; only the
     * engine's English texts are replaced.
     */
    private static boolean saidByYishi(Object message) {
      return message instanceof String text && CHINESE.matcher(text).find();
    }

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    /** The engine's 403 AuthorizationException answer as a map, or null for any other answer. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> permissionRefusal(ContentCachingResponseWrapper cached) {
      if (cached.getStatus() != HttpServletResponse.SC_FORBIDDEN
          || cached.getContentAsByteArray().length == 0) {
        return null;
      }
      try {
        Object body = json.readValue(cached.getContentAsByteArray(), Object.class);
        if (body instanceof Map<?, ?> map
            && AuthorizationException.class.getSimpleName().equals(map.get("type"))) {
          return new LinkedHashMap<>((Map<String, Object>) map);
        }
      } catch (IOException notJson) {
        // not the engine's JSON: left as it is
      }
      return null;
    }
  }
}
