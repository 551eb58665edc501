package dev.storytrack.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QuoteExtractorProperties {
  private final QuoteExtractor x = QuoteExtractor.english();

  @Property(tries = 300)
  void offsetsPointAtTheContentAndNeverFail(@ForAll("newsLike") String text) {
    List<Quote> quotes = x.extract(text);
    for (Quote q : quotes) {
      assertThat(text.substring(q.start(), q.end())).isEqualTo(q.content());
      assertThat(q.content()).isNotBlank();
      if (q.sourceStart() >= 0) {
        assertThat(text.substring(q.sourceStart(), q.sourceEnd())).isEqualTo(q.source());
      }
      if (q.cueStart() >= 0)
        assertThat(text.substring(q.cueStart(), q.cueEnd())).isEqualTo(q.cue());
    }
  }

  @Property(tries = 300)
  void arbitraryTextNeverThrows(@ForAll String text) {
    for (Quote q : x.extract(text)) {
      assertThat(text.substring(q.start(), q.end())).isEqualTo(q.content());
    }
  }

  @Property(tries = 200)
  void aQuotedSentenceWithACueIsFoundWhatever(
      @ForAll("sentence") String words, @ForAll("speaker") String speaker) {
    String text = "“" + words + ",” " + speaker + " said.";
    List<Quote> quotes = x.extract(text);
    assertThat(quotes)
        .anySatisfy(
            q -> {
              assertThat(q.content()).isEqualTo(words);
              assertThat(q.direct()).isTrue();
              assertThat(q.source()).isEqualTo(speaker);
            });
  }

  @Provide
  Arbitrary<String> newsLike() {
    Arbitrary<String> piece =
        Arbitraries.of(
            "“",
            "”",
            "\"",
            "'",
            " said ",
            " he ",
            " told AFP ",
            "according to ",
            "Rawlinson",
            ", ",
            ". ",
            "\n\n",
            "\n",
            "that ",
            "the spokesman ",
            "Mustefa Bali",
            "(April 2)",
            "[IS]",
            "caves",
            " — ",
            ":",
            "?",
            "!",
            "Daesh’s",
            "US-led ",
            " ",
            "said",
            "according",
            "“”",
            "\"\"");
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> sentence() {
    Arbitrary<String> word =
        Arbitraries.of(
            "we", "will", "win", "the", "state", "there", "are", "groups", "hiding", "in", "caves",
            "nothing", "changed", "vote", "ready", "now");
    return word.list()
        .ofMinSize(3)
        .ofMaxSize(12)
        .map(
            l -> {
              String s = String.join(" ", l);
              return Character.toUpperCase(s.charAt(0)) + s.substring(1);
            });
  }

  @Provide
  Arbitrary<String> speaker() {
    Arbitrary<String> first = Arbitraries.of("Jane", "Scott", "Mustefa", "Maria");
    Arbitrary<String> last = Arbitraries.of("Roe", "Rawlinson", "Bali", "Espinoza");
    return Combinators.combine(first, last).as((f, l) -> f + " " + l);
  }
}
