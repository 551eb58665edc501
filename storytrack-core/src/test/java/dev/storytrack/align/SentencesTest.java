package dev.storytrack.align;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.text.Tokens;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SentencesTest {
  private final Aligner aligner = Aligner.defaults();

  static final String SHARED_1 =
      "Syrian Democratic Forces said they were still tracking down remnants of the group in the caves.";
  static final String SHARED_2 =
      "The coalition said its aircraft struck positions near the border town of Baghouz on Sunday.";
  static final String NEW_1 =
      "Meanwhile a separate convoy of aid trucks reached a camp for displaced families further north.";
  static final String NEW_2 =
      "Aid workers described shortages of water and medicine among the new arrivals there.";

  @Test
  void sentencesOnlyOneTextHasAreFoundWithOffsetsIntoThatText() {
    String a = SHARED_1 + " " + NEW_1 + " " + NEW_2 + "\n" + SHARED_2;
    String b = SHARED_1 + "\n" + SHARED_2;
    Alignment al = aligner.align(a, b);
    List<Segment> onlyA = Sentences.onlyInA(a, al);
    assertThat(onlyA).hasSize(1);
    Segment s = onlyA.get(0);
    assertThat(s.text()).isEqualTo(NEW_1 + " " + NEW_2).as("consecutive sentences merge");
    assertThat(a.substring(s.start(), s.end())).isEqualTo(s.text());
    assertThat(Sentences.onlyInB(b, al)).isEmpty();

    Alignment back = aligner.align(b, a);
    List<Segment> onlyB = Sentences.onlyInB(a, back);
    assertThat(onlyB).extracting(Segment::text).containsExactly(NEW_1 + " " + NEW_2);
  }

  @Test
  void aRewordedSentenceInsideASharedPassageIsNotLacking() {
    String a = SHARED_1 + " " + SHARED_2;
    String b = SHARED_1.replace("remnants", "survivors") + " " + SHARED_2;
    Alignment al = aligner.align(a, b);
    assertThat(Sentences.onlyInA(a, al)).isEmpty();
    assertThat(Sentences.onlyInB(b, al)).isEmpty();
  }

  @Test
  void sentencesSplitWithinLinesAndSkipBlankOnes() {
    String t = "First one here. Second one!\n\n  Third line without stop\n";
    List<int[]> s = Sentences.sentences(t);
    assertThat(s)
        .extracting(r -> t.substring(r[0], r[1]))
        .containsExactly("First one here.", "Second one!", "Third line without stop");
  }

  @Property(tries = 60)
  void offsetsLieInTheTextAndATextHasNothingTheOtherLacksAgainstItself(
      @ForAll("texts") String text, @ForAll("texts") String other) {
    Alignment self = aligner.align(text, text);
    assertThat(Sentences.onlyInA(text, self)).as("onlyInA of a text against itself").isEmpty();
    assertThat(Sentences.onlyInB(text, self)).isEmpty();
    assertThat(self.variants()).isEmpty();

    Alignment al = aligner.align(text, other);
    for (Segment s : Sentences.onlyInA(text, al)) {
      assertThat(s.start()).isBetween(0, s.end());
      assertThat(s.end()).isLessThanOrEqualTo(text.length());
      assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
    }
    for (Segment s : Sentences.onlyInB(other, al)) {
      assertThat(s.end()).isLessThanOrEqualTo(other.length());
      assertThat(other.substring(s.start(), s.end())).isEqualTo(s.text());
    }
  }

  /**
   * Texts of a few paragraphs of sentences from a small vocabulary (so words repeat) and numbers.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.of(
                "the",
                "army",
                "said",
                "Monday",
                "rebels",
                "town",
                "of",
                "killed",
                "Mustafa",
                "aid",
                "convoy",
                "reached",
                "camp",
                "in",
                "March",
                "seven",
                "officials",
                "(AFP)",
                "\"we",
                "fled\""),
            Arbitraries.integers().between(1, 9000).map(String::valueOf));
    Arbitrary<String> sentence =
        word.list()
            .ofMinSize(1)
            .ofMaxSize(14)
            .map(ws -> String.join(" ", ws))
            .flatMap(s -> Arbitraries.of(".", "!", "?", "", ":").map(end -> s + end));
    Arbitrary<String> paragraph =
        sentence.list().ofMinSize(1).ofMaxSize(5).map(ss -> String.join(" ", ss));
    // Below a passage's minimum length even a text and itself share no passage.
    return paragraph
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(ps -> String.join("\n\n", ps))
        .filter(t -> Tokens.of(t).size() >= 8);
  }
}
