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

  static String abbreviate(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "\u2026";
  }
}
