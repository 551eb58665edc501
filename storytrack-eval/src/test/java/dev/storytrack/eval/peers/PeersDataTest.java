package dev.storytrack.eval.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.eval.EvalData;
import dev.storytrack.eval.dedup.PlantedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The peers on ECB+ topics 1-35 (skipped without ../shared/data): both reach the level of the
 * published TF-IDF baselines somewhere on a coarse grid, and agglomerative at least matches
 * single-pass there.
 */
class PeersDataTest {
  private static final dev.storytrack.extract.Extractor EXTRACTOR =
      dev.storytrack.cluster.Pipeline.defaults().extractor();

  @Test
  void bothPeersClusterEcbPlusEventsWell() throws Exception {
    Path set = PlantedCorpus.defaultData().resolve("ecbplus-train");
    Assumptions.assumeTrue(
        Files.isRegularFile(set.resolve("articles.jsonl")),
        "shared data not found at " + set.toAbsolutePath() + " (../shared/data/ecbplus-train)");
    Map<String, String> gold = EvalData.readGold(set.resolve("gold.jsonl"));
    TfIdfVectors v =
        ThresholdSweep.vectors(
            EvalData.cleaned(
                EvalData.withMainText(
                    EvalData.readArticles(set.resolve("articles.jsonl")), EXTRACTOR),
                EXTRACTOR));
    List<Double> grid = ThresholdSweep.grid(0.1, 0.4, 0.05);
    ThresholdSweep.Result sp = ThresholdSweep.run(ThresholdSweep.Peer.SINGLE_PASS, v, gold, grid);
    ThresholdSweep.Result ag = ThresholdSweep.run(ThresholdSweep.Peer.AGGLOMERATIVE, v, gold, grid);
    assertThat(sp.best().scores().bcubedF1()).isGreaterThan(0.8);
    assertThat(ag.best().scores().bcubedF1())
        .isGreaterThan(0.8)
        .isGreaterThanOrEqualTo(sp.best().scores().bcubedF1() - 0.01);
    // The ends of the grid are worse than the best: the sweep has an interior optimum.
    assertThat(ag.at(0.1).scores().bcubedF1()).isLessThan(ag.best().scores().bcubedF1());
    assertThat(ag.at(0.4).scores().bcubedF1()).isLessThan(ag.best().scores().bcubedF1());
  }
}
