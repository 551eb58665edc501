package dev.storytrack.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDataTest {
  /** An id given twice is scored as its later record, at its place, as storytrack cluster does. */
  @Test
  void aRepeatedIdIsItsLaterRecord(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("articles.jsonl");
    Files.write(
        f,
        List.of(
            "{\"id\":\"a\",\"title\":\"first a\",\"text\":\"one\"}",
            "{\"id\":\"b\",\"title\":\"b\",\"text\":\"two\"}",
            "{\"id\":\"a\",\"title\":\"second a\",\"text\":\"three\"}",
            "{\"id\":\"c\",\"title\":\"c\",\"text\":\"four\"}"));
    assertThat(EvalData.readArticles(f))
        .extracting(Article::title)
        .containsExactly("b", "second a", "c");
  }
}
