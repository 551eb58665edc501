package dev.storytrack.article.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ParsedPageTest {
  private static final String PAGE =
      "<html><head><title>T</title>"
          + "<script type=\"application/ld+json\">{\"datePublished\":\"2024-05-01\"}</script>"
          + "<script type=\"application/ld+json\">{broken</script></head><body><p>Hi</p></body></html>";

  private static Article read(String html) {
    List<Article> out = new ArrayList<>();
    ArticleReaders.read(
        List.of("-"),
        Format.HTML,
        out::add,
        p -> {},
        new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    return out.get(0);
  }

  @Test
  void theReadersParseIsHandedOverOnceForTheSameText() {
    Article a = read(PAGE);
    assertThat(ParsedPage.waiting(a.html())).isTrue();
    ParsedPage first = ParsedPage.take(a.html());
    assertThat(ParsedPage.waiting(a.html())).isFalse();
    ParsedPage second = ParsedPage.take(a.html());
    assertThat(second).isNotSameAs(first);
    assertThat(second.document().outerHtml()).isEqualTo(first.document().outerHtml());
  }

  @Test
  void anEqualTextThatIsAnotherObjectIsParsedAnew() {
    Article a = read(PAGE);
    ParsedPage.take(new String(a.html().toCharArray()));
    assertThat(ParsedPage.waiting(a.html())).isTrue();
  }

  @Test
  void eachJsonLdScriptIsReadOnceWithItsTreeOrItsError() throws IOException {
    ParsedPage page = ParsedPage.parse(PAGE);
    List<Element> scripts = page.document().select("script");
    assertThat(page.json(scripts.get(0))).isSameAs(page.json(scripts.get(0)));
    assertThat(page.json(scripts.get(0)).path("datePublished").asText()).isEqualTo("2024-05-01");
    IOException broken = null;
    try {
      page.json(scripts.get(1));
    } catch (IOException e) {
      broken = e;
    }
    assertThat(broken).isNotNull();
    IOException again = broken;
    assertThatThrownBy(() -> page.json(scripts.get(1))).isSameAs(again);
  }
}
