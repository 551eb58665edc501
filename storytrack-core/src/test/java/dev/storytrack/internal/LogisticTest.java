package dev.storytrack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticTest {
  private static List<Logistic.Example> planted(Random r, int n) {
    List<Logistic.Example> ex = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean pos = i % 5 == 0;
      double[] x = {pos ? 2 + r.nextGaussian() : r.nextGaussian(), r.nextGaussian()};
      ex.add(new Logistic.Example(x, pos));
    }
    return ex;
  }

  @Test
  void learnsThePlantedSignalAndStandardizes() {
    Logistic.Fit f = Logistic.fit(planted(new Random(5), 1000), 1e-3, 1000);
    assertThat(f.weights()[0]).isGreaterThan(1);
    assertThat(Math.abs(f.weights()[1])).isLessThan(f.weights()[0] / 4);
    assertThat(f.mean()[0]).isCloseTo(0.4, within(0.15));
    assertThat(f.probability(new double[] {3, 0})).isGreaterThan(0.9);
    assertThat(f.probability(new double[] {-1, 0})).isLessThan(0.1);
  }

  @Test
  void aMissingFeatureCountsAsItsMean() {
    Logistic.Fit f = Logistic.fit(planted(new Random(6), 600), 1e-3, 500);
    assertThat(f.probability(new double[] {Double.NaN, 0.3}))
        .isEqualTo(f.probability(new double[] {f.mean()[0], 0.3}));
  }

  @Test
  void theFitIsDeterministic() {
    Logistic.Fit a = Logistic.fit(planted(new Random(8), 300), 1e-3, 300);
    Logistic.Fit b = Logistic.fit(planted(new Random(8), 300), 1e-3, 300);
    assertThat(a.weights()).containsExactly(b.weights());
    assertThat(a.bias()).isEqualTo(b.bias());
  }
}
