package dev.storytrack.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/** Publication-time parsing: strict ISO-8601 for JSONL, lenient for what web pages write. */
final class IsoDates {
  private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");
  private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
  private static final Pattern SPACE_BEFORE_OFFSET = Pattern.compile("(\\d) ([+-]\\d{2}:?\\d{2}|Z)$");

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private IsoDates() {}

  /** Whether {@code s} is a date without a time of day ({@code 2019-04-02}). */
  static boolean isDate(String s) {
    return s != null && DATE.matcher(s.strip()).matches();
  }

  /**
   * Parses ISO-8601: an instant ({@code 2019-04-02T10:00:00Z}), a date-time with offset ({@code
   * +02:00}) or zone, a local date-time (taken as UTC) or a date (start of that day, UTC).
   *
   * @return the instant, or null when {@code s} is none of these
   */
  static Instant parseIso(String s) {
    String v = s.strip();
    if (v.isEmpty()) return null;
    try {
      TemporalAccessor t =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              v, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
      if (t instanceof ZonedDateTime z) return z.toInstant();
      if (t instanceof OffsetDateTime o) return o.toInstant();
      return ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // not a date-time; try a plain date below
    }
    try {
      return LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Like {@link #parseIso} but also accepts the near-ISO forms common in page metadata ({@code
   * 2019-04-02 10:00:00}, {@code +0200}) and RFC 1123 ({@code Tue, 2 Apr 2019 10:00:00 GMT}).
   */
  static Instant parseLenient(String s) {
    Instant t = parseLenientUnchecked(s);
    // A page's metadata is a hint: an absurd year drops the date, not the page.
    return ArticleLimits.inRange(t) ? t : null;
  }

  private static Instant parseLenientUnchecked(String s) {
    if (s == null) return null;
    String v = s.strip();
    Instant strict = parseIso(v);
    if (strict != null) return strict;
    String fixed = SPACE_BEFORE_TIME.matcher(v).replaceFirst("$1T$2");
    fixed = SPACE_BEFORE_OFFSET.matcher(fixed).replaceFirst("$1$2");
    fixed = OFFSET_WITHOUT_COLON.matcher(fixed).replaceFirst("$1:$2");
    if (!fixed.equals(v)) {
      Instant i = parseIso(fixed);
      if (i != null) return i;
    }
    try {
      return OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
