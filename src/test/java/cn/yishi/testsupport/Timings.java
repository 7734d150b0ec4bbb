package cn.yishi.testsupport;

import java.util.Arrays;

/** The benchmark's clock: times each of n runs of a step, and reads percentiles off the times. */
public final class Timings {

  /** One timed run, the i-th. */
  public interface Step {
    void run(int i);
  }

  private Timings() {}

  /** The milliseconds of each of {@code n} runs of {@code step}, sorted. */
  public static double[] time(int n, Step step) {
    double[] millis = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      step.run(i);
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  /** The {@code p}-th percentile (nearest rank) of sorted times. */
  public static double percentile(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Rounded to two decimals, for the results file. */
  public static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
