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
  private static final Pattern SPACE_BEFORE_OFFSET =
      Pattern.compile("(\\d) ([+-]\\d{2}:?\\d{2}|Z)$");

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private IsoDates() {}

  /** Whether {@code s} is a date without a time of day ({@code 2019-04-02}). */
  static boolean isDate(String s) {
    if (s == null) return false;
    String v = s.strip();
    return v.length() == 10 && DATE.matcher(v).matches();
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
    Instant utc = utcSeconds(v);
    return utc != null ? utc : parseIsoGeneral(v);
  }

  /** {@link #parseIso} by the JDK's formatters alone, for a stripped, non-empty string. */
  static Instant parseIsoGeneral(String v) {
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
      return LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The common shape {@code 2019-04-02T10:00:00Z} read digit by digit, or null for any other string
   * (which {@link #parseIso} then hands to the general parser): the formatter's {@code parseBest}
   * cost a few microseconds a record, a tenth of reading a JSONL line. Values out of range (month
   * 13, 30 February, hour 24, second 60) also return null, and the general parser rejects them as
   * before.
   */
  static Instant utcSeconds(String v) {
    if (v.length() != 20
        || v.charAt(4) != '-'
        || v.charAt(7) != '-'
        || v.charAt(10) != 'T'
        || v.charAt(13) != ':'
        || v.charAt(16) != ':'
        || v.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) return null;
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** The ASCII digits {@code v[from, from + n)} as a number, or -1 when one is not a digit. */
  private static int digits(String v, int from, int n) {
    int x = 0;
    for (int i = from; i < from + n; i++) {
      int d = v.charAt(i) - '0';
      if (d < 0 || d > 9) return -1;
      x = 10 * x + d;
    }
    return x;
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
