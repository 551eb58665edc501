package dev.storytrack.extract;

import dev.storytrack.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test resources: seed files (first non-empty line is the title) and extraction fixtures. */
final class Fixtures {
  private Fixtures() {}

  static String resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A seed: the first non-empty line is the title, the rest is the body text. */
  static Article seed(String name) {
    return titledText("/seeds/" + name);
  }

  /** A text resource whose first non-empty line is the title. */
  static Article titledText(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String raw = resource(path);
    String[] lines = raw.split("\r?\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) i++;
    String title = i < lines.length ? lines[i].strip() : "";
    String body =
        String.join("\n", Arrays.copyOfRange(lines, Math.min(i + 1, lines.length), lines.length));
    return Article.ofText(name.replaceAll("\\..*", ""), title, body);
  }

  /** Blank-line separated paragraphs of {@code text}, whitespace collapsed. */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\\n\\s*\\n")) {
      String s = p.replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!s.isEmpty()) out.add(s);
    }
    return out;
  }
}
