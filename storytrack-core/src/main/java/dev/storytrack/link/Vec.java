package dev.storytrack.link;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A sparse weight vector over the ids of a {@link TermIds}: ids ascending, one float weight each.
 * Immutable (its arrays are never written after construction), so profiles share vectors freely and
 * a story replaces a vector when it grows. Dot products merge the two id arrays and read IDF by id:
 * no hashing. Hand-written: the product's own scoring kernel; Lucene's postings and vectors are
 * built for an index on disk, not for millions of small in-memory sums.
 */
final class Vec {
  static final Vec EMPTY = new Vec(new int[0], new float[0]);

  final int[] ids;
  final float[] w;

  private Vec(int[] ids, float[] w) {
    this.ids = ids;
    this.w = w;
  }

  int size() {
    return ids.length;
  }

  boolean isEmpty() {
    return ids.length == 0;
  }

  /** The weights of {@code m}, its keys given ids by {@code dict} (added when new). */
  static Vec of(Map<String, Float> m, TermIds dict) {
    if (m.isEmpty()) return EMPTY;
    long[] packed = new long[m.size()];
    int n = 0;
    for (Map.Entry<String, Float> e : m.entrySet()) {
      packed[n++] = pack(dict.add(e.getKey()), e.getValue());
    }
    return sorted(packed, n);
  }

  /**
   * The log-TF weights of {@code counts} (1 + ln count), scaled to unit length, its keys given ids
   * by {@code dict}, with no map of boxed weights in between. The squared norm is a sum of floats
   * of at least 1 in a double, exact in any order, so the weights do not depend on the order of
   * {@code counts}.
   */
  static Vec ofCounts(Map<String, Integer> counts, TermIds dict) {
    if (counts.isEmpty()) return EMPTY;
    float[] tf = new float[counts.size()];
    int[] ids = new int[counts.size()];
    int n = 0;
    double norm = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      float v = (float) (1 + Math.log(e.getValue()));
      norm += v * v;
      ids[n] = dict.add(e.getKey());
      tf[n++] = v;
    }
    float inv = norm == 0 ? 1f : (float) (1 / Math.sqrt(norm));
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) packed[i] = pack(ids[i], norm == 0 ? tf[i] : tf[i] * inv);
    return sorted(packed, n);
  }

  /** This vector with each id mapped through {@code f} (one to one). */
  Vec map(IntUnaryOperator f) {
    if (ids.length == 0) return EMPTY;
    long[] packed = new long[ids.length];
    for (int i = 0; i < ids.length; i++) packed[i] = pack(f.applyAsInt(ids[i]), w[i]);
    return sorted(packed, packed.length);
  }

  private static long pack(int id, float weight) {
    return ((long) id << 32) | (Float.floatToRawIntBits(weight) & 0xffffffffL);
  }

  // Ids are never negative and distinct within a vector, so this sorts the pairs by id.
  private static Vec sorted(long[] packed, int n) {
    RadixSort.sortByHighInt(packed, n);
    int[] ids = new int[n];
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      ids[i] = (int) (packed[i] >>> 32);
      w[i] = Float.intBitsToFloat((int) packed[i]);
    }
    return new Vec(ids, w);
  }

  /**
   * The sum of {@code into} and {@code from}. When {@code delta} is not null, {@code delta[0]}
   * grows by the change of the IDF-weighted squared norm from {@code into} to the sum.
   */
  static Vec sum(Vec into, Vec from, TermStats stats, boolean entities, double[] delta) {
    if (from.ids.length == 0) return into;
    int[] a = into.ids;
    int[] b = from.ids;
    int[] ids = new int[a.length + b.length];
    float[] w = new float[ids.length];
    int i = 0;
    int j = 0;
    int n = 0;
    double d = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        ids[n] = a[i];
        w[n++] = into.w[i++];
        continue;
      }
      float o = 0f;
      if (i < a.length && a[i] == b[j]) o = into.w[i++];
      float v = o + from.w[j];
      if (delta != null) {
        double idf = stats.idf(b[j], entities);
        d += ((double) v * v - (double) o * o) * idf * idf;
      }
      ids[n] = b[j++];
      w[n++] = v;
    }
    if (delta != null) delta[0] += d;
    return n == ids.length ? new Vec(ids, w) : new Vec(Arrays.copyOf(ids, n), Arrays.copyOf(w, n));
  }

  /** IDF-weighted dot product. */
  static double dot(Vec a, Vec b, TermStats stats, boolean entities) {
    Vec small = a.ids.length <= b.ids.length ? a : b;
    Vec large = small == a ? b : a;
    int[] s = small.ids;
    int[] l = large.ids;
    double dot = 0;
    if (s.length * 8 < l.length) {
      // Far apart in size (an article against a long story's member): search instead of walking.
      int from = 0;
      for (int i = 0; i < s.length && from < l.length; i++) {
        int at = Arrays.binarySearch(l, from, l.length, s[i]);
        if (at >= 0) {
          double idf = stats.idf(s[i], entities);
          dot += small.w[i] * large.w[at] * idf * idf;
          from = at + 1;
        } else {
          from = -at - 1;
        }
      }
      return dot;
    }
    int i = 0;
    int j = 0;
    while (i < s.length && j < l.length) {
      int x = s[i];
      int y = l[j];
      if (x < y) {
        i++;
      } else if (x > y) {
        j++;
      } else {
        double idf = stats.idf(x, entities);
        dot += small.w[i] * large.w[j] * idf * idf;
        i++;
        j++;
      }
    }
    return dot;
  }

  /** IDF-weighted squared norm. */
  double squaredNorm(TermStats stats, boolean entities) {
    double n = 0;
    for (int i = 0; i < ids.length; i++) {
      double x = w[i] * stats.idf(ids[i], entities);
      n += x * x;
    }
    return n;
  }

  boolean contains(int id) {
    return Arrays.binarySearch(ids, id) >= 0;
  }

  /**
   * The {@code max} heaviest entries (ties at the cut by key, as a sort by weight and key would
   * keep them) when this holds more than twice as many; else this vector. The max-th heaviest
   * weight is found by a sort of primitives and only the entries tied with it look at their keys.
   */
  Vec top(int max, TermIds dict) {
    int n = ids.length;
    if (n <= max * 2) return this;
    float[] ws = w.clone();
    Arrays.sort(ws);
    float cut = ws[n - max];
    boolean[] keep = new boolean[n];
    int kept = 0;
    int tiedCount = 0;
    for (int i = 0; i < n; i++) {
      int c = Float.compare(w[i], cut);
      if (c > 0) {
        keep[i] = true;
        kept++;
      } else if (c == 0) {
        tiedCount++;
      }
    }
    if (kept < max) {
      Integer[] tied = new Integer[tiedCount];
      int t = 0;
      for (int i = 0; i < n; i++) if (Float.compare(w[i], cut) == 0) tied[t++] = i;
      Arrays.sort(tied, (x, y) -> dict.key(ids[x]).compareTo(dict.key(ids[y])));
      for (int k = 0; k < max - kept; k++) keep[tied[k]] = true;
    }
    int[] ki = new int[max];
    float[] kw = new float[max];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        ki[m] = ids[i];
        kw[m++] = w[i];
      }
    }
    return new Vec(ki, kw);
  }

  /** As a map from key to weight. */
  Map<String, Float> toMap(TermIds dict) {
    Map<String, Float> m = new HashMap<>(Math.max(16, ids.length * 2));
    for (int i = 0; i < ids.length; i++) m.put(dict.key(ids[i]), w[i]);
    return m;
  }
}
