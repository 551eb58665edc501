package dev.storytrack.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.extract.Extractor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed pair: one AFP report as two sites published it (examples/). */
class QuotePairingTest {
  private static List<Quote> a;
  private static List<Quote> b;

  @BeforeAll
  static void extractSeeds() throws Exception {
    Extractor cleaner = Extractor.defaults();
    QuoteExtractor x = QuoteExtractor.english();
    a =
        x.extract(
            cleaner
                .extract(
                    ArticleReaders.readOne(
                        Path.of("../examples/000_4a850577689245d9.txt"), Format.AUTO))
                .text());
    b =
        x.extract(
            cleaner
                .extract(
                    ArticleReaders.readOne(
                        Path.of("../examples/001_d615f29dd00c4665.txt"), Format.AUTO))
                .text());
  }

  private static QuotePairing.Pair find(List<QuotePairing.Pair> pairs, String words) {
    return pairs.stream()
        .filter(
            p ->
                (p.a() != null && p.a().content().contains(words))
                    || (p.b() != null && p.b().content().contains(words)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pair with " + words));
  }

  @Test
  void cavesQuoteIsVerbatimAndBaliIsOneSpeakerDespiteTheSpelling() {
    QuotePairing.Pair p = find(QuotePairing.pair(a, b), "caves overlooking Baghouz");
    assertThat(p.relation()).isEqualTo(QuotePairing.Relation.VERBATIM);
    assertThat(p.a()).isNotNull();
    assertThat(p.b()).isNotNull();
    assertThat(p.speaker()).isIn("Mustefa Bali", "Mustafa Bali");
    assertThat(p.diff()).isEmpty();
  }

  @Test
  void rawlinsonsQuoteIsAlteredWithTheEditorsInsertionInTheDiff() {
    QuotePairing.Pair p = find(QuotePairing.pair(a, b), "a physical space");
    assertThat(p.relation()).isEqualTo(QuotePairing.Relation.ALTERED);
    assertThat(p.a().content()).contains("deny Daesh a physical space");
    assertThat(p.b().content()).contains("deny [IS] a physical space");
    assertThat(p.speaker()).isEqualTo("Scott Rawlinson");
    assertThat(p.diff()).contains(new QuotePairing.WordChange("Daesh", "[IS]"));
  }

  @Test
  void quotesOnlyOneSiteHasAreOneSided() {
    List<QuotePairing.Pair> pairs = QuotePairing.pair(a, b);
    QuotePairing.Pair strikes = find(pairs, "Strikes hit caves and farmlands");
    assertThat(strikes.relation()).isEqualTo(QuotePairing.Relation.ONLY_A);
    assertThat(strikes.b()).isNull();
    // Every quote of each side is in exactly one pair.
    assertThat(pairs.stream().filter(p -> p.a() != null)).hasSize(a.size());
    assertThat(pairs.stream().filter(p -> p.b() != null)).hasSize(b.size());
  }

  @Test
  void namesMatchBySpellingOrSurname() {
    assertThat(QuotePairing.sameName("Mustefa Bali", "Mustafa Bali")).isTrue();
    assertThat(QuotePairing.sameName("Rawlinson", "Scott Rawlinson")).isTrue();
    assertThat(QuotePairing.sameName("Scott Rawlinson", "Ann Rawlinson")).isFalse();
    assertThat(QuotePairing.sameName("Mustefa Bali", "Scott Rawlinson")).isFalse();
    assertThat(QuotePairing.sameName(null, "Scott Rawlinson")).isFalse();
  }

  @Test
  void aRewordedQuoteBySameSpeakerIsAlteredWithItsDiff() {
    Quote x =
        new Quote("we will win this state", "he", "Jane Roe", "said", true, 0, 22, -1, -1, -1, -1);
    Quote y =
        new Quote(
            "we are going to win this state",
            "Roe",
            "Jane Roe",
            "said",
            true,
            0,
            30,
            -1,
            -1,
            -1,
            -1);
    QuotePairing.Pair p = QuotePairing.pair(List.of(x), List.of(y)).get(0);
    assertThat(p.relation()).isEqualTo(QuotePairing.Relation.ALTERED);
    assertThat(p.diff()).containsExactly(new QuotePairing.WordChange("will", "are going to"));
  }
}
