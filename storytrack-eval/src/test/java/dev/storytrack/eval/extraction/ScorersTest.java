package dev.storytrack.eval.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScorersTest {
  @Test
  void tokensAreRunsOfLettersDigitsAndUnderscore() {
    assertThat(ShingleScorer.tokens("It’s 3.5%—über_cool, naïve"))
        .containsExactly("It", "s", "3", "5", "über_cool", "naïve");
  }

  @Test
  void shinglesCountRepeatsAndShortTextsAreOneShingle() {
    assertThat(ShingleScorer.shingles("a b c d a b c d")).hasSize(4).containsValue(2);
    assertThat(ShingleScorer.shingles("just two")).hasSize(1);
    assertThat(ShingleScorer.shingles("  ")).isEmpty();
  }

  @Test
  void extraTextLowersPrecisionMissingTextLowersRecall() {
    String truth = "the quick brown fox jumps over the lazy dog";
    ShingleScorer.Counts extra =
        ShingleScorer.score(truth, truth + " subscribe now to our newsletter");
    assertThat(extra.recall()).isEqualTo(1.0);
    assertThat(extra.precision()).isLessThan(1.0);
    ShingleScorer.Counts missing = ShingleScorer.score(truth, "the quick brown fox jumps");
    assertThat(missing.precision()).isEqualTo(1.0);
    assertThat(missing.recall()).isCloseTo(2.0 / 6, within(1e-9));
  }

  @Test
  void emptyOutputCountsForRecallOnly() {
    ShingleScorer.Counts empty = ShingleScorer.score("some real article text here", "");
    ShingleScorer.Counts perfect =
        ShingleScorer.score("some real article text here", "some real article text here");
    ShingleScorer.Prf prf = ShingleScorer.aggregate(List.of(empty, perfect));
    assertThat(prf.precision()).isEqualTo(1.0);
    assertThat(prf.recall()).isEqualTo(0.5);
    assertThat(prf.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
  }

  @Test
  void snippetsMatchAfterWhitespaceNormalisation() {
    SnippetScorer.Counts c =
        SnippetScorer.score(
            List.of("must  appear\nhere", "missing"),
            List.of("Impressum"),
            "text must appear here. Impressum");
    assertThat(c).isEqualTo(new SnippetScorer.Counts(1, 1, 1, 0));
    assertThat(SnippetScorer.score(List.of("a"), List.of("b"), null))
        .isEqualTo(new SnippetScorer.Counts(0, 0, 1, 1));
  }

  @Test
  void wordScoreIsCaseInsensitiveBagOfWords() {
    WordScorer.Page p = WordScorer.score("Alpha beta gamma", "gamma ALPHA delta");
    assertThat(p.precision()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(p.recall()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void splitIsDeterministicDisjointAndAboutSeventyThirty() {
    List<String> ids = IntStream.range(0, 5000).mapToObj(i -> "page-" + i).toList();
    long dev = ids.stream().filter(Split.DEV::contains).count();
    assertThat(dev / 5000.0).isBetween(0.67, 0.73);
    for (String id : ids) {
      assertThat(Split.DEV.contains(id)).isNotEqualTo(Split.HOLDOUT.contains(id));
      assertThat(Split.bucket(id)).isEqualTo(Split.bucket(new String(id)));
    }
  }
}
