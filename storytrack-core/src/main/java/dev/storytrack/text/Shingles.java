package dev.storytrack.text;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.ArrayList;
import java.util.List;

/**
 * Word shingles of a text, hashed, for near-duplicate detection.
 *
 * <p>Normalization: a word is a maximal run of Unicode letters and digits (apostrophes, hyphens and
 * every other character separate words), lower-cased. The normalized text is the words joined by
 * single spaces; its 128-bit hash identifies exact duplicates. A shingle is {@code size}
 * consecutive words; a text with fewer words has one shingle of all its words.
 *
 * <p>Why hand-written and not a Lucene analysis chain: shingling sits on the hot path of {@code
 * storytrack dedup} (target 20,000 docs/s on 2 cores, i.e. about 100 µs per document for
 * everything). This normalizer makes one pass over the chars into a reused buffer and allocates
 * nothing per word; {@code ShinglesBenchmark} compares it with StandardTokenizer + LowerCaseFilter
 * (see docs/dedup.md for the measured figures). Dedup needs no stemming or stop words, only a
 * stable word split, so the simpler rule loses nothing here.
 *
 * <p>Immutable and thread-safe; each call uses per-thread scratch buffers.
 */
public final class Shingles {
  /** Default shingle size in words. */
  public static final int DEFAULT_SIZE = 5;

  private static final Hasher128 EXACT = Hashing.xxh3_128();
  private static final Hasher64 SHINGLE = Hashing.komihash5_0();

  /** What a char in a word becomes, and what stands for a separator, in {@link #CHARS}. */
  private static final int SEPARATOR = ' ';

  // Above every char: one comparison (c >= 0x80) sends non-ASCII letters and surrogates aside.
  private static final int SURROGATE = 0x10000;

  /**
   * Every BMP char to its lower-cased form when it is a letter or digit, {@link #SEPARATOR}
   * otherwise, {@link #SURROGATE} for surrogates (decoded on a slow path): the same answer as
   * {@code Character.isLetterOrDigit} and {@code Character.toLowerCase}, looked up instead of
   * computed (non-Latin text made those calls a tenth of the dedup cost). 256 KB. Letters and
   * digits all map above {@code ' '}, so "in a word" is one comparison.
   */
  private static final int[] CHARS = new int[0x10000];

  static {
    for (int c = 0; c < CHARS.length; c++) {
      CHARS[c] =
          Character.isSurrogate((char) c)
              ? SURROGATE
              : Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : SEPARATOR;
    }
  }

  /** Per-thread buffers: the scan allocates nothing but the returned shingle array. */
  private static final class Scratch {
    char[] chars = new char[1 << 12];
    byte[] buf = new byte[1 << 14];
    int[] bounds = new int[1 << 12];
    final int[] state = new int[4];
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final int size;

  public Shingles(int size) {
    if (size < 1) throw new IllegalArgumentException("shingle size must be >= 1: " + size);
    this.size = size;
  }

  public int size() {
    return size;
  }

  /**
   * The hashed shingles of a text.
   *
   * @param exactHigh high 64 bits of the 128-bit hash of the normalized text
   * @param exactLow low 64 bits of that hash
   * @param words number of words
   * @param shingles 64-bit shingle hashes in text order (repeats kept); empty when no words
   */
  public record Hashed(long exactHigh, long exactLow, int words, long[] shingles) {}

