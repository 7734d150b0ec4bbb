package cn.yishi.api;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code yishi.idempotency.*} (application.yaml): how long an {@code Idempotency-Key} is kept
 * ({@link IdempotencyFilter}).
 *
 * @param keepFor how long a key's first answer is replayed (default a day); a key older than this
 *     is forgotten and may be used again
 * @param inFlightTimeout a key still in flight after this long belongs to a request whose server
 *     stopped while handling it: a retry then acts anew instead of waiting (409) until it expires
 */
@Validated
@ConfigurationProperties("yishi.idempotency")
public record IdempotencyProperties(
    @DefaultValue("PT24H") @NotNull Duration keepFor,
    @DefaultValue("PT2M") @NotNull Duration inFlightTimeout) {

  public IdempotencyProperties {
    if (keepFor.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("yishi.idempotency.keep-for 至少为 PT1M：" + keepFor);
    }
    if (inFlightTimeout.isNegative() || inFlightTimeout.isZero()) {
      throw new IllegalArgumentException(
          "yishi.idempotency.in-flight-timeout 须为正的时长：" + inFlightTimeout);
    }
  }
}
