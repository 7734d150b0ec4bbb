package cn.yishi.api;

import java.time.Duration;

/** 429 with {@code Retry-After} (whole seconds, at least 1) and a Chinese message. */
public class TooManyRequests extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequests(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** Seconds to wait, rounded up, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
