package dev.storytrack.link;

import java.util.Arrays;

/**
 * Least-significant-byte-first radix sorts for the two arrays profiling sorts per article: a text's
 * shingle hashes and a vector's packed (id, weight) pairs. Hand-written because the JDK has no
 * radix sort; on these inputs (hundreds to thousands of values, uniform hashes or ids below a few
 * million) it is several times quicker than {@link Arrays#sort}, which was a twentieth of
 * profiling. Small arrays go to {@link Arrays#sort}.
 */
final class RadixSort {
  private static final int SMALL = 64;

  private RadixSort() {}

  /** Sorts {@code a} in signed order. */
  static void sort(int[] a) {
    if (a.length < SMALL) {
      Arrays.sort(a);
      return;
    }
    int[] from = a;
    int[] to = new int[a.length];
    int[] count = new int[256];
    for (int shift = 0; shift < 32; shift += 8) {
      // The top byte with its sign bit flipped, so negative values come first.
      int flip = shift == 24 ? 0x80 : 0;
      Arrays.fill(count, 0);
      for (int v : from) count[((v >>> shift) & 0xff) ^ flip]++;
      for (int i = 0, sum = 0; i < 256; i++) {
        int c = count[i];
        count[i] = sum;
        sum += c;
      }
      for (int v : from) to[count[((v >>> shift) & 0xff) ^ flip]++] = v;
      int[] t = from;
      from = to;
      to = t;
    }
    // An even number of passes: the sorted values are back in a.
  }

  /**
   * Sorts {@code a[0, n)} by the high 32 bits of each value, read as a non-negative int; values
   * with equal high halves may come in any order (vectors never hold an id twice). Passes over a
   * byte that every value shares (the top bytes of small ids) are skipped.
   */
  static void sortByHighInt(long[] a, int n) {
    if (n < SMALL) {
      Arrays.sort(a, 0, n);
      return;
    }
    long[] from = a;
    long[] to = new long[n];
    int[] count = new int[256];
    for (int shift = 32; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) count[(int) (from[i] >>> shift) & 0xff]++;
      if (count[(int) (from[0] >>> shift) & 0xff] == n) continue;
      for (int i = 0, sum = 0; i < 256; i++) {
        int c = count[i];
        count[i] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) to[count[(int) (from[i] >>> shift) & 0xff]++] = from[i];
      long[] t = from;
      from = to;
      to = t;
    }
    if (from != a) System.arraycopy(from, 0, a, 0, n);
  }
}
