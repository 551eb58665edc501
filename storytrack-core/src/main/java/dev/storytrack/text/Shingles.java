package dev.storytrack.text;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.ArrayList;
import java.util.List;

/**
 * Word shingles of a text, hashed, for near-duplicate detection.
 *
 * <p>Normalization: a word is a maximal run of Unicode letters and digits (apostrophes, hyphens
 * and every other character separate words), lower-cased. The normalized text is the words joined
 * by single spaces; its 128-bit hash identifies exact duplicates. A shingle is {@code size}
 * consecutive words; a text with fewer words has one shingle of all its words.
 *
 * <p>Why hand-written and not a Lucene analysis chain: shingling sits on the hot path of {@code
 * storytrack dedup} (target 20,000 docs/s on 2 cores, i.e. about 100 µs per document for
 * everything). This normalizer makes one pass over the chars into a reused buffer and allocates
 * nothing per word; {@code ShinglesBenchmark} compares it with StandardTokenizer + LowerCaseFilter
 * (see docs/dedup.md for the measured figures). Dedup needs no stemming or stop words, only a
 * stable word split, so the simpler rule loses nothing here.
 *
 * <p>Immutable and thread-safe; each call uses its own buffers.
 */
public final class Shingles {
  /** Default shingle size in words. */
  public static final int DEFAULT_SIZE = 5;

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

  /** Normalizes, hashes every word, and hashes every run of {@link #size()} words. */
  public Hashed hash(CharSequence text) {
    int n = text.length();
    char[] buf = new char[n + 1];
    int[] starts = new int[Math.max(16, n / 4)];
    int[] ends = new int[starts.length];
    int len = 0;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      int cp;
      int width;
      if (c < 0x80) {
        // ASCII fast path: most news text is ASCII.
        cp = c;
        width = 1;
        boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (alnum) {
          // Non-ASCII lower-casing can expand, so the buffer may run ahead of the input.
          if (len + 2 > buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2 + 2);
          if (!inWord) {
            if (words == starts.length) {
              starts = java.util.Arrays.copyOf(starts, words * 2);
              ends = java.util.Arrays.copyOf(ends, words * 2);
            }
            if (len > 0) buf[len++] = ' ';
            starts[words] = len;
            inWord = true;
          }
          buf[len++] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        } else if (inWord) {
          ends[words++] = len;
          inWord = false;
        }
        i += width;
        continue;
      }
      cp = Character.codePointAt(text, i);
      width = Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (!inWord) {
          if (words == starts.length) {
            starts = java.util.Arrays.copyOf(starts, words * 2);
            ends = java.util.Arrays.copyOf(ends, words * 2);
          }
          if (len > 0) buf[len++] = ' ';
          starts[words] = len;
          inWord = true;
        }
        int lower = Character.toLowerCase(cp);
        int need = len + Character.charCount(lower) + 1;
        if (need > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        len += Character.toChars(lower, buf, len);
      } else if (inWord) {
        ends[words++] = len;
        inWord = false;
      }
      i += width;
    }
    if (inWord) ends[words++] = len;

    HashStream128 exact = Hashing.xxh3_128().hashStream();
    HashValue128 h = exact.putChars(buf, 0, len).get();

    HashStream64 stream = Hashing.komihash5_0().hashStream();
    long[] wordHashes = new long[words];
    for (int w = 0; w < words; w++) {
      wordHashes[w] = stream.reset().putChars(buf, starts[w], ends[w] - starts[w]).getAsLong();
    }
    long[] shingles;
    if (words == 0) {
      shingles = new long[0];
    } else if (words <= size) {
      shingles = new long[] {combine(stream, wordHashes, 0, words)};
    } else {
      shingles = new long[words - size + 1];
      for (int s = 0; s < shingles.length; s++) shingles[s] = combine(stream, wordHashes, s, size);
    }
    return new Hashed(h.getMostSignificantBits(), h.getLeastSignificantBits(), words, shingles);
  }

  private static long combine(HashStream64 stream, long[] wordHashes, int from, int count) {
    stream.reset();
    for (int i = from; i < from + count; i++) stream.putLong(wordHashes[i]);
    return stream.putInt(count).getAsLong();
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
