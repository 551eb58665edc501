package dev.storytrack.article;

import java.io.IOException;
import java.io.InputStream;

/**
 * Plain text in any charset ({@link PageCharset}): the first non-empty line is the title, the rest
 * is the text.
 */
final class TextReader {
  private TextReader() {}

  static void read(InputStream in, String location, String id, ReadContext ctx) throws IOException {
    byte[] bytes = WholeFile.read(in, location, ctx);
    if (bytes == null) return;
    // UTF-16/32 text is full of NUL bytes: its byte order mark says it is text.
    boolean wide = Bytes.hasWideBom(bytes, bytes.length);
    if (!wide
        && (Bytes.containsNul(bytes, 0, bytes.length)
            || Bytes.looksBinary(bytes, 0, bytes.length))) {
      ctx.problem(location, "binary content, not text");
      return;
    }
    // Plain text declares no charset: a BOM, else UTF-8 when the bytes are UTF-8, else the
    // detector (Windows-1252, ISO-8859-x, ...), exactly as for web pages.
    String s = PageCharset.decode(bytes, null).text();
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    int pos = 0;
    String title = "";
    while (pos < s.length()) {
      int nl = s.indexOf('\n', pos);
      int lineEnd = nl < 0 ? s.length() : nl;
      String line = s.substring(pos, lineEnd).strip();
      pos = nl < 0 ? s.length() : nl + 1;
      if (!line.isEmpty()) {
        title = line;
        break;
      }
    }
    // Drop the blank lines between title and text, keep the text's own layout.
    int bodyStart = pos;
    while (pos < s.length()) {
      int nl = s.indexOf('\n', pos);
      if (nl < 0 || !s.substring(pos, nl).isBlank()) break;
      pos = nl + 1;
      bodyStart = pos;
    }
    String text = s.substring(bodyStart).stripTrailing();
    // A headline alone is still an article (as a feed item without a summary is).
    ctx.article(location, new Article(id, "", "", title, null, text, null));
  }
}
