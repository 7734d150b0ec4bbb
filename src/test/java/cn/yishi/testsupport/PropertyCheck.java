package cn.yishi.testsupport;

import java.util.Random;

/**
 * A small property harness (our own code, in place of a property-testing library): a property is a
 * generator, a check and a number of tries. Each run has a seed, from the system property {@value
 * #SEED_PROPERTY} if it is set, else random; try after try draws its sample from one {@link Random}
 * of that seed, so {@code -Dyishi.property.seed=N} gives the same samples again. When a check fails
 * (or the generator throws), the AssertionError names the property, the seed, the try and the
 * sample (its toString, shortened), with the failure as its cause. No shrinking.
 *
 * <pre>{@code
 * PropertyCheck.forAll("titles", 200, Gen.strings(Gen.anyChar(), 0, 30), t -> assertThat(...));
 * }</pre>
 */
public final class PropertyCheck {

  public static final String SEED_PROPERTY = "yishi.property.seed";

  /** How much of a failing sample's toString the message shows. */
  static final int SAMPLE_CHARS = 2000;

  /** A check of one sample; it may throw anything (an AssertionError, an IOException …). */
  @FunctionalInterface
  public interface Check<T> {
    void accept(T sample) throws Exception;
  }

  /** What a passing run did: its seed and tries (printed too, for the test's report). */
  public record Run(String property, long seed, int tries) {}

  private PropertyCheck() {}

  /** Runs the property with the seed of {@value #SEED_PROPERTY} or a random one. */
  public static <T> Run forAll(String property, int tries, Gen<T> gen, Check<? super T> check) {
    return forAll(property, seed(), tries, gen, check);
  }

  /** Runs the property with this seed: tries samples, each checked; the first failure stops it. */
  public static <T> Run forAll(
      String property, long seed, int tries, Gen<T> gen, Check<? super T> check) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be at least 1: " + tries);
    }
    Random random = new Random(seed);
    long started = System.nanoTime();
    for (int i = 1; i <= tries; i++) {
      T sample;
      try {
        sample = gen.next(random);
      } catch (RuntimeException | Error e) {
        throw failure(property, seed, i, tries, "(the generator failed)", e);
      }
      try {
        check.accept(sample);
      } catch (Exception | Error e) {
        throw failure(property, seed, i, tries, shortened(sample), e);
      }
    }
    System.out.printf(
        "property %s: %d tries passed in %d ms, seed %d (-D%s=%d)%n",
        property, tries, (System.nanoTime() - started) / 1_000_000, seed, SEED_PROPERTY, seed);
    return new Run(property, seed, tries);
  }

  /** The seed of {@value #SEED_PROPERTY}, or a random one if it is not set. */
  public static long seed() {
    String set = System.getProperty(SEED_PROPERTY);
    if (set == null || set.isBlank()) {
      return new Random().nextLong();
    }
    try {
      return Long.parseLong(set.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SEED_PROPERTY + " must be a long: " + set, e);
    }
  }

  private static AssertionError failure(
      String property, long seed, int attempt, int tries, String sample, Throwable cause) {
    return new AssertionError(
        String.format(
            "property %s failed at try %d of %d, seed %d (rerun with -D%s=%d)%nsample: %s%n%s",
            property, attempt, tries, seed, SEED_PROPERTY, seed, sample, cause),
        cause);
  }

  static String shortened(Object sample) {
    String text = String.valueOf(sample);
    return text.length() <= SAMPLE_CHARS
        ? text
        : text.substring(0, SAMPLE_CHARS) + "…(" + text.length() + " characters)";
  }
}
