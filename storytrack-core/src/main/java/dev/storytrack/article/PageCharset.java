package dev.storytrack.article;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of a web page once, choosing the charset in this order: a byte order mark; the
 * transport's declaration (HTTP or WARC {@code Content-Type}); the page's own ({@code <meta
 * charset>}, {@code http-equiv} or XML declaration); else detection. A declaration is overruled
 * only on evidence: bytes that are valid UTF-8 with non-ASCII characters are UTF-8 whatever the
 * page says (legacy text almost never forms valid multi-byte sequences by chance, while UTF-8 read
 * as a single-byte charset is the usual mojibake), and bytes the declared charset cannot decode go
 * to the detector when its answer decodes them cleanly.
 */
final class PageCharset {
  /** How far the declaration is looked for when the head does not end earlier. */
  private static final int PRESCAN = 64 * 1024;

  private static final Pattern CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?\\s*([a-z0-9._:\\-]+)");
  private static final Pattern XML_DECL =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([a-z0-9._:\\-]+)");

  /**
   * Labels whose usual meaning on the web is a superset (as the WHATWG Encoding Standard maps
   * them): pages labelled latin1 use Windows quotes and dashes, Shift_JIS pages use Microsoft's
   * extensions, and so on.
   */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("iso-8859-1", "windows-1252"),
          Map.entry("iso8859-1", "windows-1252"),
          Map.entry("iso_8859-1", "windows-1252"),
          Map.entry("latin1", "windows-1252"),
          Map.entry("l1", "windows-1252"),
          Map.entry("us-ascii", "windows-1252"),
          Map.entry("ascii", "windows-1252"),
          Map.entry("iso-8859-9", "windows-1254"),
          Map.entry("iso-8859-11", "x-windows-874"),
          Map.entry("tis-620", "x-windows-874"),
          Map.entry("gb2312", "GBK"),
          Map.entry("x-gbk", "GBK"),
          Map.entry("euc-kr", "x-windows-949"),
          Map.entry("ks_c_5601-1987", "x-windows-949"),
          Map.entry("shift_jis", "windows-31j"),
          Map.entry("shift-jis", "windows-31j"),
          Map.entry("sjis", "windows-31j"),
          Map.entry("x-sjis", "windows-31j"),
          Map.entry("big5", "Big5-HKSCS"));

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Where the chosen charset came from. */
  enum Source {
    BOM,
    TRANSPORT,
    META,
    /** Declared, but the bytes are valid UTF-8 with non-ASCII text. */
    OVERRULED_UTF8,
    /** Declared, but the declared charset could not decode the bytes and the detector's could. */
    OVERRULED_DETECTED,
    /** Nothing declared. */
    DETECTED,
    /** Nothing declared and nothing detected that decodes the bytes. */
    FALLBACK
  }

  /** A decoded page: the text without its byte order mark, the charset and why it was chosen. */
  record Decoded(String text, Charset charset, Source source) {}

  private PageCharset() {}

  /**
   * Decodes {@code bytes}.
   *
   * @param transportLabel the charset an HTTP or WARC header declared, or null
   */
  static Decoded decode(byte[] bytes, String transportLabel) {
    Decoded bom = byBom(bytes);
    if (bom != null) return bom;

    Charset declared = resolve(transportLabel);
    Source source = Source.TRANSPORT;
    if (declared == null) {
      declared = declaredInPage(bytes);
      source = Source.META;
    }
    // Most pages are valid UTF-8: one decode settles them (the JDK's lenient decode is the fastest;
    // a replacement character in its output is checked against the bytes), and the byte-by-byte
    // count runs only for the others.
    String lenientUtf8 = new String(bytes, StandardCharsets.UTF_8);
    long counted = lenientUtf8.indexOf('\uFFFD') >= 0 ? utf8Scan(bytes) : -1;
    String utf8 = counted >= 0 && (int) counted > 0 ? null : lenientUtf8;
    if (utf8 != null && utf8.length() == bytes.length && utf8.indexOf('\u001B') < 0) {
      // Plain ASCII (no escape: ISO-2022 charsets are 7-bit too): every charset a page can
      // declare here reads these bytes alike.
      return declared == null
          ? new Decoded(utf8, StandardCharsets.UTF_8, Source.DETECTED)
          : new Decoded(utf8, declared, source);
    }
    // Valid UTF-8: each multi-byte character is at least one byte more than one char.
    long scan = utf8 != null ? (long) (bytes.length - utf8.length()) << 32 : counted;
    int multi = (int) (scan >>> 32);
    int invalid = (int) scan;
    if (declared != null) {
      if (utf8 != null && utf8.length() < bytes.length) {
        return new Decoded(
            utf8,
            StandardCharsets.UTF_8,
            declared.equals(StandardCharsets.UTF_8) ? source : Source.OVERRULED_UTF8);
      }
      if (declared.equals(StandardCharsets.UTF_8) && mostlyUtf8(multi, invalid)) {
        // A UTF-8 page with a few stray bytes (a pasted snippet): reading all of it in another
        // charset would garble far more than it mends.
        return new Decoded(lenientUtf8, declared, source);
      }
      String text = strict(bytes, declared);
      if (text != null) return new Decoded(text, declared, source);
      Charset detected = detect(bytes);
      if (detected != null && !detected.equals(declared)) {
        String d = strict(bytes, detected);
        if (d != null) return new Decoded(d, detected, Source.OVERRULED_DETECTED);
      }
      return new Decoded(new String(bytes, declared), declared, source);
    }
    if (mostlyUtf8(multi, invalid)) {
      return new Decoded(lenientUtf8, StandardCharsets.UTF_8, Source.DETECTED);
    }
    Charset detected = detect(bytes);
    if (detected != null) {
      String d = strict(bytes, detected);
      if (d != null) return new Decoded(d, detected, Source.DETECTED);
    }
    return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, Source.FALLBACK);
  }

  /** Valid UTF-8 text with at most one bad byte per four good multi-byte characters. */
  private static boolean mostlyUtf8(int multi, int invalid) {
    return multi > 0 && multi >= 4L * invalid;
  }

  /**
   * Counts well-formed multi-byte UTF-8 sequences (high 32 bits) and bytes that start no
   * well-formed sequence (low 32 bits). Hand-written because a JDK decoder only reports the first
   * error, and the ratio of the two is the evidence needed.
   */
  static long utf8Scan(byte[] b) {
    int multi = 0;
    int invalid = 0;
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len;
      int min2 = 0x80;
      int max2 = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) min2 = 0xA0; // overlong
        if (c == 0xED) max2 = 0x9F; // surrogates
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) min2 = 0x90;
        if (c == 0xF4) max2 = 0x8F;
      } else {
        invalid++;
        i++;
        continue;
      }
      boolean ok = i + len <= n;
      if (ok) {
        int c2 = b[i + 1] & 0xff;
        ok = c2 >= min2 && c2 <= max2;
        for (int k = 2; ok && k < len; k++) ok = (b[i + k] & 0xC0) == 0x80;
      }
      if (ok) {
        multi++;
        i += len;
      } else {
        invalid++;
        i++;
      }
    }
    return ((long) multi << 32) | invalid;
  }

  private static Decoded byBom(byte[] b) {
    int n = b.length;
    int b0 = n > 0 ? b[0] & 0xff : -1;
    int b1 = n > 1 ? b[1] & 0xff : -1;
    Charset cs = null;
    int skip = 0;
    if (n >= 3 && b0 == 0xEF && b1 == 0xBB && (b[2] & 0xff) == 0xBF) {
      cs = StandardCharsets.UTF_8;
      skip = 3;
    } else if (n >= 4 && b0 == 0 && b1 == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
      cs = Charset.forName("UTF-32BE");
      skip = 4;
    } else if (n >= 4 && b0 == 0xFF && b1 == 0xFE && b[2] == 0 && b[3] == 0) {
      cs = Charset.forName("UTF-32LE");
      skip = 4;
    } else if (b0 == 0xFE && b1 == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (b0 == 0xFF && b1 == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    if (cs == null) return null;
    return new Decoded(new String(b, skip, n - skip, cs), cs, Source.BOM);
  }

  /** The charset a label names, mapped to its web meaning, or null when unknown or unsupported. */
  static Charset resolve(String label) {
    if (label == null) return null;
    String l = label.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
    if (l.isEmpty()) return null;
    String name = LABELS.getOrDefault(l, l);
    try {
      return Charset.isSupported(name) ? Charset.forName(name) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The first supported charset a meta tag (or the XML declaration) of the head declares. */
  static Charset declaredInPage(byte[] bytes) {
    // Declarations are ASCII in every charset a meta tag can be read in, so the bytes are
    // scanned directly: only each meta tag is turned into a string.
    int n = Math.min(bytes.length, PRESCAN);
    for (int i = 0; i < n; i++) {
      if (bytes[i] != '<') continue;
      if (tagNamed(bytes, i + 1, n, "/head")) break;
      if (!tagNamed(bytes, i + 1, n, "meta")) continue;
      int end = i + 5;
      while (end < n && bytes[end] != '>') end++;
      String tag =
          new String(bytes, i, end - i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      Matcher cs = CHARSET.matcher(tag);
      if (cs.find()) {
        // A meta tag saying UTF-16 was just read as ASCII, so it cannot be true (WHATWG: UTF-8).
        Charset c =
            cs.group(1).startsWith("utf-16") ? StandardCharsets.UTF_8 : resolve(cs.group(1));
        if (c != null) return c;
      }
      i = end;
    }
    String start =
        new String(bytes, 0, Math.min(n, 256), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    Matcher xml = XML_DECL.matcher(start);
    return xml.find() ? resolve(xml.group(1)) : null;
  }

  /**
   * Whether {@code name} (lower case) starts at {@code at}, case-insensitively, as a whole tag
   * name.
   */
  private static boolean tagNamed(byte[] b, int at, int n, String name) {
    int len = name.length();
    if (at + len >= n) return false;
    for (int k = 0; k < len; k++) {
      int c = b[at + k];
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if (c != name.charAt(k)) return false;
    }
    int next = b[at + len];
    return next == ' '
        || next == '\t'
        || next == '\n'
        || next == '\r'
        || next == '\f'
        || next == '/'
        || next == '>';
  }

  private static Charset detect(byte[] bytes) {
    try {
      UniversalDetector detector = new UniversalDetector();
      detector.handleData(bytes, 0, bytes.length);
      detector.dataEnd();
      return resolve(detector.getDetectedCharset());
    } catch (RuntimeException e) {
      // A detector failure on odd bytes must not stop a batch: the fallbacks still apply.
      return null;
    }
  }

  /** The text when every byte decodes, else null. */
  private static String strict(byte[] bytes, Charset cs) {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
