package dev.storytrack.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class ArticleJsonPropertyTest {
  @Property(tries = 300)
  void writtenArticlesReadBackEqual(@ForAll("articles") List<Article> articles) throws IOException {
    Path file = Files.createTempFile("articles", ".jsonl");
    try {
      try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Article a : articles) ArticleJson.writeLine(a, w);
      }
      List<Article> back = new ArrayList<>();
      List<ReadProblem> problems = new ArrayList<>();
      ArticleReaders.read(List.of(file.toString()), Format.AUTO, back::add, problems::add);
      assertThat(problems).isEmpty();
      assertThat(back).isEqualTo(articles);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<List<Article>> articles() {
    // Distinct ids: a repeated id in one file is reported as a duplicate (by design).
    return article().list().ofMinSize(1).ofMaxSize(5).uniqueElements(Article::id);
  }

  private Arbitrary<Article> article() {
    Arbitrary<String> any = text().injectNull(0.2);
    // Storable ids (ArticleLimits): no control characters, at most 512 characters.
    Arbitrary<String> id =
        text()
            .filter(
                s ->
                    !s.isBlank()
                        && s.length() <= ArticleLimits.MAX_ID
                        && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f));
    Arbitrary<Instant> published =
        Arbitraries.longs()
            .between(
                Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
            .flatMap(
                s ->
                    Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(n -> Instant.ofEpochSecond(s, n)))
            .injectNull(0.3);
    Arbitrary<Tuple.Tuple2<String, String>> body =
        Combinators.combine(any, any)
            .as(Tuple::of)
            .filter(
                t ->
                    (t.get1() != null && !t.get1().isBlank())
                        || (t.get2() != null && !t.get2().isBlank()));
    return Combinators.combine(id, any, any, any, published, body)
        .as(
            (i, source, url, title, when, b) ->
                new Article(i, source, url, title, when, b.get1(), b.get2()));
  }

  /** Valid Unicode text of every kind: controls, quotes, line separators, non-BMP characters. */
  private Arbitrary<String> text() {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
            Tuple.of(
                2,
                Arbitraries.of(
                    (int) '\n', (int) '\r', (int) '\t', 0, (int) '"', (int) '\\', 0x2028, 0xFEFF)),
            Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
            Tuple.of(1, Arbitraries.integers().between(0xE000, 0x10FFFF)));
    return codePoint
        .list()
        .ofMaxSize(30)
        .map(
            cps -> {
              StringBuilder sb = new StringBuilder();
              cps.forEach(sb::appendCodePoint);
              return sb.toString();
            });
  }
}
