package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import org.junit.jupiter.api.Test;

class PageMetadataTest {
  private static final String BODY =
      "<p>The harbour authority said on Friday that the new quay would open to ferries in August,"
          + " after two years of work.</p><p>Work on the quay began two years ago and was delayed by"
          + " a shortage of steel piles, the authority said.</p>";

  private static Extraction extract(String html) {
    return Extractor.defaults().extract(new Article("m", "", "", "", null, "", html));
  }

  @Test
  void authorsComeFromJsonLdAndMetaTagsInPageOrderWithoutDuplicates() {
    Extraction e = extract("<html lang='de-DE'><head><meta name='author' content='By Anna Muster'>"
        + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":"
        + "\"Person\",\"name\":\"Anna Muster\"},{\"name\":\"Ben Beispiel\"}]}</script></head><body>"
        + BODY + "</body></html>");
    assertThat(e.authors()).containsExactly("Anna Muster", "Ben Beispiel");
    assertThat(e.language()).isEqualTo("de");
  }

  @Test
  void authorLinksCountWhenNothingIsDeclaredButUrlsDoNot() {
    Extraction e = extract("<html><head><meta property='article:author' content='https://x.com/anna'>"
        + "</head><body><a rel='author' href='/a'>Carla Codex</a>" + BODY + "</body></html>");
    assertThat(e.authors()).containsExactly("Carla Codex");
  }

  @Test
  void undeclaredLanguageIsGuessedFromFunctionWords() {
    assertThat(extract("<html><body>" + BODY + "</body></html>").language()).isEqualTo("en");
    String de = "<p>Die Hafenbehörde sagte am Freitag, dass der neue Kai im August für die Fähren"
        + " geöffnet wird. Die Arbeiten an dem Kai haben vor zwei Jahren begonnen und sind wegen"
        + " eines Mangels an Stahl nicht rechtzeitig fertig geworden, sagte die Behörde.</p>";
    assertThat(extract("<html><body>" + de + de + "</body></html>").language()).isEqualTo("de");
    assertThat(PageMetadata.guessLanguage("too short")).isEmpty();
  }

  @Test
  void languageTagsAreNormalised() {
    assertThat(PageMetadata.normaliseLanguage("en_US")).isEqualTo("en");
    assertThat(PageMetadata.normaliseLanguage(" PT-br ")).isEqualTo("pt");
    assertThat(PageMetadata.normaliseLanguage("{{lang}}")).isEmpty();
  }
}
