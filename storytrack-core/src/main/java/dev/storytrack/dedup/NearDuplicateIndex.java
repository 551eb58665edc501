package dev.storytrack.dedup;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An incremental near-duplicate index: add documents one at a time and ask for the near-duplicates
 * of a document, new or indexed. Exact duplicates are found by the 128-bit hash of the normalized
 * text, near-duplicates by MinHash + LSH banding, with every LSH candidate verified by its
 * estimated Jaccard similarity; duplicates are grouped by union-find.
 *
 * <p>Memory per document: the packed signature ({@code signatureSize * bitsPerComponent / 8}
 * bytes), 16 bytes of exact hash, 4 bytes of union-find parent, and for each document that is not
 * an exact duplicate one entry per band (8 bytes at 53–80% load) and one exact-table slot (4 bytes
 * at the same load). {@link #memoryBytes()} reports the actual total. No text is kept.
 *
 * <p>{@link #sign} is thread-safe and may run on many threads; the other methods are synchronized.
 */
public final class NearDuplicateIndex {
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final Hasher64 BAND_HASH = Hashing.komihash5_0();

  private final DedupConfig config;
  private final LshPlan plan;
  private final Signer signer;
  private final int components;
  private final int compBytes;
  private final int sigBytes;
  private final double collision; // chance that two different components agree after truncation

  private byte[][] sigs = new byte[8][];
  private long[][] hashHigh = new long[8][];
  private long[][] hashLow = new long[8][];
  private int[][] parents = new int[8][];
  private int size;

  private int[] exactSlots = new int[16];
  private int exactSize;
  private final BandTable[] bands;

  public NearDuplicateIndex(DedupConfig config) {
    this.config = config;
    this.plan = config.plan();
    this.signer = new Signer(config, plan);
    this.components = config.signatureSize();
    this.compBytes = plan.bitsPerComponent() / 8;
    this.sigBytes = signer.bytesPerSignature();
    this.collision = Math.pow(2, -plan.bitsPerComponent());
    this.bands = new BandTable[plan.bands()];
    for (int b = 0; b < bands.length; b++) bands[b] = new BandTable(16);
  }

  public DedupConfig config() {
    return config;
  }

  public LshPlan plan() {
    return plan;
  }

  /** Signature of a cleaned text. Thread-safe; does not touch the index. */
  public DocSignature sign(CharSequence cleanedText) {
    return signer.sign(cleanedText);
  }

  /**
   * The LSH band keys of a signature, one per band: two documents are candidates when they share a
   * key at the same band position. For distributed engines that bucket by band themselves.
   */
  public int[] bandKeys(DocSignature sig) {
    checkSize(sig);
    return bandKeys(sig.components(), 0);
  }

  /**
   * Estimated Jaccard similarity of two signatures as {@link #add} verifies candidates (share of
   * equal components corrected for chance), or 1.0 for the same non-empty normalized text.
   */
  public double similarity(DocSignature a, DocSignature b) {
    checkSize(a);
    checkSize(b);
    if (!a.isEmpty() && a.exactHigh() == b.exactHigh() && a.exactLow() == b.exactLow()) return 1.0;
    return estimate(a.components(), 0, b.components(), 0);
  }

  /** Number of documents added. */
  public synchronized int size() {
    return size;
  }

  /**
   * What {@link #add} found.
   *
   * @param ordinal the new document's ordinal
   * @param duplicateOf the exact duplicate, else the most similar verified near-duplicate among the
   *     documents not already in its group; null when none
   */
  public record Added(int ordinal, Match duplicateOf) {}

  /** Adds a document and groups it with its exact and near duplicates. */
  public synchronized Added add(DocSignature sig) {
    checkSize(sig);
    int ord = size;
    int chunk = ord >>> CHUNK_BITS;
    if (chunk == sigs.length) {
      sigs = Arrays.copyOf(sigs, chunk * 2);
      hashHigh = Arrays.copyOf(hashHigh, chunk * 2);
      hashLow = Arrays.copyOf(hashLow, chunk * 2);
      parents = Arrays.copyOf(parents, chunk * 2);
    }
    if (sigs[chunk] == null) {
      sigs[chunk] = new byte[CHUNK * sigBytes];
      hashHigh[chunk] = new long[CHUNK];
      hashLow[chunk] = new long[CHUNK];
      parents[chunk] = new int[CHUNK];
    }
    int off = ord & (CHUNK - 1);
    System.arraycopy(sig.components(), 0, sigs[chunk], off * sigBytes, sigBytes);
    hashHigh[chunk][off] = sig.exactHigh();
    hashLow[chunk][off] = sig.exactLow();
    parents[chunk][off] = ord;
    size++;
    if (sig.isEmpty()) return new Added(ord, null);

    int twin = findExact(sig.exactHigh(), sig.exactLow());
    if (twin >= 0) {
      union(twin, ord);
      return new Added(ord, new Match(twin, 1.0, true));
    }
    insertExact(ord, sig.exactLow());

    Match best = null;
    int[] keys = bandKeys(sig.components(), 0);
    Set<Integer> rejected = null;
    for (int b = 0; b < bands.length; b++) {
      BandTable t = bands[b];
      for (int s = t.first(keys[b]); s >= 0; s = t.next(keys[b], s)) {
        int c = t.ordinalAt(s);
        if (find(c) == find(ord)) continue;
        if (rejected != null && rejected.contains(c)) continue;
        double est = similarity(sig.components(), c);
        if (est >= config.threshold()) {
          union(c, ord);
          if (best == null || est > best.similarity()) best = new Match(c, est, false);
        } else {
          if (rejected == null) rejected = new HashSet<>();
          rejected.add(c);
        }
      }
    }
    for (int b = 0; b < bands.length; b++) bands[b].put(keys[b], ord);
    return new Added(ord, best);
  }

  /**
   * The indexed documents that are exact or near duplicates of a document (estimated similarity at
   * least the threshold), most similar first; an exact duplicate is reported by the first document
   * with that text. Does not add it.
   */
  public synchronized List<Match> query(DocSignature sig) {
    checkSize(sig);
    List<Match> out = new ArrayList<>();
    if (sig.isEmpty()) return out;
    Set<Integer> seen = new HashSet<>();
    int twin = findExact(sig.exactHigh(), sig.exactLow());
    if (twin >= 0) {
      // Later exact duplicates are neither in the exact nor the band tables: the first one
      // stands for them (its group holds them all).
      seen.add(twin);
      out.add(new Match(twin, 1.0, true));
    }
    int[] keys = bandKeys(sig.components(), 0);
    for (int b = 0; b < bands.length; b++) {
      BandTable t = bands[b];
      for (int s = t.first(keys[b]); s >= 0; s = t.next(keys[b], s)) {
        int c = t.ordinalAt(s);
        if (!seen.add(c)) continue;
        double est = similarity(sig.components(), c);
        if (est >= config.threshold()) out.add(new Match(c, est, sameHash(c, sig)));
      }
    }
    out.sort(
        Comparator.comparingDouble(Match::similarity).reversed().thenComparingInt(Match::ordinal));
    return out;
  }

  /** The near-duplicates of an indexed document, excluding itself. */
  public synchronized List<Match> nearDuplicates(int ordinal) {
    DocSignature sig = signatureOf(ordinal);
    List<Match> out = new ArrayList<>(query(sig));
    out.removeIf(m -> m.ordinal() == ordinal);
    return out;
  }

  /** The group of a document: the smallest ordinal in its group (itself when alone). */
  public synchronized int group(int ordinal) {
    checkOrdinal(ordinal);
    return find(ordinal);
  }

  /** Estimated Jaccard similarity of two indexed documents. */
  public synchronized double similarity(int a, int b) {
    checkOrdinal(a);
    checkOrdinal(b);
    if (sameHash(b, signatureOf(a)) && !signatureOf(a).isEmpty()) return 1.0;
    return similarity(signatureOf(a).components(), b);
  }

  /** Bytes held by the index (signatures, hashes, union-find, band and exact tables). */
  public synchronized long memoryBytes() {
    long total = 4L * exactSlots.length;
    for (BandTable t : bands) total += t.memoryBytes();
    for (int c = 0; c < sigs.length && sigs[c] != null; c++) {
      total +=
          sigs[c].length
              + 8L * hashHigh[c].length
              + 8L * hashLow[c].length
              + 4L * parents[c].length;
    }
    return total;
  }

  synchronized DocSignature signatureOf(int ordinal) {
    checkOrdinal(ordinal);
    int chunk = ordinal >>> CHUNK_BITS;
    int off = ordinal & (CHUNK - 1);
    byte[] comps = Arrays.copyOfRange(sigs[chunk], off * sigBytes, (off + 1) * sigBytes);
    boolean empty = true;
    for (byte x : comps) if (x != 0) empty = false;
    // Word counts are not stored; a non-empty text never yields an all-zero signature in practice.
    return new DocSignature(hashHigh[chunk][off], hashLow[chunk][off], empty ? 0 : 1, comps);
  }

  private void checkOrdinal(int ordinal) {
    if (ordinal < 0 || ordinal >= size) throw new IndexOutOfBoundsException("ordinal " + ordinal);
  }

  private void checkSize(DocSignature sig) {
    if (sig.components().length != sigBytes) {
      throw new IllegalArgumentException("signature from a different configuration");
    }
  }

  private boolean sameHash(int ordinal, DocSignature sig) {
    int chunk = ordinal >>> CHUNK_BITS;
    int off = ordinal & (CHUNK - 1);
    return hashHigh[chunk][off] == sig.exactHigh() && hashLow[chunk][off] == sig.exactLow();
  }

  /** Estimated Jaccard from the share of equal truncated components, corrected for chance. */
  private double similarity(byte[] a, int ordinal) {
    return estimate(a, 0, sigs[ordinal >>> CHUNK_BITS], (ordinal & (CHUNK - 1)) * sigBytes);
  }

  private double estimate(byte[] a, int aOff, byte[] b, int bOff) {
    int equal = 0;
    if (compBytes == 1) {
      for (int i = 0; i < components; i++) if (a[aOff + i] == b[bOff + i]) equal++;
    } else {
      outer:
      for (int i = 0; i < components; i++) {
        int base = i * compBytes;
        for (int k = 0; k < compBytes; k++) {
          if (a[aOff + base + k] != b[bOff + base + k]) continue outer;
        }
        equal++;
      }
    }
    double p = (double) equal / components;
    return Math.max(0, Math.min(1, (p - collision) / (1 - collision)));
  }

  int[] bandKeys(byte[] comps, int offset) {
    int rowBytes = plan.rows() * compBytes;
    int[] keys = new int[plan.bands()];
    for (int b = 0; b < keys.length; b++) {
      int from = offset + b * rowBytes;
      if (rowBytes <= 4) {
        int k = 0;
        for (int i = 0; i < rowBytes; i++) k |= (comps[from + i] & 0xff) << (8 * i);
        keys[b] = k;
      } else {
        keys[b] = (int) BAND_HASH.hashBytesToLong(comps, from, rowBytes);
      }
    }
    return keys;
  }

  private int find(int x) {
    while (true) {
      int[] pc = parents[x >>> CHUNK_BITS];
      int p = pc[x & (CHUNK - 1)];
      if (p == x) return x;
      int gp = parents[p >>> CHUNK_BITS][p & (CHUNK - 1)];
      pc[x & (CHUNK - 1)] = gp; // path halving
      x = gp;
    }
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) return;
    // The smaller ordinal stays root, so a group's root is its first document.
    int lo = Math.min(ra, rb);
    int hi = Math.max(ra, rb);
    parents[hi >>> CHUNK_BITS][hi & (CHUNK - 1)] = lo;
  }

  private int findExact(long high, long low) {
    int[] s = exactSlots;
    int i = exactHome(low, s.length);
    while (s[i] != 0) {
      int o = s[i] - 1;
      int chunk = o >>> CHUNK_BITS;
      int off = o & (CHUNK - 1);
      if (hashLow[chunk][off] == low && hashHigh[chunk][off] == high) return o;
      if (++i == s.length) i = 0;
    }
    return -1;
  }

  private void insertExact(int ordinal, long low) {
    if (exactSize + 1 > exactSlots.length * 0.8) {
      int[] bigger = new int[exactSlots.length + (exactSlots.length >> 1) + 1];
      for (int e : exactSlots) {
        if (e != 0) {
          int o = e - 1;
          placeExact(bigger, e, hashLow[o >>> CHUNK_BITS][o & (CHUNK - 1)]);
        }
      }
      exactSlots = bigger;
    }
    placeExact(exactSlots, ordinal + 1, low);
    exactSize++;
  }

  private static void placeExact(int[] s, int entry, long low) {
    int i = exactHome(low, s.length);
    while (s[i] != 0) if (++i == s.length) i = 0;
    s[i] = entry;
  }

  private static int exactHome(long low, int capacity) {
    return (int) (((low >>> 32) * capacity) >>> 32);
  }
}
