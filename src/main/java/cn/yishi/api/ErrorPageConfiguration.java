package cn.yishi.api;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Spring Boot's {@code basicErrorController} by {@link ApiErrorController}, and Tomcat's
 * error report (for what Tomcat refuses before Spring) by {@link ApiErrorReportValve}.
 */
@Configuration
public class ErrorPageConfiguration {

  /**
   * Tomcat's host adds its error report valve when it starts; this makes it Yishi's. (Spring Boot's
   * plain valve, if it added one, stays outside it and finds the error reported already.)
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportOnTomcat() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
              }
            });
  }

  @Bean
  ApiErrorController basicErrorController(
      ErrorAttributes attributes,
      ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers) {
    return new ApiErrorController(
        attributes, server.getError(), resolvers.orderedStream().toList());
  }
}
