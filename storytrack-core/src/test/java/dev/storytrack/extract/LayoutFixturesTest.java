package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Realistic page layouts in {@code src/test/resources/extract/}: for each input ({@code .html} or
 * {@code .txt}, the latter with the title on its first line), {@code .expected.txt} is the exact
 * cleaned text (every body paragraph, nothing else) and {@code .removed.tsv} lists {@code
 * reason<TAB>snippet}: some removed block with that reason must contain the snippet;
 * {@code @title<TAB>title} is the expected article title.
 */
class LayoutFixturesTest {
  private final Extractor extractor = Extractor.defaults();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wordpress-reply.html",
        "news-site.html",
        "wire-story.txt",
        "disqus-blog.html",
        "comments-mention.txt",
        "travel-blog.html",
        "scraped-lines.txt",
        "legacy-br.html"
      })
  void keepsEveryBodyParagraphAndReportsTheRest(String file) {
    String base = file.substring(0, file.lastIndexOf('.'));
    Article in =
        file.endsWith(".html")
            ? new Article(base, "", "", "", null, "", Fixtures.resource("/extract/" + file))
            : Fixtures.titledText("/extract/" + file);
    Extraction out = extractor.extract(in);

    List<String> expected =
        Fixtures.paragraphs(Fixtures.resource("/extract/" + base + ".expected.txt"));
    assertThat(out.text().split("\n\n", -1)).as(file).containsExactlyElementsOf(expected);

    for (String line : Fixtures.resource("/extract/" + base + ".removed.tsv").split("\n")) {
      if (line.isBlank()) continue;
      String[] cols = line.split("\t", 2);
      if (cols[0].equals("@title")) {
        assertThat(out.article().title()).as(file + " title").isEqualTo(cols[1]);
      } else {
        assertThat(out.removed())
            .as(file + ": removed as " + cols[0] + ": " + cols[1] + "\nremoved: " + out.removed())
            .anySatisfy(
                r -> {
                  assertThat(r.reason().label()).isEqualTo(cols[0]);
                  assertThat(r.text()).contains(cols[1]);
                });
      }
    }
  }
}
