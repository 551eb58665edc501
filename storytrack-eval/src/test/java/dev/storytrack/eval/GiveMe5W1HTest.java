package dev.storytrack.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GiveMe5W1HTest {
  static final Path DATA = Path.of("../../shared/data/giveme5w1h/data");

  @Test
  void convertsObjectAndPythonDictLabelsSortedByDateThenId(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        data.resolve("b.json"),
        """
        {"title": "Later", "text": "Body two", "date_publish": "2017-09-16 08:00:00",
         "source_domain": "example.org", "url": "http://example.org/2", "dId": "d2",
         "newsCluster": "{'CategoryId': 1, 'EventId': 70, 'Event': 'missile'}"}
        """);
    Files.writeString(
        data.resolve("a.json"),
        """
        {"title": "Same day z", "text": "Body", "date_publish": "2017-09-15T00:00:00",
         "source_domain": "example.com", "url": "http://example.com/1", "dId": "z1",
         "newsCluster": {"EventId": 70}}
        """);
    Files.writeString(
        data.resolve("c.json"),
        """
        {"title": "Same day a", "text": "Body", "date_publish": "2017-09-15T00:00:00",
         "dId": "a1", "newsCluster": {"EventId": 12}}
        """);
    Files.writeString(data.resolve("d.json"), "{not json");
    Files.writeString(data.resolve("e.json"), "{\"dId\": \"x\", \"title\": \"no label\"}");
    Path out = dir.resolve("out");
    GiveMe5W1H.Converted c = GiveMe5W1H.convert(data, out);
    assertThat(c.skipped()).isEqualTo(2);
    assertThat(c.articles()).extracting(Article::id).containsExactly("a1", "z1", "d2");
    assertThat(c.gold())
        .containsEntry("d2", "70")
        .containsEntry("z1", "70")
        .containsEntry("a1", "12");
    List<Article> back = EvalData.readArticles(out.resolve("articles.jsonl"));
    assertThat(back).isEqualTo(c.articles());
    assertThat(back.get(2).published()).hasToString("2017-09-16T08:00:00Z");
    assertThat(EvalData.readGold(out.resolve("gold.jsonl"))).isEqualTo(c.gold());
  }

  @Test
  void realDataHas264ArticlesIn46Events() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DATA), "GiveMe5W1H data absent at " + DATA);
    GiveMe5W1H.Converted c = GiveMe5W1H.read(DATA);
    assertThat(c.articles()).hasSize(264);
    assertThat(c.skipped()).isZero();
    assertThat(new HashSet<>(c.gold().values())).hasSize(46);
    for (int i = 1; i < c.articles().size(); i++) {
      assertThat(c.articles().get(i).published())
          .isAfterOrEqualTo(c.articles().get(i - 1).published());
    }
    Map<String, String> gold = c.gold();
    assertThat(gold.keySet())
        .containsExactlyElementsOf(c.articles().stream().map(Article::id).toList());
  }
}
