package dev.storytrack.eval.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.dedup.DedupConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Quality on a small planted corpus built from real articles (skipped without shared data). */
class PlantedQualityTest {
  @Test
  void findsPlantedCopiesAboveTheThresholdWithFewFalsePairs() throws IOException {
    Path data = PlantedCorpus.defaultData();
    Assumptions.assumeTrue(
        Files.isDirectory(data.resolve("wcxb-articles-dev/ground-truth")),
        "shared data not found at " + data.toAbsolutePath() + " (../shared/data)");
    List<String> texts = PlantedCorpus.loadTexts(data, Set.of("wcxb"));
    List<PlantedCorpus.Doc> docs = new PlantedCorpus(texts, 11, 0.5, 0.08).generate(1200);
    DedupQuality.Report r = DedupQuality.evaluate(docs, DedupConfig.defaults());
    assertThat(r.exactPairsAbove()).isGreaterThan(100);
    assertThat(r.recallExact()).isGreaterThanOrEqualTo(0.98);
    assertThat(r.precisionPlanted()).isGreaterThanOrEqualTo(0.99);
    assertThat(r.edgePrecisionTolerant()).isGreaterThanOrEqualTo(0.95);
  }
}
