package dev.storytrack.extract;

/**
 * One decision of the line rules ({@link LineRules}): it looks at the blocks and the reasons given
 * so far ({@link Lines}) and removes some blocks, or keeps some back. Rules run one after the
 * other, in the order {@link LineRules} lists them, each over the whole list; a later rule sees
 * what the earlier ones decided.
 */
interface LineRule {
  /** A short name for reports and tests. */
  String name();

  /**
   * Whether the rule judges all of the page's blocks; otherwise only the article's (those the HTML
   * pass found inside the main content, or all of a plain text's).
   */
  default boolean wholePage() {
    return false;
  }

  void apply(Lines lines);
}
