package dev.storytrack.link;

import dev.storytrack.internal.Logistic;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a {@link LinkModel} by L2-regularized logistic regression ({@link Logistic}) over a few
 * thousand labelled pairs; the decision threshold is chosen afterwards on the clustering objective.
 */
public final class LogisticRegression {
  private LogisticRegression() {}

  /**
   * One labelled pair, with the weight it counts with (1 unless a set is balanced against another).
   */
  public record Example(double[] x, boolean same, double weight) {
    public Example(double[] x, boolean same) {
      this(x, same, 1);
    }
  }

  /** Fits weights; the threshold of the result is 0.5 until tuned. */
  public static LinkModel fit(List<Example> examples, double l2, int iterations) {
    List<Logistic.Example> plain = new ArrayList<>(examples.size());
    for (Example e : examples) plain.add(new Logistic.Example(e.x(), e.same(), e.weight()));
    Logistic.Fit f = Logistic.fit(plain, l2, iterations);
    int d = f.weights().length;
    return new LinkModel(
        PairFeatures.VERSION,
        PairFeatures.names(d > PairFeatures.NAMES.size()),
        f.mean(),
        f.scale(),
        f.weights(),
        f.bias(),
        0.5,
        "",
        Double.NaN);
  }
}
