package dev.storytrack.eval.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.extract.BlockModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block labels from a benchmark page's own labels, and their weights. */
class BlockLabelsTest {
  private static BenchmarkPage truth(String text) {
    return new BenchmarkPage("p", "", Path.of("p.html"), text, List.of(), List.of());
  }

  @Test
  void aBlockIsContentWhenHalfItsTrigramsAreInTheMainText() {
    BlockLabels l =
        new BlockLabels(
            truth(
                "The council met on Tuesday to discuss the water shortage.\n\nPumps\n\n"
                    + "Officials said the station was out of action."));
    assertThat(l.of("The council met on Tuesday to discuss the water shortage.").content())
        .isTrue();
    // Reworded around the same words: no trigram in common.
    assertThat(l.of("Tuesday council the met discuss on water to").content()).isFalse();
    assertThat(l.of("Share this article on Facebook").content()).isFalse();
    // Short blocks: a whole line of the main text, not words found inside a sentence.
    assertThat(l.of("Pumps").content()).isTrue();
    assertThat(l.of("Officials").content()).isFalse();
    assertThat(l.of("  ")).isNull();
  }

  @Test
  void snippetPagesLabelOnlyTheBlocksHoldingASnippet() {
    BlockLabels l =
        new BlockLabels(
            new BenchmarkPage(
                "p",
                "",
                Path.of("p.html"),
                "",
                List.of("water shortage", "nine days"),
                List.of("Leave a reply")));
    assertThat(l.of("The water  shortage lasted nine days."))
        .isEqualTo(new BlockLabels.Label(true, 2));
    assertThat(l.of("Leave a reply")).isEqualTo(new BlockLabels.Label(false, 1));
    assertThat(l.of("Residents bought water from tankers.")).isNull();
    assertThat(l.of("water shortage? Leave a reply")).isNull();
  }

  @Test
  void pagesAndBenchmarksWeighAlike() {
    BlockLabels l = new BlockLabels(truth("one two three four five six"));
    BlockModel.Sample long_ =
        new BlockModel.Sample("one two three four five six", 6, new double[0], true);
    BlockModel.Sample short_ = new BlockModel.Sample("seven eight", 2, new double[0], true);
    List<BlockModel.Labelled> page = BlockLearner.label(l, List.of(long_, short_));
    // Weights follow the words and average 1 over the page.
    assertThat(page.get(0).weight()).isEqualTo(1.5);
    assertThat(page.get(1).weight()).isEqualTo(0.5);
    assertThat(page.get(0).content()).isTrue();
    assertThat(page.get(1).content()).isFalse();
    List<BlockModel.Labelled> all = BlockLearner.balanced(List.of(page, page.subList(0, 1)));
    // Three examples in all, each benchmark carrying half of the total weight of 3.
    assertThat(all.get(0).weight() + all.get(1).weight()).isEqualTo(1.5);
    assertThat(all.get(2).weight()).isEqualTo(1.5);
  }
}
