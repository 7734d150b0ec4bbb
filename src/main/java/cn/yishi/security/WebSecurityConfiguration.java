package cn.yishi.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP authentication outside the webapps (which have their own session login):
 *
 * <ul>
 *   <li>{@code /engine-rest/*}: HTTP Basic against Camunda's identity, Camunda's own {@link
 *       ProcessEngineAuthenticationFilter}; the engine then applies the user's authorizations.
 *   <li>{@code /api/audit/*}: HTTP Basic, members of {@code auditors}, {@code *.supervisor} or
 *       {@code camunda-admin} only ({@link AuditAuthenticationFilter}).
 * </ul>
 */
@Configuration
public class WebSecurityConfiguration {

  static final String DEFAULT_ENGINE_REST_PATH = "/engine-rest";
  public static final String AUDIT_PATTERN = "/api/audit/*";

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
      ObjectProvider<JerseyApplicationPath> jerseyPath) {
    String path = DEFAULT_ENGINE_REST_PATH;
    JerseyApplicationPath jersey = jerseyPath.getIfAvailable();
    if (jersey != null && jersey.getPath() != null && !jersey.getPath().isBlank()) {
      path = jersey.getPath();
    }
    String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("yishi-engine-rest-authentication");
    registration.addUrlPatterns(prefix + "/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    // the part of the request URI before the engine's REST path (/task, /engine/default/task, …)
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, prefix);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<AuditAuthenticationFilter> auditAuthenticationFilter(
      ProcessEngine engine, ObjectMapper json) {
    FilterRegistrationBean<AuditAuthenticationFilter> registration =
        new FilterRegistrationBean<>(
            new AuditAuthenticationFilter(engine.getIdentityService(), json));
    registration.setName("yishi-audit-authentication");
    registration.addUrlPatterns(AUDIT_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
