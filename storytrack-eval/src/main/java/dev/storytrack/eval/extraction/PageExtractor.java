package dev.storytrack.eval.extraction;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.extract.Extractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What is measured: turns one page's raw bytes into its main text. */
@FunctionalInterface
public interface PageExtractor {
  /** The main text of {@code page}, whose undecoded bytes are {@code html}. */
  String extract(BenchmarkPage page, byte[] html) throws Exception;

  /**
   * storytrack as a user runs it: the HTML reader decodes the bytes (BOM, declared charset,
   * detection) and reads the page's metadata, then the extractor finds the article.
   *
   * @param extractor the pipeline's extractor
   */
  static PageExtractor storytrack(Extractor extractor) {
    return (page, bytes) -> extractor.extract(article(page, bytes)).text();
  }

  /**
   * The page as storytrack's HTML reader reads it (decoded, with its metadata), with the
   * benchmark's URL when the page names none.
   */
  static Article article(BenchmarkPage page, byte[] bytes) throws IOException {
    List<Article> read = new ArrayList<>(1);
    List<String> problems = new ArrayList<>(1);
    ArticleReaders.read(
        List.of("-"),
        Format.HTML,
        read::add,
        p -> problems.add(p.toString()),
        new ByteArrayInputStream(bytes));
    if (read.isEmpty()) throw new IOException(page.id() + ": " + String.join("; ", problems));
    Article a = read.get(0);
    if (a.url().isEmpty() && !page.url().isEmpty()) {
      a =
          new Article(
              page.id(), a.source(), page.url(), a.title(), a.published(), a.text(), a.html());
    }
    return a;
  }
}
