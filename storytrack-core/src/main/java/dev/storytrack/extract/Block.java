package dev.storytrack.extract;

/**
 * One candidate paragraph: a text paragraph or line, or a DOM block.
 *
 * @param text whitespace-collapsed text, never blank
 * @param heading true when the block came from an HTML heading element
 * @param linkChars characters of {@code text} that sat inside links (0 for plain text)
 */
record Block(String text, boolean heading, int linkChars) {
  static Block of(String text) {
    return new Block(text, false, 0);
  }

  double linkDensity() {
    return text.isEmpty() ? 0 : (double) linkChars / text.length();
  }
}
