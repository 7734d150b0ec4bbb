package cn.yishi.api;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yishi.limits.*} (application.yaml): how often the public API may be asked before it
 * answers 429. See {@link PhoneChecks} and {@link WriteLimitFilter}.
 *
 * @param phoneChecks failed submitter-phone checks per proposal number (the evaluation)
 * @param writes anonymous writes (POST on /api/**) per client address
 * @param maxTracked at most this many numbers or addresses are remembered per limit (memory bound)
 */
@ConfigurationProperties("yishi.limits")
public record LimitsProperties(
    @DefaultValue PhoneChecks phoneChecks,
    @DefaultValue Writes writes,
    @DefaultValue("100000") int maxTracked) {

  /**
   * @param failures failed phone checks allowed in a row per proposal number
   * @param window the time in which that many are allowed again (refilled evenly)
   */
  public record PhoneChecks(
      @DefaultValue("5") int failures, @DefaultValue("PT1H") Duration window) {}

  /**
   * @param perAddress POSTs allowed in a row per client address
   * @param window the time in which that many are allowed again (refilled evenly)
   * @param trustedClients addresses or CIDR ranges never limited (default loopback)
   * @param trustedProxies addresses or CIDR ranges whose X-Forwarded-For is believed (default none)
   */
  public record Writes(
      @DefaultValue("300") int perAddress,
      @DefaultValue("PT1M") Duration window,
      @DefaultValue({"127.0.0.0/8", "::1"}) List<String> trustedClients,
      @DefaultValue({}) List<String> trustedProxies) {}
}
