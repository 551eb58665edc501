package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and degenerate pages: every one ends in a result, never an exception or a hang. */
class HostilePagesTest {
  private static final String PARAGRAPH =
      "<p>The council voted on Tuesday to extend the library's opening hours, a decision that"
          + " residents had requested for years, according to the minutes of the meeting.</p>\n";

  private static Extraction extract(String id, String html) {
    return Extractor.defaults().extract(new Article(id, "", "", "", null, "", html));
  }

  @Test
  void fiftyMegabytePageIsExtracted() {
    StringBuilder html =
        new StringBuilder(52_000_000).append("<html><body><nav><a href=/>Home</a></nav><article>");
    while (html.length() < 50_000_000) html.append(PARAGRAPH);
    html.append("</article></body></html>");
    Extraction e = extract("big", html.toString());
    assertThat(e.found()).isTrue();
    assertThat(e.text()).startsWith("The council voted").doesNotContain("Home");
    assertThat(e.text().length()).isGreaterThan(40_000_000);
  }

  @Test
  void domNestedHundredThousandLevelsDeepDoesNotOverflowTheStack() {
    StringBuilder html = new StringBuilder("<html><body>");
    for (int i = 0; i < 100_000; i++) html.append(i % 2 == 0 ? "<div class=\"wrap\">" : "<span>");
    html.append(PARAGRAPH.repeat(3));
    Extraction e = extract("deep", html.toString());
    assertThat(e.text()).contains("The council voted on Tuesday");
  }

  @Test
  void binaryGarbageGivesNoArticle() {
    byte[] bytes = new byte[200_000];
    new Random(42).nextBytes(bytes);
    Extraction e = extract("garbage", new String(bytes, StandardCharsets.ISO_8859_1));
    assertThat(e.found()).isFalse();
    assertThat(e.text()).isEmpty();
  }

  @Test
  void emptyPageGivesNoArticle() {
    for (String html : new String[] {"", " ", "<html></html>", "<html><body></body></html>"}) {
      Extraction e = extract("empty", html);
      assertThat(e.found()).as(html).isFalse();
    }
  }

  @Test
  void pageWithoutArticleSaysSo() {
    String html =
        "<html><head><title>Shop</title></head><body><nav><ul><li><a href=/a>Home</a></li>"
            + "<li><a href=/b>Products</a></li><li><a href=/c>Contact</a></li></ul></nav>"
            + "<footer>© 2024 Example Ltd. All rights reserved.</footer></body></html>";
    Extraction e = extract("shop", html);
    assertThat(e.found()).isFalse();
    assertThat(e.text()).isEmpty();
    assertThat(e.removed()).isNotEmpty();
  }
}
