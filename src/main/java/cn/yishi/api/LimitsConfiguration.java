package cn.yishi.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The public API's limits ({@code yishi.limits.*}): failed phone checks per proposal number and
 * anonymous writes per client address. Time comes from a {@link Clock} bean if the application (or
 * a test) defines one, else the system clock.
 */
@Configuration
public class LimitsConfiguration {

  @Bean
  PhoneChecks phoneChecks(LimitsProperties limits, ObjectProvider<Clock> clock) {
    LimitsProperties.PhoneChecks p = limits.phoneChecks();
    return new PhoneChecks(
        new RateLimiter(
            "phone checks",
            p.failures(),
            p.window(),
            limits.maxTracked(),
            RateLimiter.WhenFull.REFUSE,
            clock.getIfAvailable(Clock::systemUTC)));
  }

  @Bean
  FilterRegistrationBean<WriteLimitFilter> writeLimitFilter(
      LimitsProperties limits, ObjectProvider<Clock> clock, ObjectMapper json) {
    LimitsProperties.Writes w = limits.writes();
    RateLimiter writes =
        new RateLimiter(
            "writes per address",
            w.perAddress(),
            w.window(),
            limits.maxTracked(),
            RateLimiter.WhenFull.ALLOW,
            clock.getIfAvailable(Clock::systemUTC));
    FilterRegistrationBean<WriteLimitFilter> registration =
        new FilterRegistrationBean<>(
            new WriteLimitFilter(
                writes, new ClientAddresses(w.trustedClients(), w.trustedProxies()), json));
    registration.setName("yishiWriteLimit");
    registration.addUrlPatterns("/api/*");
    // before anything reads the body or touches the database
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
