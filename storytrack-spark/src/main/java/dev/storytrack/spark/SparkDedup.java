package dev.storytrack.spark;

import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.dedup.DocSignature;
import dev.storytrack.dedup.LshPlan;
import dev.storytrack.dedup.NearDuplicateIndex;
import dev.storytrack.extract.Extractor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The core's deduplication ({@code storytrack dedup}) as Spark stages, giving the same groups:
 *
 * <ol>
 *   <li>Executors clean and sign each record with the core's {@link Extractor} and {@link
 *       NearDuplicateIndex#sign} (no shuffle).
 *   <li>Records are grouped by the 128-bit hash of their normalized text: the first of each exact
 *       class stands for it in the bands, the others get an edge to it (as the core's exact table
 *       does).
 *   <li>Each class's first record goes to one bucket per LSH band ({@link
 *       NearDuplicateIndex#bandKeys}); only its key travels. Every pair of a bucket is a candidate;
 *       a candidate fetches one signature from the partition of each of its records (the signatures
 *       stay cached where they were read) and becomes an edge when the estimated Jaccard ({@link
 *       NearDuplicateIndex#similarity(DocSignature, DocSignature)}) reaches the threshold. Buckets
 *       larger than {@code bucketBlock} (boilerplate) are split into blocks, each block pair
 *       verified by its own task: every pair is still verified once, so the result stays exact, but
 *       no task holds more than two blocks.
 *   <li>Connected components of the edges ({@link Components}, large-star/small-star), then per
 *       component the representative by the core's rule: earliest published time, else first in
 *       input order.
 * </ol>
 *
 * <p>The core's index verifies a candidate pair only while the two are in different groups, which
 * prunes work but not edges that change a component: the components are those of all verified
 * pairs, which is what this job computes.
 */
public final class SparkDedup {
  private SparkDedup() {}

  /** Parameters (the core's {@link DedupConfig}, which is not serializable, plus job settings). */
  public record Params(
      double threshold,
      int shingleSize,
      int signatureSize,
      int maxBands,
      double maxMiss,
      boolean clean,
      int bucketBlock,
      int partitions)
      implements Serializable {
    public Params {
      config(threshold, shingleSize, signatureSize, maxBands, maxMiss); // validates
      if (bucketBlock < 2)
        throw new IllegalArgumentException("bucket block must be >= 2: " + bucketBlock);
      if (partitions < 1)
        throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
    }

    public static Params of(DedupConfig c, boolean clean, int bucketBlock, int partitions) {
      return new Params(
          c.threshold(),
          c.shingleSize(),
          c.signatureSize(),
          c.maxBands(),
          c.maxMiss(),
          clean,
          bucketBlock,
          partitions);
    }

    public DedupConfig config() {
      return config(threshold, shingleSize, signatureSize, maxBands, maxMiss);
    }

    private static DedupConfig config(double t, int k, int n, int bands, double miss) {
      return new DedupConfig(t, k, n, bands, miss);
    }
  }

  /** One record's signature and what the groups need of it. */
  record Sig(
      long key,
      String id,
      long published,
      long high,
      long low,
      int words,
      byte[] comps,
      String error)
      implements Serializable {
    DocSignature signature() {
      return new DocSignature(high, low, words, comps);
    }

    boolean usable() {
      return error == null && words > 0;
    }
  }

  /** A record's signature as verification needs it: the first record of an exact class. */
  record Entry(long key, long high, long low, byte[] comps) implements Serializable {
    static Entry of(Sig s) {
      return new Entry(s.key(), s.high(), s.low(), s.comps());
    }

    // The core returns 1.0 for equal exact hashes, so the hash travels with the components.
    DocSignature signature() {
      return new DocSignature(high, low, 1, comps);
    }
  }

  /**
   * A unit of verification work: block pair {@code (a, b)}, {@code a <= b}, of a bucket split into
   * {@code blocks}.
   */
  record Block(long bucket, int a, int b, int blocks) implements Serializable {}

  /** A non-representative group member. */
  public record Member(long key, String id, double similarity) implements Serializable {}

  /** A duplicate group, as {@code storytrack dedup --groups} writes it. */
  public record Group(long representativeKey, String representative, List<Member> members)
      implements Serializable {}

  /**
   * What a run found.
   *
   * @param groups the groups ordered by their representative's input position
   * @param dropped keys of the records to drop: group members and records that failed cleaning
   * @param heavyBuckets band buckets split into blocks
   */
  public record Result(
      long documents,
      long empty,
      long failed,
      long exactDuplicates,
      long duplicates,
      long groupCount,
      long heavyBuckets,
      LshPlan plan,
      JavaRDD<Group> groups,
      JavaRDD<Long> dropped,
      List<String> problems) {}

  /** Runs the stages; the groups and dropped keys are cached RDDs. */
  public static Result run(JavaSparkContext sc, JavaRDD<Rec> records, Params params) {
    int parts = params.partitions();
    // Signatures stay in the partition of the record they were read from (key order within it):
    // later stages bring small requests to them by SourcePartitioner and merge-join, so no
    // signature crosses the shuffle except for the records that need one.
    SourcePartitioner bySource = new SourcePartitioner(records.getNumPartitions());
    JavaRDD<Sig> sigs =
        records
            .mapPartitions(it -> sign(it, params), true)
            .persist(StorageLevel.MEMORY_AND_DISK_SER());

    long[] counts =
        sigs.map(
                s ->
                    new long[] {
                      1, s.error() == null && s.words() == 0 ? 1 : 0, s.error() != null ? 1 : 0
                    })
            .fold(new long[3], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
    List<String> problems =
        counts[2] == 0
            ? List.of()
            : sigs.filter(s -> s.error() != null).take(5).stream()
                .map(s -> s.id() + ": " + s.error())
                .toList();

    // Exact classes by the 128-bit hash (only the hash and key travel): the smallest key stands
    // for the class, the rest hang on it, as the core's exact table does.
    JavaPairRDD<Long, Long> exactEdges =
        sigs.filter(Sig::usable)
            .mapToPair(s -> new Tuple2<>(new Tuple2<>(s.high(), s.low()), s.key()))
            .groupByKey(parts)
            .flatMapToPair(
                g -> {
                  long first = Long.MAX_VALUE;
                  for (long k : g._2()) first = Math.min(first, k);
                  List<Tuple2<Long, Long>> out = new ArrayList<>();
                  for (long k : g._2()) if (k != first) out.add(new Tuple2<>(first, k));
                  return out.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    long exact = exactEdges.count();

    // LSH buckets (band << 32 | band key) -> record keys, for each class's first record only.
    JavaRDD<Long> copies =
        sorted(exactEdges.values().mapToPair(k -> new Tuple2<>(k, k)), bySource).keys();
    JavaPairRDD<Long, Long> banded =
        JavaPairRDD.fromJavaRDD(
            sigs.zipPartitions(
                copies,
                (it, skip) -> {
                  NearDuplicateIndex index = new NearDuplicateIndex(params.config());
                  List<Tuple2<Long, Long>> out = new ArrayList<>();
                  long pending = -1;
                  while (it.hasNext()) {
                    Sig s = it.next();
                    while (pending < s.key() && skip.hasNext()) pending = skip.next();
                    if (!s.usable() || pending == s.key()) continue;
                    int[] keys = index.bandKeys(s.signature());
                    for (int b = 0; b < keys.length; b++) {
                      out.add(new Tuple2<>(((long) b << 32) | (keys[b] & 0xffffffffL), s.key()));
                    }
                  }
                  return out.iterator();
                }));
    int block = params.bucketBlock();
    // Buckets of two or more: all their pairs, or (bucket, size) for each record of a heavy one.
    JavaRDD<long[]> buckets =
        banded
            .groupByKey(parts)
            .flatMap(
                g -> {
                  long[] keys = new long[8];
                  int n = 0;
                  for (long k : g._2()) {
                    if (n == keys.length) keys = java.util.Arrays.copyOf(keys, n * 2);
                    keys[n++] = k;
                  }
                  if (n < 2) return java.util.Collections.emptyIterator();
                  long[] b = new long[n + 1];
                  b[0] = g._1();
                  System.arraycopy(keys, 0, b, 1, n);
                  return List.of(b).iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaPairRDD<Long, Long> pairs =
        buckets
            .filter(b -> b.length - 1 <= block)
            .flatMapToPair(
                b -> {
                  List<Tuple2<Long, Long>> out = new ArrayList<>();
                  for (int i = 1; i < b.length; i++) {
                    for (int j = i + 1; j < b.length; j++) {
                      out.add(b[i] < b[j] ? new Tuple2<>(b[i], b[j]) : new Tuple2<>(b[j], b[i]));
                    }
                  }
                  return out.iterator();
                })
            .distinct(parts);
    double threshold = params.threshold();
    // Pair (a, b): a's components are fetched where a lives, then compared where b lives.
    JavaPairRDD<Long, Entry> withLeft =
        JavaPairRDD.fromJavaRDD(
            sigs.zipPartitions(
                sorted(pairs, bySource),
                (it, req) -> mergeJoin(it, req, (s, b) -> new Tuple2<>(b, Entry.of(s)))));
    JavaPairRDD<Long, Long> pairEdges =
        JavaPairRDD.fromJavaRDD(
            sigs.zipPartitions(
                sorted(withLeft, bySource),
                (it, req) -> {
                  NearDuplicateIndex index = new NearDuplicateIndex(params.config());
                  Iterator<Tuple2<Long, Long>> all =
                      mergeJoin(
                          it,
                          req,
                          (s, a) ->
                              index.similarity(a.signature(), s.signature()) >= threshold
                                  ? new Tuple2<>(a.key(), s.key())
                                  : null);
                  return filterNull(all);
                }));

    // Heavy buckets (boilerplate): split into blocks, each block pair verified by its own task.
    JavaPairRDD<Long, Tuple2<Long, Long>> heavyMembers =
        buckets
            .filter(b -> b.length - 1 > block)
            .flatMapToPair(
                b -> {
                  List<Tuple2<Long, Tuple2<Long, Long>>> out = new ArrayList<>();
                  for (int i = 1; i < b.length; i++)
                    out.add(new Tuple2<>(b[i], new Tuple2<>(b[0], (long) b.length - 1)));
                  return out.iterator();
                });
    long heavyCount = buckets.filter(b -> b.length - 1 > block).count();
    JavaPairRDD<Long, Long> heavyEdges =
        heavyCount == 0
            ? sc.parallelizePairs(List.of(), 1)
            : JavaPairRDD.fromJavaRDD(
                    sigs.zipPartitions(
                        sorted(heavyMembers, bySource),
                        (it, req) -> mergeJoin(it, req, (s, h) -> new Tuple2<>(h, Entry.of(s)))))
                .flatMapToPair(
                    t -> {
                      long bucket = t._1()._1();
                      int m = blocks(t._1()._2(), block);
                      int i = blockOf(t._2().key(), m);
                      List<Tuple2<Block, Entry>> out = new ArrayList<>(m);
                      for (int j = 0; j < m; j++) {
                        out.add(
                            new Tuple2<>(
                                new Block(bucket, Math.min(i, j), Math.max(i, j), m), t._2()));
                      }
                      return out.iterator();
                    })
                .groupByKey(parts)
                .mapPartitionsToPair(it -> verify(it, params));

    JavaPairRDD<Long, Long> roots =
        Components.roots(exactEdges.union(pairEdges).union(heavyEdges), parts)
            .persist(StorageLevel.MEMORY_AND_DISK_SER());

    JavaRDD<Group> groups =
        JavaPairRDD.fromJavaRDD(
                sigs.zipPartitions(
                    sorted(roots, bySource),
                    (it, req) -> mergeJoin(it, req, (s, root) -> new Tuple2<>(root, s))))
            .groupByKey(parts)
            .mapPartitions(it -> group(it, params))
            .sortBy(Group::representativeKey, true, parts)
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<Long> dropped =
        groups
            .flatMap(g -> g.members().stream().map(Member::key).iterator())
            .union(sigs.filter(s -> s.error() != null).map(Sig::key))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    long groupCount = groups.count();
    long duplicates = groups.map(g -> (long) g.members().size()).fold(0L, Long::sum);
    roots.unpersist(false);
    buckets.unpersist(false);
    exactEdges.unpersist(false);
    return new Result(
        counts[0],
        counts[1],
        counts[2],
        exact,
        duplicates,
        groupCount,
        heavyCount,
        params.config().plan(),
        groups,
        dropped,
        problems);
  }

  /** Requests moved to the partition of their key's record, in key order. */
  private static <V> JavaPairRDD<Long, V> sorted(
      JavaPairRDD<Long, V> requests, SourcePartitioner by) {
    return requests.repartitionAndSortWithinPartitions(by);
  }

  /**
   * Merges a partition's signatures (ascending keys) with requests sorted by key; {@code f} gives
   * each request's answer from its record's signature.
   */
  private static <V, R> Iterator<R> mergeJoin(
      Iterator<Sig> sigs,
      Iterator<Tuple2<Long, V>> requests,
      java.util.function.BiFunction<Sig, V, R> f) {
    return new Iterator<>() {
      Sig current;

      @Override
      public boolean hasNext() {
        return requests.hasNext();
      }

      @Override
      public R next() {
        Tuple2<Long, V> r = requests.next();
        long key = r._1();
        while (current == null || current.key() < key) {
          if (!sigs.hasNext()) throw new IllegalStateException("no record with key " + key);
          current = sigs.next();
        }
        if (current.key() != key) throw new IllegalStateException("no record with key " + key);
        return f.apply(current, r._2());
      }
    };
  }

  private static <T> Iterator<T> filterNull(Iterator<T> it) {
    return new Iterator<>() {
      T next;

      @Override
      public boolean hasNext() {
        while (next == null && it.hasNext()) next = it.next();
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        T t = next;
        next = null;
        return t;
      }
    };
  }

  /**
   * Shuffle partitions for a corpus: one per 8 input splits (~256 MB of JSONL, ~60k documents, ~1 M
   * band entries), never fewer than the cores. What is shuffled is a small fraction of the input,
   * and every task has a fixed cost, so as many partitions as splits would be mostly cost.
   */
  public static int defaultPartitions(JavaSparkContext sc, JavaRDD<?> records) {
    return Math.max(sc.defaultParallelism(), (records.getNumPartitions() + 7) / 8);
  }

  static int blocks(long size, int block) {
    return (int) Math.min(Integer.MAX_VALUE, (size + block - 1) / block);
  }

  /** A record's block within a heavy bucket: a hash of its key, so every band agrees. */
  static int blockOf(long key, int blocks) {
    long h = key * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    return (int) Math.floorMod(h, (long) blocks);
  }

  private static Iterator<Sig> sign(Iterator<Rec> records, Params params) {
    NearDuplicateIndex index = new NearDuplicateIndex(params.config());
    Extractor extractor = params.clean() ? Extractor.defaults() : null;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Sig next() {
        if (!hasNext()) throw new NoSuchElementException();
        Rec r = records.next();
        try {
          String text = extractor == null ? r.text() : extractor.cleanText(r.article());
          DocSignature s = index.sign(text == null ? "" : text);
          return new Sig(
              r.key(),
              r.id(),
              r.published(),
              s.exactHigh(),
              s.exactLow(),
              s.words(),
              s.components(),
              null);
        } catch (RuntimeException e) {
          // As the core's Deduplicator: a record that cannot be cleaned is skipped and counted.
          String why = e.getMessage() == null ? e.toString() : e.getMessage();
          return new Sig(
              r.key(), r.id(), r.published(), 0, 0, 0, new byte[0], "cleaning failed: " + why);
        }
      }
    };
  }

  private static Iterator<Tuple2<Long, Long>> verify(
      Iterator<Tuple2<Block, Iterable<Entry>>> work, Params params) {
    NearDuplicateIndex index = new NearDuplicateIndex(params.config());
    double threshold = params.threshold();
    List<Tuple2<Long, Long>> out = new ArrayList<>();
    while (work.hasNext()) {
      Tuple2<Block, Iterable<Entry>> w = work.next();
      Block b = w._1();
      List<Entry> left = new ArrayList<>();
      List<Entry> right = new ArrayList<>();
      int m = b.blocks();
      for (Entry e : w._2()) {
        if (b.a() == b.b() || blockOf(e.key(), m) == b.a()) left.add(e);
        else right.add(e);
      }
      if (b.a() == b.b()) {
        for (int i = 0; i < left.size(); i++) {
          for (int j = i + 1; j < left.size(); j++)
            edge(index, left.get(i), left.get(j), threshold, out);
        }
      } else {
        for (Entry x : left) for (Entry y : right) edge(index, x, y, threshold, out);
      }
    }
    return out.iterator();
  }

  private static void edge(
      NearDuplicateIndex index, Entry x, Entry y, double threshold, List<Tuple2<Long, Long>> out) {
    if (index.similarity(x.signature(), y.signature()) >= threshold) {
      out.add(x.key() < y.key() ? new Tuple2<>(x.key(), y.key()) : new Tuple2<>(y.key(), x.key()));
    }
  }

  /** Builds groups with the core's representative rule and similarities. */
  private static Iterator<Group> group(
      Iterator<Tuple2<Long, Iterable<Sig>>> components, Params params) {
    NearDuplicateIndex index = new NearDuplicateIndex(params.config());
    List<Group> out = new ArrayList<>();
    while (components.hasNext()) {
      List<Sig> members = new ArrayList<>();
      components.next()._2().forEach(members::add);
      members.sort(Comparator.comparingLong(Sig::key));
      Sig rep = members.get(0);
      for (Sig s : members) {
        // Earliest published time wins; ties and unknown times keep the earlier record.
        if (s.published() != Rec.NO_TIME
            && (rep.published() == Rec.NO_TIME || s.published() < rep.published())) {
          rep = s;
        }
      }
      List<Member> list = new ArrayList<>(members.size() - 1);
      for (Sig s : members) {
        if (s == rep) continue;
        list.add(new Member(s.key(), s.id(), index.similarity(rep.signature(), s.signature())));
      }
      out.add(new Group(rep.key(), rep.id(), list));
    }
    return out.iterator();
  }

  /**
   * The records that survive, in input order: each source partition is merged with its sorted
   * dropped keys, so no record text is shuffled.
   */
  public static JavaRDD<Rec> kept(JavaRDD<Rec> records, JavaRDD<Long> dropped) {
    int n = records.getNumPartitions();
    JavaRDD<Long> sorted =
        dropped
            .mapToPair(k -> new Tuple2<>(k, Boolean.TRUE))
            .repartitionAndSortWithinPartitions(new SourcePartitioner(n))
            .keys();
    return records.zipPartitions(
        sorted,
        (recs, drop) ->
            new Iterator<Rec>() {
              Rec next;
              long pending = -1;

              @Override
              public boolean hasNext() {
                while (next == null && recs.hasNext()) {
                  Rec r = recs.next();
                  while (pending < r.key() && drop.hasNext()) pending = drop.next();
                  if (pending != r.key()) next = r;
                }
                return next != null;
              }

              @Override
              public Rec next() {
                if (!hasNext()) throw new NoSuchElementException();
                Rec r = next;
                next = null;
                return r;
              }
            });
  }

  /** Sends a record key to the partition of the source it was read from. */
  static final class SourcePartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    SourcePartitioner(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return Rec.partitionOf((Long) key);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SourcePartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }
}
