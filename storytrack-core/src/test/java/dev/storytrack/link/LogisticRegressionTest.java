package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  @Test
  void learnsTheInformativeFeatureAndIgnoresNoise() {
    Random r = new Random(7);
    List<LogisticRegression.Example> ex = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      boolean same = i % 4 == 0; // imbalanced like real pairs
      double[] x = new double[PairFeatures.NAMES.size()];
      x[0] = same ? 0.5 + 0.2 * r.nextGaussian() : 0.1 + 0.1 * r.nextGaussian();
      for (int j = 1; j < x.length; j++) x[j] = r.nextGaussian();
      ex.add(new LogisticRegression.Example(x, same));
    }
    LinkModel m = LogisticRegression.fit(ex, 1e-3, 2000);
    assertThat(m.weights()[0]).isGreaterThan(1.0);
    for (int j = 1; j < m.weights().length; j++) {
      assertThat(Math.abs(m.weights()[j])).isLessThan(m.weights()[0] / 4);
    }
    double[] hi = new double[PairFeatures.NAMES.size()];
    hi[0] = 0.6;
    double[] lo = new double[PairFeatures.NAMES.size()];
    lo[0] = 0.05;
    assertThat(m.probability(hi)).isGreaterThan(0.9);
    assertThat(m.probability(lo)).isLessThan(0.1);
  }
}
