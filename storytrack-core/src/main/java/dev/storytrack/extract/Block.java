package dev.storytrack.extract;

/**
 * One candidate paragraph: a text paragraph or line, or a DOM block.
 *
 * @param text whitespace-collapsed text, never blank
 * @param heading true when the block came from an HTML heading element
 * @param linkChars characters of {@code text} that sat inside links (0 for plain text)
 * @param removedAs null, or the reason the HTML pass already removed this block for
 * @param words {@code Words.count(text)}, counted once where the text is made
 */
record Block(String text, boolean heading, int linkChars, Removed.Reason removedAs, int words) {
  Block(String text, boolean heading, int linkChars, Removed.Reason removedAs) {
    this(text, heading, linkChars, removedAs, Words.count(text));
  }

  Block(String text, boolean heading, int linkChars) {
    this(text, heading, linkChars, null);
  }

  static Block of(String text) {
    return new Block(text, false, 0);
  }

  /** A plain-text block whose word count the caller already has. */
  static Block of(String text, int words) {
    return new Block(text, false, 0, null, words);
  }

  double linkDensity() {
    return text.isEmpty() ? 0 : (double) linkChars / text.length();
  }
}
