package dev.storytrack.extract;

/**
 * A block that cleaning removed, and why.
 *
 * <p>Reasons form a small closed set, one constant each below: {@link #TITLE} (the headline
 * repeated as the first block), {@link #COMMENTS} (a reader-comment section: its header and
 * everything after it), {@link #FORM} (form labels, buttons, required-field notes, character
 * counters), {@link #CAPTION} (photo captions and credits), {@link #BYLINE} (author and date
 * lines at the edges of the body), {@link #NAVIGATION} (menus, breadcrumbs, tag lists, page
 * header and footer), {@link #RELATED} (links to other articles), {@link #SHARE} (share buttons),
 * {@link #SUBSCRIBE} (newsletter and follow-us boxes), {@link #COOKIE} (cookie banners) and
 * {@link #WIDGET} (anything else a site adds: adverts, copy protection, feedback prompts,
 * copyright lines) and {@link #OUTSIDE} (HTML only: text outside the block of the page that holds
 * the article, such as teaser lists and sidebars without telling names).
 *
 * @param text the removed text (whitespace collapsed)
 * @param reason one of the constants of this record
 */
public record Removed(String text, String reason) {
  public static final String TITLE = "title";
  public static final String COMMENTS = "comments";
  public static final String FORM = "form";
  public static final String CAPTION = "caption";
  public static final String BYLINE = "byline";
  public static final String NAVIGATION = "navigation";
  public static final String RELATED = "related";
  public static final String SHARE = "share";
  public static final String SUBSCRIBE = "subscribe";
  public static final String COOKIE = "cookie";
  public static final String WIDGET = "widget";
  public static final String OUTSIDE = "outside";
}
