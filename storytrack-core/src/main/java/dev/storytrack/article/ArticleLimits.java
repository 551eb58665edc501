package dev.storytrack.article;

import java.time.Instant;

/**
 * What a storable article must satisfy, checked once before anything is written: every reader and
 * the store apply the same rule, so a record is either rejected up front with a reason or stored
 * whole.
 *
 * <p>The bounds come from what the store can hold without failing half-way: an id or source is a
 * single Lucene term (at most 32766 UTF-8 bytes, 4 per char at worst), and a publication time must
 * fit in epoch milliseconds and print as a four-digit year. Lone UTF-16 surrogates are refused
 * because storing them as UTF-8 replaces each with U+FFFD, so {@code a\ud800} and {@code a\udc00}
 * would silently become one article; the byte readers already refuse invalid UTF-8 the same way.
 */
public final class ArticleLimits {
  /** Longest id, in chars. */
  public static final int MAX_ID = 512;

  /** Longest source, in chars. */
  public static final int MAX_SOURCE = 1024;

  /** Largest record, in bytes of input (a JSONL line, a file); the same cap as single files. */
  public static final int MAX_RECORD_BYTES = WholeFile.MAX_BYTES;

  /** Earliest publication time accepted: 0001-01-01T00:00:00Z. */
  public static final Instant MIN_PUBLISHED = Instant.parse("0001-01-01T00:00:00Z");

  /** Latest publication time accepted: the end of year 9999. */
  public static final Instant MAX_PUBLISHED = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private ArticleLimits() {}

  /** Null when the article may be stored, else the one-line reason it may not. */
  public static String problem(Article a) {
    return problem(a, true);
  }

  /**
   * As {@link #problem(Article)}; {@code surrogates} false skips the lone-surrogate scan of every
   * field, for a reader that has shown none can be there (JSONL: well-formed UTF-8 without a
   * surrogate escape).
   */
  static String problem(Article a, boolean surrogates) {
    String id = a.id();
    if (id.isBlank()) return "field \"id\" is empty";
    if (id.length() > MAX_ID) return "field \"id\" longer than " + MAX_ID + " characters";
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c == 0x7f) return "field \"id\" holds a control character";
    }
    if (a.source().length() > MAX_SOURCE)
      return "field \"source\" longer than " + MAX_SOURCE + " characters";
    // Chars, not bytes: a char is at least one byte of UTF-8, so this never lets more through.
    long chars = (long) a.text().length() + (a.html() == null ? 0 : a.html().length());
    if (chars > MAX_RECORD_BYTES)
      return "text and html longer than " + (MAX_RECORD_BYTES >> 20) + " MiB";
    String range = publishedProblem(a.published());
    if (range != null) return range;
    String field = surrogates ? loneSurrogate(a) : null;
    if (field != null) return "field \"" + field + "\" is not valid Unicode (lone surrogate)";
    return null;
  }

  /** Null when the time is storable (or null), else the reason. */
  public static String publishedProblem(Instant t) {
    if (t != null && (t.isBefore(MIN_PUBLISHED) || t.isAfter(MAX_PUBLISHED))) {
      return "\"published\" outside years 0001-9999";
    }
    return null;
  }

  /** Whether the time lies within the storable years. */
  public static boolean inRange(Instant t) {
    return t != null && publishedProblem(t) == null;
  }

  private static String loneSurrogate(Article a) {
    if (!wellFormed(a.id())) return "id";
    if (!wellFormed(a.source())) return "source";
    if (!wellFormed(a.url())) return "url";
    if (!wellFormed(a.title())) return "title";
    if (!wellFormed(a.text())) return "text";
    if (a.html() != null && !wellFormed(a.html())) return "html";
    return null;
  }

  /** True when every surrogate in {@code s} is half of a pair. */
  public static boolean wellFormed(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      // One test for both halves (U+D800-U+DFFF) on the path every character takes: this scan
      // runs over every text read.
      if ((c & 0xF800) == 0xD800) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
          i++;
        else return false;
      }
    }
    return true;
  }
}
