package dev.storytrack.eval.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scorer reproduces the benchmark's published F1 of other extractors' stored outputs. */
class ScrapinghubReproductionTest {
  @ParameterizedTest(name = "{0}: F1 {1}")
  @CsvSource({"trafilatura, 0.958", "readability, 0.922", "boilerpipe, 0.860"})
  void reproducesPublishedF1(String extractor, double published) throws Exception {
    Path dir = SharedData.require("scrapinghub-aeb");
    List<BenchmarkPage> pages = Benchmark.SCRAPINGHUB.load(dir);
    ExtractionReport r =
        ExtractionEvaluation.scorePredictions(
            Benchmark.SCRAPINGHUB,
            pages,
            Split.ALL,
            Predictions.load(dir.resolve("output").resolve(extractor + ".json")));
    assertThat(r.pages()).isEqualTo(181);
    assertThat(r.f1()).isCloseTo(published, within(0.005));
  }
}
