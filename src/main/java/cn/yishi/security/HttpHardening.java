package cn.yishi.security;

import java.time.InstantSource;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * HTTP answers and request bodies under Yishi's control, settings {@code yishi.http.*} ({@link
 * HttpProperties}; the webapps' path is Camunda's {@code camunda.bpm.webapp.application-path}):
 * security headers, a body limit per path checked before and while the body is read, and a total
 * deadline for reading it ({@link HttpHardeningFilter}, the first filter of every request). Tomcat
 * is told to send {@code 100 Continue} only when the application first reads the body ({@code
 * continueResponseTiming=onRead}), so a refused body is never asked for, and not to drain what a
 * refused client still sends ({@code yishi.http.unread-body-drain}).
 */
@Configuration
public class HttpHardening {

  @Bean
  FilterRegistrationBean<HttpHardeningFilter> httpHardeningFilter(
      HttpProperties http, CamundaBpmProperties camunda) {
    HttpHardeningFilter filter =
        new HttpHardeningFilter(
            camunda.getWebapp().getApplicationPath(),
            http.api().limits(),
            http.other().limits(),
            InstantSource.system());
    FilterRegistrationBean<HttpHardeningFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("yishiHttpHardening");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(
        jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Comment and attachment refusals answered 403 ({@link CommentAuthorization}). */
  @Bean
  FilterRegistrationBean<CommentRefusalFilter> commentRefusalFilter() {
    FilterRegistrationBean<CommentRefusalFilter> registration =
        new FilterRegistrationBean<>(new CommentRefusalFilter());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("yishiCommentRefusals");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> bodyReadingOnTomcat(
      HttpProperties properties) {
    DataSize drain = properties.unreadBodyDrain();
    return factory ->
        factory.addConnectorCustomizers(
            connector -> {
              ProtocolHandler handler = connector.getProtocolHandler();
              if (handler instanceof AbstractHttp11Protocol<?> http) {
                http.setContinueResponseTiming("onRead");
                http.setMaxSwallowSize((int) Math.min(Integer.MAX_VALUE, drain.toBytes()));
              }
            });
  }

  /** A byte count as people read it: 64 KB, 10 MB. */
  static String describe(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " 字节";
  }
}
