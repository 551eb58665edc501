package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storytrack.extract.Removed.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block signals the learned model reads, over lines built by hand. */
class BlockFeaturesTest {
  private static double feature(double[] x, String name) {
    return x[BlockFeatures.NAMES.indexOf(name)];
  }

  private static double[][] features(List<String> titles, List<Block> blocks) {
    List<String> keys = new ArrayList<>();
    for (String t : titles) keys.add(Normalize.key(t));
    return BlockFeatures.of(new Lines(blocks, keys, true).article());
  }

  @Test
  void namesAreDistinctAndRowsHaveOneValueEach() {
    assertThat(BlockFeatures.NAMES)
        .doesNotHaveDuplicates()
        .doesNotContain(BlockFeatures.RULES_KEEP);
    double[][] rows = features(List.of(), List.of(Block.of(LineRulesTest.BODY.get(0))));
    assertThat(rows).hasDimensions(1, BlockFeatures.NAMES.size());
  }

  @Test
  void linkDensityLengthAndShapeComeFromTheBlock() {
    String menu = "Home | World | Sport";
    List<Block> blocks =
        List.of(
            new Block(menu, false, menu.length()),
            Block.of(LineRulesTest.BODY.get(0)),
            Block.of("Share on Facebook"),
            Block.of(LineRulesTest.BODY.get(1)));
    double[][] x = features(List.of(), blocks);
    assertThat(feature(x[0], "link-density")).isEqualTo(1.0);
    assertThat(feature(x[1], "link-density")).isEqualTo(0.0);
    assertThat(feature(x[1], "log-words"))
        .isCloseTo(Math.log1p(Words.count(LineRulesTest.BODY.get(0))), within(1e-12));
    assertThat(feature(x[1], "prose")).isEqualTo(1.0);
    assertThat(feature(x[0], "prose")).isEqualTo(0.0);
    // The share line is chrome by the word lists, the sentence is not.
    assertThat(feature(x[2], "shape-vocabulary")).isEqualTo(1.0);
    assertThat(feature(x[2], "chrome-word-share")).isEqualTo(1.0);
    assertThat(feature(x[1], "shape-vocabulary")).isEqualTo(0.0);
    assertThat(feature(x[1], "chrome-word-share")).isLessThan(0.5);
    assertThat(feature(x[0], "edge-shape")).isEqualTo(1.0);
  }

  @Test
  void positionIsRelativeToTheBodyAndThePage() {
    List<Block> blocks =
        List.of(
            Block.of("By Jane Doe"),
            Block.of(LineRulesTest.BODY.get(0)),
            Block.of("Pumps and tankers"),
            Block.of(LineRulesTest.BODY.get(1)),
            Block.of("Related stories"));
    double[][] x = features(List.of(), blocks);
    assertThat(feature(x[0], "before-body")).isEqualTo(1.0);
    assertThat(feature(x[2], "before-body")).isEqualTo(0.0);
    assertThat(feature(x[2], "after-body")).isEqualTo(0.0);
    assertThat(feature(x[4], "after-body")).isEqualTo(1.0);
    assertThat(feature(x[0], "page-position")).isEqualTo(0.0);
    assertThat(feature(x[4], "page-position")).isEqualTo(1.0);
    assertThat(feature(x[2], "article-position")).isEqualTo(0.5);
    // Of the four blocks around the subheading, two are prose.
    assertThat(feature(x[2], "neighbour-prose")).isEqualTo(0.5);
  }

  @Test
  void jointSignalsFollowTheRulesPositions() {
    String menu = "Home | World";
    List<Block> blocks =
        List.of(
            new Block(menu, false, menu.length()),
            Block.of(LineRulesTest.BODY.get(0)),
            Block.of(LineRulesTest.BODY.get(1)),
            Block.of("12 comments"),
            Block.of("I think the council is right about this and said so at the meeting."));
    double[][] x = features(List.of(), blocks);
    // The menu line before the body: an edge shape at the edge, its links counted there.
    assertThat(feature(x[0], "edge-shape-at-edge")).isEqualTo(1.0);
    assertThat(feature(x[0], "links-at-edge")).isEqualTo(1.0);
    assertThat(feature(x[1], "links-at-edge")).isEqualTo(0.0);
    // The comment header after two paragraphs opens the section; the body before it is not in it.
    assertThat(feature(x[2], "in-comment-section")).isEqualTo(0.0);
    assertThat(feature(x[3], "in-comment-section")).isEqualTo(1.0);
    assertThat(feature(x[4], "in-comment-section")).isEqualTo(1.0);
  }

  @Test
  void outsideBlocksMoveThePagePositionButAreNoRowOfTheArticle() {
    List<Block> blocks =
        List.of(
            new Block("Sidebar teaser text", false, 0, Reason.OUTSIDE),
            Block.of(LineRulesTest.BODY.get(0)),
            Block.of(LineRulesTest.BODY.get(1)));
    double[][] x = features(List.of(), blocks);
    assertThat(x).hasNumberOfRows(2);
    assertThat(feature(x[0], "page-position")).isEqualTo(0.5);
    assertThat(feature(x[0], "article-position")).isEqualTo(0.0);
  }

  @Test
  void theRepeatedHeadlineIsMarked() {
    String title = "Water shortage in the south";
    double[][] x =
        features(
            List.of(title),
            List.of(Block.of("Water Shortage in the South"), Block.of(LineRulesTest.BODY.get(0))));
    assertThat(feature(x[0], "title")).isEqualTo(1.0);
    assertThat(feature(x[1], "title")).isEqualTo(0.0);
  }

  @Test
  void theCombinedVectorAppendsTheRulesVerdict() {
    double[] x = {0.25, 2};
    assertThat(BlockFeatures.withRules(x, true)).containsExactly(0.25, 2, 1);
    assertThat(BlockFeatures.withRules(x, false)).containsExactly(0.25, 2, 0);
    assertThat(BlockModel.features(BlockModel.Mode.COMBINED))
        .endsWith(BlockFeatures.RULES_KEEP)
        .hasSize(BlockFeatures.NAMES.size() + 1);
  }
}
