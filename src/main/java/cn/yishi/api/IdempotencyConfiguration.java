package cn.yishi.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code Idempotency-Key} for the public API's POSTs ({@link IdempotencyFilter}), and the hourly
 * removal of expired keys.
 */
@Configuration
public class IdempotencyConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyConfiguration.class);

  private final IdempotencyRecords records;
  private final Clock clock;

  public IdempotencyConfiguration(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
    this.records = new IdempotencyRecords(jdbc);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyProperties properties, ObjectMapper json) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(new IdempotencyFilter(records, properties, clock, json));
    registration.setName("yishiIdempotency");
    registration.addUrlPatterns("/api/*");
    // after the write limit (+5) and the HTTP hardening's body limits (HIGHEST_PRECEDENCE)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }

  /** Expired keys are removed every hour (a key met after expiry is taken over anyway). */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void removeExpiredKeys() {
    int removed = records.removeExpired(OffsetDateTime.now(clock));
    if (removed > 0) {
      LOG.info("已删除 {} 个过期的 Idempotency-Key", removed);
    }
  }

  /** How many keys are stored (for tests and operators). */
  public int storedKeys() {
    return records.count();
  }
}
