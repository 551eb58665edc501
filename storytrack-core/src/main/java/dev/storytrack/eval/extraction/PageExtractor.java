package dev.storytrack.eval.extraction;

import dev.storytrack.article.Article;
import dev.storytrack.extract.Extractor;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import org.jsoup.Jsoup;

/** What is measured: turns one page's raw bytes into its main text. */
@FunctionalInterface
public interface PageExtractor {
  /** The main text of {@code page}, whose undecoded bytes are {@code html}. */
  String extract(BenchmarkPage page, byte[] html) throws Exception;

  /** storytrack's own extraction: decode the page (BOM, meta charset, detection), then extract. */
  static PageExtractor storytrack() {
    Extractor extractor = Extractor.defaults();
    return (page, bytes) -> {
      Charset cs = Jsoup.parse(new ByteArrayInputStream(bytes), null, page.url()).charset();
      String html = new String(bytes, cs);
      Article a = new Article(page.id(), "", page.url(), "", null, "", html);
      return extractor.extract(a).text();
    };
  }
}
