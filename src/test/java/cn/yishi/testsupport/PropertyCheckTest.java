package cn.yishi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyCheckTest {

  private static final Gen<String> WORDS =
      Gen.strings(Gen.chars('a', 'z'), 1, 12).map(s -> "w-" + s);

  @Test
  void aFailingPropertyReportsItsSeedTryAndSample() {
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                PropertyCheck.forAll(
                    "no q",
                    42L,
                    500,
                    WORDS,
                    w -> {
                      seen.add(w);
                      assertThat(w).doesNotContain("q");
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("property no q failed at try " + seen.size() + " of 500")
        .hasMessageContaining("seed 42 (rerun with -Dyishi.property.seed=42)")
        .hasMessageContaining("sample: " + seen.get(seen.size() - 1))
        .cause()
        .isInstanceOf(AssertionError.class);
    assertThat(seen.get(seen.size() - 1)).contains("q");
    assertThat(seen.subList(0, seen.size() - 1)).allSatisfy(w -> assertThat(w).doesNotContain("q"));
  }

  @Test
  void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() {
    List<String> first = samples(7L);
    assertThat(first).hasSize(50);
    assertThat(new java.util.HashSet<>(first)).hasSizeGreaterThan(25);
    assertThat(samples(7L)).isEqualTo(first);
    assertThat(samples(8L)).isNotEqualTo(first);
  }

  @Test
  void theSeedComesFromTheSystemProperty() {
    String old = System.getProperty(PropertyCheck.SEED_PROPERTY);
    try {
      System.setProperty(PropertyCheck.SEED_PROPERTY, "123");
      List<String> seen = new ArrayList<>();
      assertThat(PropertyCheck.forAll("words", 50, WORDS, seen::add).seed()).isEqualTo(123L);
      assertThat(seen).isEqualTo(samples(123L));
      System.setProperty(PropertyCheck.SEED_PROPERTY, "x");
      assertThatThrownBy(PropertyCheck::seed).hasMessageContaining("must be a long: x");
    } finally {
      if (old == null) {
        System.clearProperty(PropertyCheck.SEED_PROPERTY);
      } else {
        System.setProperty(PropertyCheck.SEED_PROPERTY, old);
      }
    }
  }

  @Test
  void aLongSampleIsShortenedAndAGeneratorFailureIsReported() {
    Gen<String> longOnes = Gen.strings(Gen.chars("x"), 5000, 5000);
    assertThatThrownBy(() -> PropertyCheck.forAll("short", 1L, 3, longOnes, s -> fail(s)))
        .hasMessageContaining("try 1 of 3")
        .hasMessageContaining("…(5000 characters)")
        .hasMessageNotContaining("x".repeat(PropertyCheck.SAMPLE_CHARS + 1));
    Gen<String> broken = Gen.<String>of("a").filter(s -> false);
    assertThatThrownBy(() -> PropertyCheck.forAll("broken", 1L, 3, broken, s -> {}))
        .hasMessageContaining("try 1 of 3")
        .hasMessageContaining("(the generator failed)")
        .hasMessageContaining("filter refused");
  }

  @Test
  void generatorsStayInTheirBoundsAndReachThem() {
    List<Integer> ints = new ArrayList<>();
    PropertyCheck.forAll("ints", 3L, 400, Gen.ints(-3, 3), ints::add);
    assertThat(ints).allSatisfy(i -> assertThat(i).isBetween(-3, 3)).contains(-3, 3);
    List<List<Boolean>> lists = new ArrayList<>();
    PropertyCheck.forAll("lists", 3L, 200, Gen.of(true, false).list(1, 2), lists::add);
    assertThat(lists).allSatisfy(l -> assertThat(l).hasSizeBetween(1, 2));
    List<String> picks = new ArrayList<>();
    Gen<String> weighted =
        Gen.frequency(Gen.weighted(9, Gen.just("often")), Gen.weighted(1, Gen.just("rare")));
    PropertyCheck.forAll("frequency", 3L, 1000, weighted, picks::add);
    long rare = picks.stream().filter("rare"::equals).count();
    assertThat(rare).isBetween(50L, 150L);
  }

  private static void fail(String s) {
    throw new AssertionError("refused " + s.length());
  }

  private static List<String> samples(long seed) {
    List<String> seen = new ArrayList<>();
    PropertyCheck.forAll("words", seed, 50, WORDS, seen::add);
    return seen;
  }
}
