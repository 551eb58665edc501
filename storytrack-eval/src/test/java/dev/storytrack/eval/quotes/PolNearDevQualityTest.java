package dev.storytrack.eval.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.quote.QuoteExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Held-out quality on PolNeAR dev (skipped without {@code ../shared/data/polnear}). Floors sit a
 * little below the figures in docs/quotes.md so that a regression fails here.
 */
class PolNearDevQualityTest {
  @Test
  void devFiguresStayAboveTheirFloors() throws Exception {
    Path data = null;
    for (Path p :
        List.of(Path.of("../shared/data/polnear"), Path.of("../../shared/data/polnear"))) {
      if (Files.isDirectory(p.resolve("dev"))) data = p;
    }
    Assumptions.assumeTrue(
        data != null, "PolNeAR not found at ../shared/data/polnear (beside the repository)");
    List<PolNear.Doc> docs = PolNear.read(data, "dev", p -> {});
    assertThat(docs).hasSize(84);
    QuoteEvaluation.Report ours =
        QuoteEvaluation.evaluate(docs, QuoteExtractor.english()::extract, null);
    QuoteEvaluation.Report peer = QuoteEvaluation.evaluate(docs, QuoteMarkBaseline::extract, null);
    assertThat(ours.direct().f1()).isGreaterThan(DIRECT_FLOOR);
    assertThat(ours.directWithSource().f1()).isGreaterThan(DIRECT_SOURCE_FLOOR);
    assertThat(ours.all().f1()).isGreaterThan(ALL_FLOOR);
    assertThat(ours.direct().f1()).isGreaterThan(peer.direct().f1());
    assertThat(ours.directWithSource().f1()).isGreaterThan(peer.directWithSource().f1());
  }

  private static final double DIRECT_FLOOR = 0.90;
  private static final double DIRECT_SOURCE_FLOOR = 0.84;
  private static final double ALL_FLOOR = 0.69;
}
