package cn.yishi.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe token bucket per key (a proposal number, a client address): at most {@code limit}
 * attempts in a row, refilled evenly so that {@code limit} more are allowed per {@code window}.
 * Memory is bounded: a bucket that has refilled completely is the same as no bucket and is dropped;
 * at most {@code maxKeys} buckets are kept. When that many keys are all in use, a new key is
 * allowed untracked or refused, as chosen ({@link WhenFull}). Time comes from the given clock, so
 * tests need no sleeps.
 */
public final class RateLimiter {

  /** What a new key gets when {@code maxKeys} buckets are all in use. */
  public enum WhenFull {
    ALLOW,
    REFUSE
  }

  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

  /** Refills are computed in floating point: an hour's refill of one token must count as one. */
  private static final double EPSILON = 1e-9;

  private final String name;
  private final int limit;
  private final double perMilli;
  private final int maxKeys;
  private final WhenFull whenFull;
  private final Clock clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

  private record Bucket(double tokens, long at) {}

  public RateLimiter(
      String name, int limit, Duration window, int maxKeys, WhenFull whenFull, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException(
          name + ": limit and max keys must be at least 1, the window positive");
    }
    this.name = name;
    this.limit = limit;
    this.perMilli = limit / (double) window.toMillis();
    this.maxKeys = maxKeys;
    this.whenFull = whenFull;
    this.clock = clock;
  }

  /**
   * Takes one attempt for the key.
   *
   * @return empty when allowed; otherwise how long until the next attempt is allowed
   */
  public Optional<Duration> tryAcquire(String key) {
    long now = clock.millis();
    purge(now, 60_000);
    if (!buckets.containsKey(key) && buckets.size() >= maxKeys) {
      purge(now, 1000);
      if (buckets.size() >= maxKeys) {
        LOG.warn(
            "{}: {} keys tracked, the limit; a new key is {}",
            name,
            buckets.size(),
            whenFull == WhenFull.ALLOW ? "allowed untracked" : "refused");
        return whenFull == WhenFull.ALLOW
            ? Optional.empty()
            : Optional.of(Duration.ofMillis(Math.round(1 / perMilli)));
      }
    }
    Duration[] wait = new Duration[1];
    buckets.compute(
        key,
        (k, bucket) -> {
          double tokens = available(bucket, now);
          if (tokens > 1 - EPSILON) {
            return new Bucket(tokens - 1, now);
          }
          wait[0] = Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli));
          return new Bucket(tokens, now);
        });
    return Optional.ofNullable(wait[0]);
  }

  /**
   * Gives back an attempt taken by {@link #tryAcquire} that turned out not to count (a right
   * answer).
   */
  public void refund(String key) {
    long now = clock.millis();
    buckets.computeIfPresent(
        key,
        (k, bucket) -> {
          double tokens = Math.min(limit, available(bucket, now) + 1);
          return tokens >= limit ? null : new Bucket(tokens, now);
        });
  }

  /** How many keys are tracked now (for tests and monitoring). */
  public int trackedKeys() {
    return buckets.size();
  }

  private double available(Bucket bucket, long now) {
    if (bucket == null) {
      return limit;
    }
    double tokens = bucket.tokens() + Math.max(0, now - bucket.at()) * perMilli;
    return tokens > limit - EPSILON ? limit : tokens;
  }

  /**
   * Drops full buckets (expired entries), at most once per {@code minInterval} ms: every minute in
   * any case, every second while the table is full, so a flood of new keys does not scan it each
   * time.
   */
  private void purge(long now, long minInterval) {
    long last = lastPurge.get();
    if (last != Long.MIN_VALUE && now - last < minInterval || !lastPurge.compareAndSet(last, now)) {
      return;
    }
    buckets.entrySet().removeIf(e -> available(e.getValue(), now) >= limit);
  }
}
