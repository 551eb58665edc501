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
    Extraction e =
        extract(
            "<html lang='de-DE'><head><meta name='author' content='By Anna Muster'>"
                + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":"
                + "\"Person\",\"name\":\"Anna Muster\"},{\"name\":\"Ben Beispiel\"}]}</script></head><body>"
                + BODY
                + "</body></html>");
    assertThat(e.authors()).containsExactly("Anna Muster", "Ben Beispiel");
    assertThat(e.language()).isEqualTo("de");
  }

  @Test
  void authorLinksCountWhenNothingIsDeclaredButUrlsDoNot() {
    Extraction e =
        extract(
            "<html><head><meta property='article:author' content='https://x.com/anna'>"
                + "</head><body><a rel='author' href='/a'>Carla Codex</a>"
                + BODY
                + "</body></html>");
    assertThat(e.authors()).containsExactly("Carla Codex");
  }

  @Test
  void undeclaredLanguageIsDetected() {
    assertThat(extract("<html><body>" + BODY + "</body></html>").language()).isEqualTo("en");
    String de =
        "<p>Die Hafenbehörde sagte am Freitag, dass der neue Kai im August für die Fähren"
            + " geöffnet wird. Die Arbeiten an dem Kai haben vor zwei Jahren begonnen und sind wegen"
            + " eines Mangels an Stahl nicht rechtzeitig fertig geworden, sagte die Behörde.</p>";
    assertThat(extract("<html><body>" + de + de + "</body></html>").language()).isEqualTo("de");
    assertThat(PageMetadata.guessLanguage("too short")).isEmpty();
    assertThat(PageMetadata.guessLanguage("12 34 56 78 90 ## !! ... 2024-01-01 10:00")).isEmpty();
    // Beyond the languages of the evaluation sets, with ISO 639-1 codes.
    assertThat(
            PageMetadata.guessLanguage(
                "Городской совет во вторник проголосовал за закрытие моста на ремонт, "
                    + "сообщили в администрации города."))
        .isEqualTo("ru");
    assertThat(
            PageMetadata.guessLanguage(
                "صوت مجلس المدينة يوم الثلاثاء على إغلاق الجسر لإجراء إصلاحات، "
                    + "وقال مسؤولون إن الأعمال ستستمر ثلاثة أشهر."))
        .isEqualTo("ar");
    assertThat(
            PageMetadata.guessLanguage(
                "Rada miasta zagłosowała we wtorek za zamknięciem mostu do remontu, "
                    + "poinformowali urzędnicy."))
        .isEqualTo("pl");
    // A page's declared language wins over the text's.
    assertThat(extract("<html lang='fr-CA'><body>" + BODY + "</body></html>").language())
        .isEqualTo("fr");
  }

  @Test
  void languageTagsAreNormalised() {
    assertThat(PageMetadata.normaliseLanguage("en_US")).isEqualTo("en");
    assertThat(PageMetadata.normaliseLanguage(" PT-br ")).isEqualTo("pt");
    assertThat(PageMetadata.normaliseLanguage("{{lang}}")).isEmpty();
  }
}
