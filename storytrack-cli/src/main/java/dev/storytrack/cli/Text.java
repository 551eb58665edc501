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
   * Articles per source for people: {@code a.example 3, b.example 1, (unknown) 1}. Articles read
   * from plain files carry no source, shown as {@code (unknown)}.
   */
  static String sources(java.util.Map<String, Integer> counts) {
    StringBuilder b = new StringBuilder();
    counts.forEach(
        (source, n) -> {
          if (b.length() > 0) b.append(", ");
          b.append(source.isBlank() ? "(unknown)" : safe(source)).append(' ').append(n);
        });
    return b.length() == 0 ? "none" : b.toString();
  }

  /** {@code 1 article}, {@code 2 articles}. */
  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /**
   * What a summary line adds after "N articles read" when records repeated an id: {@code " (3
   * replaced by a later record with the same id)"}, or nothing.
   */
  static String replaced(long n) {
    return n > 0 ? " (" + n + " replaced by a later record with the same id)" : "";
  }

  /** {@code 1 article}, {@code 2 articles}: the plural adds an s. */
  static String plural(long n, String one) {
    return plural(n, one, one + "s");
  }

  /**
   * Text from the data made safe for a terminal: ANSI escape sequences and other control characters
   * (which a title can carry) are dropped, so they never move the cursor or recolour it.
   */
  static String safe(String s) {
    if (s == null) return "";
    String noAnsi =
        s.replaceAll(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u009B[0-?]*[ -/]*[@-~]",
            "");
    StringBuilder b = new StringBuilder(noAnsi.length());
    noAnsi
        .codePoints()
        .forEach(
            c -> {
              if (c == '\t' || c == '\n') b.append(' ');
              else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                  || c == 0x200D) b.appendCodePoint(c);
            });
    return b.toString();
  }

  /** One line of at most {@code max} chars, {@link #safe} for the terminal. */
  static String abbreviate(String s, int max) {
    String flat = safe(s).replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "\u2026";
  }
}
