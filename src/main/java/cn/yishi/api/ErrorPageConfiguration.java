package cn.yishi.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces Spring Boot's {@code basicErrorController} by {@link ApiErrorController}. */
@Configuration
public class ErrorPageConfiguration {

  @Bean
  ApiErrorController basicErrorController(
      ErrorAttributes attributes,
      ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers) {
    return new ApiErrorController(
        attributes, server.getError(), resolvers.orderedStream().toList());
  }
}
