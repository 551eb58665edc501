package dev.storytrack.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.cluster.ClusterOptions;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Quality on real labelled data, learned and measured on disjoint events. */
class CrossValidationTest {
  @Test
  void fiveFoldsGroupedByEventReachTheTarget() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(GiveMe5W1HTest.DATA), "GiveMe5W1H data absent at " + GiveMe5W1HTest.DATA);
    GiveMe5W1H.Converted data = GiveMe5W1H.read(GiveMe5W1HTest.DATA);
    CrossValidation.Result r =
        CrossValidation.run(data.articles(), data.gold(), 5, ClusterOptions.defaults());
    assertThat(r.folds()).hasSize(5);
    int articles = 0;
    for (CrossValidation.Fold f : r.folds()) articles += f.scores().articles();
    assertThat(articles).isEqualTo(264);
    assertThat(r.pooled().goldStories()).isEqualTo(46);
    // Learned on GiveMe5W1H alone here (the shipped model learns from three sets: see
    // docs/clustering.md); measured 0.948 mean with the event-level features, 0.968 with v2's
    // topic-level ones, whose time weight this set of topic-sized events favours.
    assertThat(r.meanBcubedF1()).isGreaterThanOrEqualTo(0.94);
    assertThat(r.pooled().bcubedF1()).isGreaterThanOrEqualTo(0.94);
  }
}
