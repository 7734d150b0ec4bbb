package cn.yishi.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring Boot's multipart resolver, except under {@code /api}: the public API takes JSON only
 * ({@link JsonBody} answers 415 to anything else), so a body declared {@code multipart/form-data}
 * is never parsed there. Parsing it before the controller failed on a body the {@link
 * IdempotencyFilter} had read already (a 500 for an {@code Idempotency-Key} with a multipart
 * Content-Type) and read a body the API refuses anyway.
 */
@Configuration
public class ApiMultipartConfiguration {

  @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
  MultipartResolver multipartResolver() {
    return new StandardServletMultipartResolver() {
      @Override
      public boolean isMultipart(HttpServletRequest request) {
        String uri = request.getRequestURI();
        boolean api = uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
        return !api && super.isMultipart(request);
      }
    };
  }
}
