package cn.yishi.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The limit on failed submitter-phone checks per proposal number ({@code
 * yishi.limits.phone-checks}, default 5 in a row, then one more every 12 minutes: 5 an hour).
 * {@link #attempt} comes after every other check of the request (so a 429 says nothing about the
 * phone); while a number is locked every attempt is 429, the right phone too, so the lock cannot be
 * used to test guesses. When the table of numbers is full, attempts are refused (fail closed).
 */
public final class PhoneChecks {

  static final String LOCKED = "该提案的手机号验证失败次数过多，请稍后再试";

  private final RateLimiter failures;

  PhoneChecks(RateLimiter failures) {
    this.failures = failures;
  }

  /**
   * Checks the phone for the proposal number.
   *
   * @param right whether the phone given is the submitter's (asked only if the number is not
   *     locked)
   * @return whether the phone is right
   * @throws TooManyRequests the number is locked (429)
   */
  public boolean attempt(String number, java.util.function.BooleanSupplier right) {
    Optional<Duration> wait = failures.tryAcquire(number);
    if (wait.isPresent()) {
      throw new TooManyRequests(LOCKED, wait.get());
    }
    if (right.getAsBoolean()) {
      failures.refund(number);
      return true;
    }
    return false;
  }
}
