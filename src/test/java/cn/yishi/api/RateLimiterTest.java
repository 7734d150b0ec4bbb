package cn.yishi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The token buckets behind the public API's limits, on a clock the test moves (no sleeps). */
class RateLimiterTest {

  /** A clock the test sets. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-05T01:00:00Z");

    void pass(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock();

  @Test
  void fiveAnHourMeansFiveInARowThenOneEveryTwelveMinutes() {
    RateLimiter limiter =
        new RateLimiter("test", 5, Duration.ofHours(1), 100, RateLimiter.WhenFull.REFUSE, clock);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire("JN-2026-000001")).as("attempt " + i).isEmpty();
    }

    assertThat(limiter.tryAcquire("JN-2026-000001")).contains(Duration.ofMinutes(12));
    assertThat(limiter.tryAcquire("JN-2026-000002")).as("another key").isEmpty();

    clock.pass(Duration.ofMinutes(11));
    assertThat(limiter.tryAcquire("JN-2026-000001")).contains(Duration.ofMinutes(1));
    clock.pass(Duration.ofMinutes(1));
    assertThat(limiter.tryAcquire("JN-2026-000001")).isEmpty();
    assertThat(limiter.tryAcquire("JN-2026-000001")).isPresent();
  }

  @Test
  void aRefundedAttemptDoesNotCountAndAFullBucketIsForgotten() {
    RateLimiter limiter =
        new RateLimiter("test", 2, Duration.ofMinutes(1), 100, RateLimiter.WhenFull.REFUSE, clock);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire("a")).isEmpty();
      limiter.refund("a");
    }
    assertThat(limiter.trackedKeys()).isZero();

    limiter.tryAcquire("a");
    limiter.tryAcquire("b");
    assertThat(limiter.trackedKeys()).isEqualTo(2);
    clock.pass(Duration.ofMinutes(2));
    limiter.tryAcquire("c"); // a minute has passed: expired buckets are dropped
    assertThat(limiter.trackedKeys()).isOne();
  }

  @Test
  void memoryIsBoundedAndAFullTableAllowsOrRefusesAsChosen() {
    RateLimiter allowing =
        new RateLimiter("test", 1, Duration.ofHours(1), 3, RateLimiter.WhenFull.ALLOW, clock);
    RateLimiter refusing =
        new RateLimiter("test", 1, Duration.ofHours(1), 3, RateLimiter.WhenFull.REFUSE, clock);
    for (String key : List.of("a", "b", "c")) {
      allowing.tryAcquire(key);
      refusing.tryAcquire(key);
    }

    assertThat(allowing.tryAcquire("d")).isEmpty();
    assertThat(allowing.tryAcquire("d")).as("untracked").isEmpty();
    assertThat(refusing.tryAcquire("d")).isPresent();
    assertThat(allowing.trackedKeys()).isEqualTo(3);
    assertThat(allowing.tryAcquire("a")).as("tracked keys stay limited").isPresent();

    clock.pass(Duration.ofHours(1));
    assertThat(refusing.tryAcquire("d")).as("the old entries expired").isEmpty();
  }

  @Test
  void concurrentAttemptsNeverExceedTheLimit() throws Exception {
    RateLimiter limiter =
        new RateLimiter("test", 50, Duration.ofHours(1), 100, RateLimiter.WhenFull.REFUSE, clock);
    AtomicInteger allowed = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 100; i++) {
                  if (limiter.tryAcquire("same").isEmpty()) {
                    allowed.incrementAndGet();
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(allowed).hasValue(50);
  }
}
