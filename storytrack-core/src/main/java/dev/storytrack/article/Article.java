package dev.storytrack.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One news article, the record every part of storytrack reads and writes.
 *
 * <p>{@code text} is the article text as given (plain-text and JSONL input) or empty when only
 * {@code html} is known; the {@code extract} package turns either into cleaned text. {@code
 * published} is null when the source gives no time.
 *
 * @param id stable identifier: the record id for JSONL, the file name without extensions for files
 * @param source the outlet or site, may be empty; a host name is normalised ({@link Sources})
 * @param url canonical or given URL, may be empty
 * @param title headline, may be empty
 * @param published publication time, or null
 * @param text article text (not yet cleaned), never null
 * @param html raw HTML, or null
 * @param dateOnly {@code published} is known to the day only (it is that day's start, UTC)
 * @param sourceName the outlet's display name (a feed's title, a record's {@code sourceName}), may
 *     be empty
 */
public record Article(
    String id,
    String source,
    String url,
    String title,
    Instant published,
    String text,
    String html,
    boolean dateOnly,
    String sourceName) {

  /**
   * Earliest first; on the same day a known time comes before a date-only one (whose midnight is
   * not a time of publication), then undated articles, then by id for a stable order.
   */
  public static final Comparator<Article> EARLIEST =
      earliest(Article::published, Article::dateOnly).thenComparing(Article::id);

  /**
   * The order of {@link #EARLIEST} for anything that has a publication time and a date-only flag (a
   * stored article's reference, a version), without its final tie-break.
   */
  public static <T> Comparator<T> earliest(Function<T, Instant> published, Predicate<T> dateOnly) {
    return Comparator.comparing(
            (T x) -> published.apply(x) == null ? null : day(published.apply(x)),
            Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
        .thenComparing(dateOnly::test)
        .thenComparing(published, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
  }

  /**
   * A publication time as people read it: a date ({@code 2019-04-02}) when only the day is known.
   */
  public static String publishedText(Instant published, boolean dateOnly) {
    if (published == null) return "";
    return dateOnly ? day(published).toString() : published.toString();
  }

  public Article {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("id is blank");
    source = Sources.normalize(source);
    url = url == null ? "" : url;
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    dateOnly = dateOnly && published != null;
    sourceName = sourceName == null ? "" : sourceName.strip();
  }

  /** An article with a full publication time (or none) and no display name. */
  public Article(
      String id,
      String source,
      String url,
      String title,
      Instant published,
      String text,
      String html) {
    this(id, source, url, title, published, text, html, false, "");
  }

  /** A plain-text article with no metadata beyond its id and title. */
  public static Article ofText(String id, String title, String text) {
    return new Article(id, "", "", title, null, text, null);
  }

  public boolean hasHtml() {
    return html != null && !html.isBlank();
  }

  /**
   * {@code published} as people read it: a date ({@code 2019-04-02}) when only the day is known.
   */
  public String publishedText() {
    return publishedText(published, dateOnly);
  }

  /** The name to show for the source: the display name when known, else the source. */
  public String sourceLabel() {
    return sourceName.isEmpty() ? source : sourceName;
  }

  public Article withText(String newText) {
    return new Article(id, source, url, title, published, newText, html, dateOnly, sourceName);
  }

  public Article withTitle(String newTitle) {
    return new Article(id, source, url, newTitle, published, text, html, dateOnly, sourceName);
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }
}
