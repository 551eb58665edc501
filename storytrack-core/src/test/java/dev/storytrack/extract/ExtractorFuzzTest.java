package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleLimits;

/**
 * Fuzz targets for the extractor, which every page and text goes through before it is stored. The
 * promise checked: hostile markup or text never throws, what comes out of a storable article is
 * storable, and the cleaned text dedup compares ({@link Extractor#cleanText}) is the text the store
 * keeps. {@code ./mvnw verify} runs the stored seeds; {@code JAZZER_FUZZ=1} explores, see {@code
 * docs/reliability.md}.
 */
class ExtractorFuzzTest {
  private static final Extractor EXTRACTOR = Extractor.defaults();

  private static void check(Article in) {
    Extraction e = EXTRACTOR.extract(in);
    Article cleaned = EXTRACTOR.clean(in);
    assertThat(cleaned.id()).isEqualTo(in.id());
    assertThat(cleaned.html()).isNull();
    if (ArticleLimits.problem(in) == null) assertThat(ArticleLimits.problem(cleaned)).isNull();
    assertThat(EXTRACTOR.cleanText(in)).isEqualTo(e.text());
    assertThat(cleaned.text()).isEqualTo(e.text());
  }

  @FuzzTest(maxDuration = "10s")
  void html(FuzzedDataProvider data) {
    String title = data.consumeString(200);
    check(new Article("page", "", "", title, null, "", data.consumeRemainingAsString()));
  }

  @FuzzTest(maxDuration = "10s")
  void text(FuzzedDataProvider data) {
    String title = data.consumeString(200);
    check(new Article("text", "", "", title, null, data.consumeRemainingAsString(), null));
  }
}
