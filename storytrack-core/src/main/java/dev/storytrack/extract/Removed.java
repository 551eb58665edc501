package dev.storytrack.extract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A block that cleaning removed, and why.
 *
 * @param text the removed text (whitespace collapsed)
 * @param reason why it was removed
 */
public record Removed(String text, Reason reason) {
  /**
   * Why a block was removed. Output (JSON, text) names a reason by its {@link #label()}: the
   * constant's name in lower case ({@code "title"}, {@code "comments"}, ...).
   */
  public enum Reason {
    /** The headline repeated as the first block. */
    TITLE,
    /** A reader-comment section: its header and everything after it. */
    COMMENTS,
    /** Form labels, buttons, required-field notes, character counters. */
    FORM,
    /** Photo captions and credits. */
    CAPTION,
    /** Author and date lines at the edges of the body. */
    BYLINE,
    /** Menus, breadcrumbs, tag lists, page header and footer. */
    NAVIGATION,
    /** Links to other articles. */
    RELATED,
    /** Share buttons. */
    SHARE,
    /** Newsletter and follow-us boxes. */
    SUBSCRIBE,
    /** Cookie banners. */
    COOKIE,
    /** Anything else a site adds: adverts, copy protection, feedback prompts, copyright lines. */
    WIDGET,
    /**
     * HTML only: text outside the block of the page that holds the article, such as teaser lists
     * and sidebars without telling names.
     */
    OUTSIDE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The name output uses: the constant's name in lower case. */
    @JsonValue
    public String label() {
      return label;
    }

    @Override
    public String toString() {
      return label;
    }
  }
}
