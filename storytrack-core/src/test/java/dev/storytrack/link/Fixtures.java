package dev.storytrack.link;

import dev.storytrack.article.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test articles: the seed pair and other-topic fixtures (first line title, rest text). */
public final class Fixtures {
  private Fixtures() {}

  public static List<Article> seeds() {
    return read(Path.of("src/test/resources/seeds"));
  }

  public static List<Article> otherTopics() {
    return read(Path.of("src/test/resources/fixtures/other-topics"));
  }

  /** The skeleton's fixtures next to the seeds (a rewrite of the seed story and other events). */
  public static List<Article> skeleton() {
    return read(Path.of("src/test/resources/fixtures"));
  }

  private static List<Article> read(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".txt"))
          .sorted()
          .map(Fixtures::article)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Article article(Path p) {
    try {
      String s = Files.readString(p, StandardCharsets.UTF_8).strip();
      int nl = s.indexOf('\n');
      String id = p.getFileName().toString().replaceFirst("\\.txt$", "");
      return Article.ofText(id, s.substring(0, nl).strip(), s.substring(nl + 1).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
