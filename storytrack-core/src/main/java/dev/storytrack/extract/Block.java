package dev.storytrack.extract;

/**
 * One candidate paragraph: a text paragraph or line, or a DOM block.
 *
 * @param text whitespace-collapsed text, never blank
 * @param heading true when the block came from an HTML heading element
 * @param linkChars characters of {@code text} that sat inside links (0 for plain text)
 * @param removedAs null, or the reason the HTML pass already removed this block for
 */
record Block(String text, boolean heading, int linkChars, String removedAs) {
  Block(String text, boolean heading, int linkChars) {
    this(text, heading, linkChars, null);
  }

  static Block of(String text) {
    return new Block(text, false, 0);
  }

  double linkDensity() {
    return text.isEmpty() ? 0 : (double) linkChars / text.length();
  }
}
