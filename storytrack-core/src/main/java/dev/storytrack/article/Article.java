package dev.storytrack.article;

import java.time.Instant;
import java.util.Objects;

/**
 * One news article, the record every part of storytrack reads and writes.
 *
 * <p>{@code text} is the article text as given (plain-text and JSONL input) or empty when only
 * {@code html} is known; the {@code extract} package turns either into cleaned text. {@code
 * published} is null when the source gives no time.
 *
 * @param id stable identifier: the record id for JSONL, the file name without extensions for files
 * @param source the outlet or site (a host name when nothing better is known), may be empty
 * @param url canonical or given URL, may be empty
 * @param title headline, may be empty
 * @param published publication time, or null
 * @param text article text (not yet cleaned), never null
 * @param html raw HTML, or null
 */
public record Article(
    String id, String source, String url, String title, Instant published, String text, String html) {

  public Article {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("id is blank");
    source = source == null ? "" : source;
    url = url == null ? "" : url;
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }

  /** A plain-text article with no metadata beyond its id and title. */
  public static Article ofText(String id, String title, String text) {
    return new Article(id, "", "", title, null, text, null);
  }

  public boolean hasHtml() {
    return html != null && !html.isBlank();
  }

  public Article withText(String newText) {
    return new Article(id, source, url, title, published, newText, html);
  }

  public Article withTitle(String newTitle) {
    return new Article(id, source, url, newTitle, published, text, html);
  }
}
