package dev.storytrack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {
  @Test
  void theBuilderStartsAtTheDefaultsAndChangesOnlyWhatItIsTold() {
    ClusterOptions d = ClusterOptions.defaults();
    assertThat(d.threshold()).isNaN();
    assertThat(d.window()).isNull();
    assertThat(d.windowArticles()).isEqualTo(ClusterOptions.DEFAULT_WINDOW_ARTICLES);
    assertThat(d.merge()).isFalse();
    assertThat(d.candidates()).isEqualTo(ClusterOptions.DEFAULT_CANDIDATES);
    assertThat(ClusterOptions.builder().build()).isEqualTo(d);

    ClusterOptions o =
        ClusterOptions.builder()
            .threshold(0.4)
            .window(Duration.ofDays(9))
            .windowArticles(3)
            .mergeEvery(7)
            .merge(true)
            .candidates(5)
            .queryTerms(6)
            .indexTerms(8)
            .build();
    assertThat(o).isEqualTo(new ClusterOptions(0.4, Duration.ofDays(9), 3, 7, true, 5, 6, 8));
    assertThat(o.toBuilder().build()).isEqualTo(o);
    assertThat(o.withThreshold(0.6))
        .isEqualTo(o.toBuilder().threshold(0.6).build())
        .isNotEqualTo(o);
    assertThat(o.withMerge(false).merge()).isFalse();
    assertThat(o.withWindow(null).window()).isNull();
    assertThat(o.withWindowArticles(0).windowArticles()).isZero();
    assertThat(o.withWindowArticles(0).candidates()).isEqualTo(5);
  }
}