  /** Normalizes, then hashes the text and every run of {@link #size()} words. */
  public Hashed hash(CharSequence text) {
    String str = text.toString();
    int n = str.length();
    Scratch sc = SCRATCH.get();
    // Sized for the worst case, so the loop never checks capacity: a char writes at most three
    // bytes (a separator at most one), and each char closes or opens at most one word.
    if (sc.chars.length < n) sc.chars = new char[n + 64];
    if (sc.buf.length < 3 * n + 16) sc.buf = new byte[3 * n + 16];
    if (sc.bounds.length < n + 2) sc.bounds = new int[n + 2];
    char[] in = sc.chars;
    str.getChars(0, n, in, 0);
    // The normalized text as bytes: ASCII chars as one byte, every other UTF-16 unit as three
    // bytes with the high bit set (injective, and cheaper than UTF-8 with surrogate handling).
    // Hashing byte spans lets one hash call cover a whole shingle with no per-word hashing.
    byte[] buf = sc.buf;
    // Word boundaries, alternately the start and the end of a word in buf.
    int[] bounds = sc.bounds;
    int len = 0;
    int nb = 0;
    int prev = 0;
    for (int i = 0; i < n; i++) {
      int c = CHARS[in[i]];
      if (c >= 0x80) {
        if (c == SURROGATE) {
          // Out of line: code point decoding inlined here made the whole loop about 1.7 times
          // slower, even on text without a single surrogate.
          int[] st = sc.state;
          st[0] = i;
          st[1] = len;
          st[2] = nb;
          st[3] = prev;
          surrogate(in, n, buf, bounds, st);
          i = st[0];
          len = st[1];
          nb = st[2];
          prev = st[3];
          continue;
        }
        // A non-ASCII letter or digit of the BMP: three bytes.
        bounds[nb] = len;
        nb += prev ^ 1;
        prev = 1;
        len = putUnit(buf, len, (char) c);
        continue;
      }
      // Branch-free on the common path: a word boundary every few chars defeats branch prediction
      // (this made the scan twice as slow). word is 1 in a word, 0 on a separator; a boundary
      // is recorded where it changes; a separator writes one space, kept only right after a word.
      int word = (SEPARATOR - c) >>> 31;
      bounds[nb] = len;
      nb += word ^ prev;
      buf[len] = (byte) c;
      len += word | prev;
      prev = word;
    }
    if (prev == 1) bounds[nb++] = len;
    int words = nb >> 1;
    len = nb == 0 ? 0 : bounds[nb - 1];
    HashValue128 h = EXACT.hashBytesTo128Bits(buf, 0, len);
    long[] shingles;
    if (words == 0) {
      shingles = new long[0];
    } else if (words <= size) {
      shingles = new long[] {SHINGLE.hashBytesToLong(buf, 0, len)};
    } else {
      shingles = new long[words - size + 1];
      for (int s = 0; s < shingles.length; s++) {
        int from = bounds[2 * s];
        shingles[s] = SHINGLE.hashBytesToLong(buf, from, bounds[2 * (s + size - 1) + 1] - from);
      }
    }
    return new Hashed(h.getMostSignificantBits(), h.getLeastSignificantBits(), words, shingles);
  }

  /**
   * The scan's step for a surrogate at {@code state[0]}: a pair's code point is a letter or digit
   * (written lower-cased as two units) or a separator, as is a lone surrogate. {@code state} holds
   * the scan's position, output length, boundary count and in-word flag, in and out.
   */
  private static void surrogate(char[] in, int n, byte[] buf, int[] bounds, int[] state) {
    int i = state[0];
    int len = state[1];
    int nb = state[2];
    int prev = state[3];
    int cp = Character.codePointAt(in, i, n);
    if (Character.charCount(cp) == 2) i++;
    int c = Character.isLetterOrDigit(cp) ? Character.toLowerCase(cp) : SEPARATOR;
    if (c == SEPARATOR) {
      bounds[nb] = len;
      nb += prev;
      buf[len] = ' ';
      len += prev;
      prev = 0;
    } else {
      bounds[nb] = len;
      nb += prev ^ 1;
      prev = 1;
      if (c < 0x10000) {
        len = putUnit(buf, len, (char) c);
      } else {
        len = putUnit(buf, len, Character.highSurrogate(c));
        len = putUnit(buf, len, Character.lowSurrogate(c));
      }
    }
    state[0] = i;
    state[1] = len;
    state[2] = nb;
    state[3] = prev;
  }

  private static int putUnit(byte[] buf, int at, char c) {
    buf[at] = (byte) (0x80 | (c >>> 14));
    buf[at + 1] = (byte) (0x80 | ((c >>> 7) & 0x7f));
    buf[at + 2] = (byte) (0x80 | (c & 0x7f));
    return at + 3;
  }

  /** The words of a text under this class's normalization (for tests and tools, not hot paths). */
  public static List<String> words(CharSequence text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
              } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
              }
            });
    if (word.length() > 0) out.add(word.toString());
    return out;
  }

  /** The normalized text: {@link #words} joined by single spaces. */
  public static String normalize(CharSequence text) {
    return String.join(" ", words(text));
  }

  /** The distinct shingles of a text as strings (for exact Jaccard in tests and benchmarks). */
  public java.util.Set<String> shingleStrings(CharSequence text) {
    List<String> w = words(text);
    java.util.Set<String> out = new java.util.HashSet<>();
    if (w.isEmpty()) return out;
    if (w.size() <= size) {
      out.add(String.join(" ", w));
      return out;
    }
    for (int i = 0; i + size <= w.size(); i++) out.add(String.join(" ", w.subList(i, i + size)));
    return out;
  }
}
