package dev.storytrack.align;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.text.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AlignerTest {
  private final Aligner aligner = Aligner.defaults();

  static String resource(String name) throws IOException {
    try (InputStream in = AlignerTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void seedPairSharesTheQuotedStatementsAndNamesTheVariants() throws IOException {
    String a = resource("/seeds/000_4a850577689245d9.txt");
    String b = resource("/seeds/001_d615f29dd00c4665.txt");
    Alignment al = aligner.align(a, b);

    for (String quote :
        List.of(
            "There are groups hiding in caves overlooking Baghouz",
            "In support of back-clearance operations",
            "tracking down remnants of the terrorist group",
            "capacity to regenerate and collaborate")) {
      int at = a.indexOf(quote);
      assertThat(at).as(quote).isNotNegative();
      assertThat(al.passages())
          .as("a passage covers \"%s\"", quote)
          .anySatisfy(
              p -> assertThat(p.aStart() <= at && at + quote.length() <= p.aEnd()).isTrue());
    }
    assertThat(al.variants())
        .anySatisfy(
            v -> {
              assertThat(v.a()).contains("Daesh");
              assertThat(v.b()).containsAnyOf("IS", "Islamic State");
            })
        .anySatisfy(
            v -> {
              assertThat(v.a()).isEqualTo("Mustefa");
              assertThat(v.b()).isEqualTo("Mustafa");
              assertThat(v.kind()).isEqualTo("spelling");
            });
  }

  @Test
  void passageOffsetsPointAtTheSameWordsInBothTexts() throws IOException {
    String a = resource("/seeds/000_4a850577689245d9.txt");
    String b = resource("/seeds/001_d615f29dd00c4665.txt");
    for (Passage p : aligner.align(a, b).passages()) {
      assertThat(p.text()).isEqualTo(a.substring(p.aStart(), p.aEnd()));
      List<String> wa = terms(a.substring(p.aStart(), p.aEnd()));
      List<String> wb = terms(b.substring(p.bStart(), p.bEnd()));
      // Passages start and end on matched words.
      assertThat(wa.get(0)).isEqualTo(wb.get(0));
      assertThat(wa.get(wa.size() - 1)).isEqualTo(wb.get(wb.size() - 1));
    }
  }

  @Test
  void functionWordChangesAreNotVariants() {
    String a = "The minister said a new bridge over the river would open to traffic next spring.";
    String b = "The minister said the new bridge over a river would open to traffic next spring.";
    Alignment al = aligner.align(a, b);
    assertThat(al.passages()).hasSize(1);
    assertThat(al.variants()).isEmpty();
  }

  @Test
  void inflectionAndHyphenationAreNotVariantsButOtherWordsAre() {
    String a =
        "Police in the capital works in co-ordination with the army to arrest the rebel commander tonight.";
    String b =
        "Police in the capital work in coordination with the army to detain the rebel commander tonight.";
    Alignment al = aligner.align(a, b);
    assertThat(al.variants())
        .extracting(Variant::a, Variant::b)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("arrest", "detain"));
  }

  @Test
  void unrelatedTextsShareNothing() throws IOException {
    Alignment al =
        aligner.align(
            resource("/fixtures/brexit-vote.txt"), resource("/fixtures/japan-earthquake.txt"));
    assertThat(al.passages()).isEmpty();
    assertThat(al.containment()).isZero();
  }

  @Property(tries = 50)
  void aTextAlignsWithItsOwnReorderedParagraphs(
      @ForAll("paragraphLists") List<String> paragraphs, @ForAll long seed) {
    List<String> shuffled = new ArrayList<>(paragraphs);
    Collections.shuffle(shuffled, new Random(seed));
    String a = String.join("\n\n", paragraphs);
    String b = String.join("\n\n", shuffled);
    Alignment al = aligner.align(a, b);
    assertThat(al.aShare()).isEqualTo(1.0);
    assertThat(al.bShare()).isEqualTo(1.0);
    assertThat(al.variants()).isEmpty();
  }

  @Property(tries = 50)
  void disjointVocabulariesNeverAlign(
      @ForAll("paragraphLists") List<String> x, @ForAll("paragraphLists") List<String> y) {
    String a = String.join("\n\n", x);
    // Words of B spelt with letters A never uses (A uses a-z only), so no word can match.
    String b =
        String.join("\n\n", y)
            .replace('a', '\u00e6')
            .replace('e', '\u00f0')
            .replace('i', '\u00fe')
            .replace('o', '\u00f8')
            .replace('u', '\u00df')
            .replace('y', '\u0153');
    b = b.replaceAll("[^\u00e6\u00f0\u00fe\u00f8\u00df\u0153 .\n]", "\u00e6");
    assertThat(aligner.align(a, b).passages()).isEmpty();
  }

  @Property(tries = 50)
  void sharesAreFractionsAndPassagesAreInBounds(
      @ForAll("paragraphLists") List<String> x, @ForAll("paragraphLists") List<String> y) {
    String a = String.join("\n\n", x);
    String b = String.join("\n\n", y) + "\n\n" + x.get(0);
    Alignment al = aligner.align(a, b);
    assertThat(al.aShare()).isBetween(0.0, 1.0);
    assertThat(al.bShare()).isBetween(0.0, 1.0);
    for (Passage p : al.passages()) {
      assertThat(p.aStart()).isBetween(0, p.aEnd());
      assertThat(p.aEnd()).isLessThanOrEqualTo(a.length());
      assertThat(p.bStart()).isBetween(0, p.bEnd());
      assertThat(p.bEnd()).isLessThanOrEqualTo(b.length());
    }
  }

  @Provide
  Arbitrary<List<String>> paragraphLists() {
    // Distinct words, so that a text has exactly one way to align with a reordering of itself.
    Arbitrary<String> word =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(4).ofMaxLength(9);
    return word.list()
        .uniqueElements()
        .ofMinSize(16)
        .ofMaxSize(120)
        .map(
            ws -> {
              List<String> paragraphs = new ArrayList<>();
              // Paragraphs of 5 to 19 words: shorter ones are below the minimum passage length.
              for (int i = 0; i < ws.size(); i += 15) {
                int end = ws.size() - (i + 15) < 5 ? ws.size() : i + 15;
                paragraphs.add(String.join(" ", ws.subList(i, end)) + ".");
                if (end == ws.size()) break;
              }
              return paragraphs;
            });
  }

  private static List<String> terms(String s) {
    return Tokens.of(s).stream().map(t -> t.term()).toList();
  }
}
