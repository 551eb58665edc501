package dev.storytrack.article;

import java.io.IOException;
import java.io.InputStream;

/** One web page per file: the raw page in {@code html}, metadata from its head, empty text. */
final class HtmlReader {
  private HtmlReader() {}

  static void read(InputStream in, String location, String id, ReadContext ctx) throws IOException {
    byte[] bytes = WholeFile.read(in, location, ctx);
    if (bytes == null) return;
    if (!Bytes.hasWideBom(bytes, bytes.length) && Bytes.looksBinary(bytes, 0, bytes.length)) {
      ctx.problem(location, "binary content, not text");
      return;
    }
    HtmlMetadata page = HtmlMetadata.parse(bytes, null, "");
    String source = page.siteName.isBlank() ? HtmlMetadata.host(page.url) : page.siteName;
    ctx.article(
        location, new Article(id, source, page.url, page.title, page.published, "", page.html));
  }
}
