package dev.storytrack.eval.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the learner picks a model's thresholds from dev figures. */
class BlockLearnerTest {
  private static final double[] RULES = {0.97, 0.93, 0.94};

  @Test
  void holdingTheRulesOnEveryBenchmarkComesBeforeTheMean() {
    double[] holds = {0.971, 0.931, 0.940};
    double[] higherMeanButLosesOne = {0.99, 0.95, 0.939};
    assertThat(BlockLearner.better(holds, higherMeanButLosesOne, RULES)).isTrue();
    assertThat(BlockLearner.better(higherMeanButLosesOne, holds, RULES)).isFalse();
  }

  @Test
  void otherwiseTheHigherMeanWins() {
    double[] a = {0.972, 0.931, 0.941};
    double[] b = {0.971, 0.931, 0.941};
    assertThat(BlockLearner.better(a, b, RULES)).isTrue();
    assertThat(BlockLearner.better(b, a, RULES)).isFalse();
    double[] losesA = {0.96, 0.95, 0.93};
    double[] losesB = {0.96, 0.94, 0.93};
    assertThat(BlockLearner.better(losesA, losesB, RULES)).isTrue();
  }
}
