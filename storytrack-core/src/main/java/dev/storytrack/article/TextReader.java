package dev.storytrack.article;

import java.io.IOException;
import java.io.InputStream;

/** Plain text: the first non-empty line is the title, the rest is the text. */
final class TextReader {
  private TextReader() {}

  static void read(InputStream in, String location, String id, ReadContext ctx) throws IOException {
    byte[] bytes = WholeFile.read(in, location, ctx);
    if (bytes == null) return;
    if (Bytes.containsNul(bytes, 0, bytes.length) || Bytes.looksBinary(bytes, 0, bytes.length)) {
      ctx.problem(location, "binary content, not text");
      return;
    }
    int bom = Bytes.utf8BomLength(bytes, 0, bytes.length);
    String s;
    try {
      s = new Bytes.StrictUtf8().decode(bytes, bom, bytes.length - bom, bom).toString();
    } catch (Bytes.InvalidUtf8Exception e) {
      ctx.problem(location, e.getMessage());
      return;
    }
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
    if (text.isBlank()) {
      ctx.problem(location, "no text after the title line");
      return;
    }
    ctx.article(location, new Article(id, "", "", title, null, text, null));
  }
}
