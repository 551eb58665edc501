package dev.storytrack.internal;

import java.util.List;

/**
 * L2-regularized logistic regression.
 *
 * <p>Hand-written because it is the product, not plumbing: a handful of features and up to a few
 * hundred thousand examples need nothing more than full-batch gradient descent on standardized
 * features, which is deterministic, dependency-free and converges in seconds. Classes are weighted
 * to balance (negatives may outnumber positives many times), so the intercept does not just learn
 * the base rate; callers choose the decision threshold afterwards on their own objective.
 */
public final class Logistic {
  private Logistic() {}

  /** One labelled example, with the weight it counts with (1 unless examples differ in worth). */
  public record Example(double[] x, boolean positive, double weight) {
    public Example(double[] x, boolean positive) {
      this(x, positive, 1);
    }
  }

  /**
   * The fitted model: {@code p = sigmoid(bias + sum w_i * (x_i - mean_i) / scale_i)}, a missing
   * (NaN) feature taken at its mean.
   */
  public record Fit(double[] mean, double[] scale, double[] weights, double bias) {
    /** The probability of the positive class for {@code x}. */
    public double probability(double[] x) {
      double z = bias;
      for (int i = 0; i < weights.length; i++) {
        z += weights[i] * (Double.isNaN(x[i]) ? 0 : (x[i] - mean[i]) / scale[i]);
      }
      return 1 / (1 + Math.exp(-z));
    }
  }

  /** Fits weights by {@code iterations} full-batch gradient steps with L2 penalty {@code l2}. */
  public static Fit fit(List<Example> examples, double l2, int iterations) {
    int d = examples.get(0).x().length;
    int n = examples.size();
    double[] mean = new double[d];
    double[] scale = new double[d];
    int[] present = new int[d];
    // Missing (NaN) features are left out of the moments and enter the fit at the mean (z = 0).
    for (Example e : examples) {
      for (int i = 0; i < d; i++) {
        if (!Double.isNaN(e.x()[i])) {
          mean[i] += e.x()[i];
          present[i]++;
        }
      }
    }
    for (int i = 0; i < d; i++) mean[i] = present[i] == 0 ? 0 : mean[i] / present[i];
    for (Example e : examples) {
      for (int i = 0; i < d; i++) {
        if (!Double.isNaN(e.x()[i])) scale[i] += Math.pow(e.x()[i] - mean[i], 2);
      }
    }
    for (int i = 0; i < d; i++) {
      scale[i] =
          present[i] > 0 && scale[i] / present[i] > 1e-12 ? Math.sqrt(scale[i] / present[i]) : 1;
    }
    double total = 0;
    double pos = 0;
    for (Example e : examples) {
      total += e.weight();
      if (e.positive()) pos += e.weight();
    }
    double wPos = pos == 0 ? 1 : n * (total / n) / (2.0 * pos);
    double wNeg = pos == total ? 1 : n * (total / n) / (2.0 * (total - pos));
    double[][] z = new double[n][d];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < d; i++) {
        double v = examples.get(k).x()[i];
        z[k][i] = Double.isNaN(v) ? 0 : (v - mean[i]) / scale[i];
      }
    }
    double[] w = new double[d];
    double b = 0;
    double rate = 0.5;
    for (int it = 0; it < iterations; it++) {
      double[] g = new double[d];
      double gb = 0;
      for (int k = 0; k < n; k++) {
        double s = b;
        for (int i = 0; i < d; i++) s += w[i] * z[k][i];
        boolean y = examples.get(k).positive();
        double err =
            (1 / (1 + Math.exp(-s)) - (y ? 1 : 0)) * (y ? wPos : wNeg) * examples.get(k).weight();
        for (int i = 0; i < d; i++) g[i] += err * z[k][i];
        gb += err;
      }
      for (int i = 0; i < d; i++) w[i] -= rate * (g[i] / n + l2 * w[i]);
      b -= rate * gb / n;
    }
    return new Fit(mean, scale, w, b);
  }
}
