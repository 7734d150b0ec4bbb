package cn.yishi.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code yishi.http.*} (application.yaml): request bodies under Yishi's control, see {@link
 * HttpHardening}. Checked at start: limits and deadlines must be positive.
 *
 * @param api {@code /api/**} (CONTRACT: 64 KB within 10 s)
 * @param other everything else: {@code /engine-rest} (deployments with diagrams), the webapps
 * @param unreadBodyDrain how much of a refused or unread body Tomcat still reads to keep the
 *     connection open (0B: the connection is closed instead)
 */
@Validated
@ConfigurationProperties("yishi.http")
public record HttpProperties(
    @Valid @NotNull @DefaultValue Api api,
    @Valid @NotNull @DefaultValue Other other,
    @NotNull @DefaultValue("0B") DataSize unreadBodyDrain) {

  /** The public API's bodies. */
  public record Api(
      @NotNull @DefaultValue("64KB") DataSize bodyLimit,
      @NotNull @DefaultValue("10s") Duration bodyDeadline) {
    @AssertTrue(message = "yishi.http.api.body-limit and body-deadline must be positive")
    public boolean isPositive() {
      return positive(bodyLimit, bodyDeadline);
    }

    HttpHardeningFilter.Limits limits() {
      return new HttpHardeningFilter.Limits(bodyLimit.toBytes(), bodyDeadline);
    }
  }

  /** Every other body. */
  public record Other(
      @NotNull @DefaultValue("10MB") DataSize bodyLimit,
      @NotNull @DefaultValue("60s") Duration bodyDeadline) {
    @AssertTrue(message = "yishi.http.other.body-limit and body-deadline must be positive")
    public boolean isPositive() {
      return positive(bodyLimit, bodyDeadline);
    }

    HttpHardeningFilter.Limits limits() {
      return new HttpHardeningFilter.Limits(bodyLimit.toBytes(), bodyDeadline);
    }
  }

  @AssertTrue(message = "yishi.http.unread-body-drain must not be negative")
  public boolean isDrainValid() {
    return unreadBodyDrain == null || !unreadBodyDrain.isNegative();
  }

  private static boolean positive(DataSize limit, Duration deadline) {
    return limit == null
        || deadline == null
        || (limit.toBytes() > 0 && !deadline.isNegative() && !deadline.isZero());
  }
}
