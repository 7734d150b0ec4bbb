package cn.yishi.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random samples for {@link PropertyCheck}: a function of the run's {@link Random},
 * so a seed gives the same samples. Numbers and lengths hit their bounds now and then (1 in 16),
 * where off-by-one faults live. No shrinking.
 */
@FunctionalInterface
public interface Gen<T> {

  T next(Random random);

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return r -> f.apply(next(r));
  }

  default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
    return r -> f.apply(next(r)).next(r);
  }

  /** Samples that pass; fails after 10,000 refused in a row (a filter that is too strict). */
  default Gen<T> filter(Predicate<? super T> keep) {
    return r -> {
      for (int i = 0; i < 10_000; i++) {
        T t = next(r);
        if (keep.test(t)) {
          return t;
        }
      }
      throw new IllegalStateException("filter refused 10,000 samples in a row");
    };
  }

  /** null with this probability, else a sample. */
  default Gen<T> orNull(double probability) {
    return r -> r.nextDouble() < probability ? null : next(r);
  }

  /** A list of min..max samples. */
  default Gen<List<T>> list(int min, int max) {
    Gen<Integer> size = ints(min, max);
    return r -> {
      int n = size.next(r);
      List<T> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(next(r));
      }
      return list;
    };
  }

  static <T> Gen<T> just(T value) {
    return r -> value;
  }

  /** One of these values (copied now), each as likely. */
  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(List.of(values));
  }

  static <T> Gen<T> of(List<T> values) {
    List<T> copy = new ArrayList<>(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("nothing to choose from");
    }
    return r -> copy.get(r.nextInt(copy.size()));
  }

  /** A sample of one of these generators, each as likely. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> list = List.of(gens);
    return r -> list.get(r.nextInt(list.size())).next(r);
  }

  /** A weighted choice: {@code frequency(weighted(3, a), weighted(1, b))} picks a 3 times in 4. */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    int total = 0;
    for (Weighted<? extends T> c : choices) {
      if (c.weight() <= 0) {
        throw new IllegalArgumentException("weights must be positive: " + c.weight());
      }
      total += c.weight();
    }
    int sum = total;
    return r -> {
      int pick = r.nextInt(sum);
      for (Weighted<? extends T> c : choices) {
        pick -= c.weight();
        if (pick < 0) {
          return c.gen().next(r);
        }
      }
      throw new AssertionError("unreachable");
    };
  }

  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  record Weighted<T>(int weight, Gen<? extends T> gen) {}

  /** One sample of each generator, in order. */
  static <T> Gen<List<T>> all(List<? extends Gen<? extends T>> gens) {
    List<Gen<? extends T>> copy = List.copyOf(gens);
    return r -> {
      List<T> out = new ArrayList<>(copy.size());
      copy.forEach(g -> out.add(g.next(r)));
      return out;
    };
  }

  /** A sample of each, combined. */
  static <A, B, R> Gen<R> combine(
      Gen<A> a, Gen<B> b, java.util.function.BiFunction<? super A, ? super B, ? extends R> f) {
    return r -> {
      A x = a.next(r);
      return f.apply(x, b.next(r));
    };
  }

  /** A sample of each, combined. */
  static <A, B, C, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Function3<A, B, C, R> f) {
    return r -> {
      A x = a.next(r);
      B y = b.next(r);
      return f.apply(x, y, c.next(r));
    };
  }

  @FunctionalInterface
  interface Function3<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  /** min..max (both included); min or max 1 in 16. */
  static Gen<Integer> ints(int min, int max) {
    Gen<Long> longs = longs(min, max);
    return r -> longs.next(r).intValue();
  }

  /** min..max (both included); min or max 1 in 16. */
  static Gen<Long> longs(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException(min + " > " + max);
    }
    return r -> {
      int edge = r.nextInt(32);
      if (edge == 0) {
        return min;
      } else if (edge == 1) {
        return max;
      }
      return min == Long.MIN_VALUE && max == Long.MAX_VALUE
          ? r.nextLong()
          : min + (long) Math.floor(r.nextDouble() * ((double) max - min + 1));
    };
  }

  /** Any long, 0, ±1 and the extremes now and then. */
  static Gen<Long> longs() {
    return frequency(
        weighted(12, longs(Long.MIN_VALUE, Long.MAX_VALUE)), weighted(1, of(0L, 1L, -1L)));
  }

  /** Any double bit pattern (NaN and infinities too), or a plain one of small magnitude. */
  static Gen<Double> doubles() {
    return frequency(
        weighted(2, r -> Double.longBitsToDouble(r.nextLong())),
        weighted(2, r -> (r.nextDouble() - 0.5) * 2_000_000),
        weighted(1, of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE)));
  }

  static Gen<byte[]> bytes(int minLength, int maxLength) {
    Gen<Integer> length = ints(minLength, maxLength);
    return r -> {
      byte[] b = new byte[length.next(r)];
      r.nextBytes(b);
      return b;
    };
  }

  /** Characters from..to (both included). */
  static Gen<Character> chars(char from, char to) {
    return ints(from, to).map(i -> (char) i.intValue());
  }

  /** One of these characters. */
  static Gen<Character> chars(String chars) {
    return r -> chars.charAt(r.nextInt(chars.length()));
  }

  /** Any UTF-16 unit, lone surrogates and NUL included. */
  static Gen<Character> anyChar() {
    return chars(Character.MIN_VALUE, Character.MAX_VALUE);
  }

  /** Strings of min..max characters of this generator. */
  static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
    Gen<Integer> length = ints(minLength, maxLength);
    return r -> {
      int n = length.next(r);
      StringBuilder s = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        s.append(chars.next(r));
      }
      return s.toString();
    };
  }
}
