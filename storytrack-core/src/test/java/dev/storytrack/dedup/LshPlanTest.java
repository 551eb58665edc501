package dev.storytrack.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LshPlanTest {
  @Test
  void defaultPlanBoundsMissesAtAndAboveTheThreshold() {
    LshPlan p = DedupConfig.defaults().plan();
    assertThat(p.bands() * p.rows()).isLessThanOrEqualTo(128);
    assertThat(p.bands()).isLessThanOrEqualTo(16);
    assertThat(p.missProbability(0.7)).isLessThanOrEqualTo(0.02);
    assertThat(p.missProbability(0.75)).isLessThan(p.missProbability(0.7));
    assertThat(p.candidateProbability(0.1)).isLessThan(0.01);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.6, 0.8, 0.9, 0.95})
  void otherThresholdsMeetTheMissBoundOrGetTheBestAvailable(double t) {
    LshPlan p = LshPlan.forThreshold(t, 128, 16, 0.02);
    assertThat(p.bands() * p.rows()).isLessThanOrEqualTo(128);
    assertThat(p.missProbability(t)).isLessThanOrEqualTo(0.02);
    assertThat(p.rows() * p.bitsPerComponent()).isGreaterThanOrEqualTo(32);
  }
}
