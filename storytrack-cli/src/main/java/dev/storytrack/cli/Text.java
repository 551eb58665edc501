package dev.storytrack.cli;

/** Formatting helpers for human-readable output. */
final class Text {
  private Text() {}

  static String wrap(String s, int width) {
    StringBuilder out = new StringBuilder();
    int col = 0;
    for (String word : s.split(" ")) {
      if (col > 0 && col + 1 + word.length() > width) {
        out.append('\n');
        col = 0;
      } else if (col > 0) {
        out.append(' ');
        col++;
      }
      out.append(word);
      col += word.length();
    }
    return out.toString();
  }

  static String indent(String s, String prefix) {
    return prefix + s.replace("\n", "\n" + prefix);
  }

  /**
   * Articles per source as {@code {a.example=3, (unknown)=1}}: articles read from plain files carry
   * no source, and a bare {@code {=4}} read as a formatting bug.
   */
  static String sources(java.util.Map<String, Integer> counts) {
    StringBuilder b = new StringBuilder("{");
    counts.forEach((source, n) -> {
      if (b.length() > 1) b.append(", ");
      b.append(source.isBlank() ? "(unknown)" : source).append('=').append(n);
    });
    return b.append('}').toString();
  }

  static String abbreviate(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "\u2026";
  }
}
