package dev.storytrack.dedup;

import dev.storytrack.article.Article;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Streaming deduplication of a corpus. Feed articles in input order with {@link #accept} (from one
 * thread); cleaning, shingling and MinHash run in batches on {@code threads} worker threads while
 * one thread adds the signatures to a {@link NearDuplicateIndex} in input order, so results do not
 * depend on scheduling. A bounded queue blocks {@code accept} when workers fall behind, so memory
 * holds at most a few batches of texts; what grows with the corpus is the index plus, per record,
 * its id and publication time.
 */
public final class Deduplicator implements AutoCloseable {
  private static final int BATCH = 256;
  private static final int MAX_PROBLEMS = 5;
  private static final long NO_TIME = Long.MIN_VALUE;

  private record Prepared(String id, long published, DocSignature sig, String error) {}

  private final NearDuplicateIndex index;
  private final Function<Article, String> cleaner;
  private final ExecutorService workers;
  private final BlockingQueue<Future<Prepared[]>> queue;
  private final Thread consumer;
  private final AtomicLong indexed = new AtomicLong();
  private final DocSignature emptySig;
  private List<Article> batch = new ArrayList<>(BATCH);
  private volatile Throwable failure;
  private boolean finished;

  // Written by the consumer thread only; read after it has been joined.
  private final IdStore ids = new IdStore();
  private long[] published = new long[1024];
  private final BitSet failedRecords = new BitSet();
  private long empty;
  private long failed;
  private long exact;
  private final List<String> problems = new ArrayList<>();

  /**
   * @param cleaner turns an article into the text to compare (e.g. the extractor's cleaned text);
   *     an exception from it skips that record as a problem
   * @param threads worker threads for signatures (e.g. the number of cores)
   */
  public Deduplicator(DedupConfig config, Function<Article, String> cleaner, int threads) {
    this.index = new NearDuplicateIndex(config);
    this.cleaner = cleaner;
    this.emptySig = index.sign("");
    int n = Math.max(1, threads);
    this.workers =
        Executors.newFixedThreadPool(
            n,
            r -> {
              Thread t = new Thread(r, "dedup-signer");
              t.setDaemon(true);
              return t;
            });
    this.queue = new ArrayBlockingQueue<>(4 * n);
    this.consumer = new Thread(this::consume, "dedup-index");
    consumer.setDaemon(true);
    consumer.start();
  }

  public NearDuplicateIndex index() {
    return index;
  }

  /** Records added to the index so far (for progress reporting; any thread). */
  public long indexed() {
    return indexed.get();
  }

  /** Queues one article. Blocks while the workers are a few batches behind. */
  public void accept(Article article) {
    if (finished) throw new IllegalStateException("finished");
    rethrow();
    batch.add(article);
    if (batch.size() == BATCH) submit();
  }

  private void submit() {
    List<Article> work = batch;
    batch = new ArrayList<>(BATCH);
    Future<Prepared[]> f = workers.submit(() -> prepare(work));
    try {
      queue.put(f);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Prepared[] prepare(List<Article> work) {
    Prepared[] out = new Prepared[work.size()];
    for (int i = 0; i < out.length; i++) {
      Article a = work.get(i);
      long time = a.published() == null ? NO_TIME : a.published().toEpochMilli();
      try {
        String text = cleaner.apply(a);
        out[i] = new Prepared(a.id(), time, index.sign(text == null ? "" : text), null);
      } catch (RuntimeException e) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        out[i] = new Prepared(a.id(), time, null, "cleaning failed: " + why);
      }
    }
    return out;
  }

  private void consume() {
    try {
      while (true) {
        Future<Prepared[]> f = queue.take();
        Prepared[] batch = f.get();
        if (batch.length == 0) return; // end marker
        for (Prepared p : batch) {
          int ord = ids.size();
          ids.add(p.id());
          if (ord == published.length) published = Arrays.copyOf(published, ord + (ord >> 1));
          published[ord] = p.published();
          if (p.error() != null) {
            failed++;
            failedRecords.set(ord);
            if (problems.size() < MAX_PROBLEMS) problems.add(p.id() + ": " + p.error());
            index.add(emptySig); // keeps index ordinals equal to record ordinals
          } else {
            if (p.sig().isEmpty()) empty++;
            NearDuplicateIndex.Added added = index.add(p.sig());
            if (added.duplicateOf() != null && added.duplicateOf().exact()) exact++;
          }
          indexed.incrementAndGet();
        }
      }
    } catch (InterruptedException e) {
      failure = e;
    } catch (ExecutionException e) {
      failure = e.getCause();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
  }

  private void rethrow() {
    Throwable t = failure;
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error er) throw er;
    if (t != null) throw new IllegalStateException(t);
  }

  /** Waits for all queued articles, then forms the groups. Call once. */
  public DedupResult finish() {
    if (finished) throw new IllegalStateException("finished");
    if (!batch.isEmpty()) submit();
    finished = true;
    try {
      queue.put(workers.submit(() -> new Prepared[0]));
      consumer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      workers.shutdown();
    }
    rethrow();
    return group();
  }

  private DedupResult group() {
    int n = ids.size();
    // Bucket documents by root with two int arrays (counting sort), not a map of lists.
    int[] count = new int[n + 1];
    int[] root = new int[n];
    for (int o = 0; o < n; o++) {
      root[o] = index.group(o);
      count[root[o] + 1]++;
    }
    for (int i = 0; i < n; i++) count[i + 1] += count[i];
    int[] start = Arrays.copyOf(count, n + 1);
    int[] members = new int[n];
    for (int o = 0; o < n; o++) members[count[root[o]]++] = o;

    List<DuplicateGroup> groups = new ArrayList<>();
    BitSet dropped = new BitSet(n);
    long duplicates = 0;
    for (int r = 0; r < n; r++) {
      int from = start[r];
      int to = start[r + 1];
      if (to - from < 2) continue;
      int rep = members[from];
      for (int i = from; i < to; i++) {
        int m = members[i];
        long t = published[m];
        long best = published[rep];
        if (t != NO_TIME && (best == NO_TIME || t < best)) rep = m;
      }
      List<DuplicateGroup.Member> list = new ArrayList<>(to - from - 1);
      for (int i = from; i < to; i++) {
        int m = members[i];
        if (m == rep) continue;
        list.add(new DuplicateGroup.Member(ids.get(m), m, index.similarity(rep, m)));
        dropped.set(m);
        duplicates++;
      }
      groups.add(new DuplicateGroup(ids.get(rep), rep, list));
    }
    groups.sort((a, b) -> Long.compare(a.representativeOrdinal(), b.representativeOrdinal()));
    dropped.or(failedRecords);
    return new DedupResult(
        n,
        empty,
        failed,
        exact,
        duplicates,
        groups,
        dropped,
        index.memoryBytes(),
        index.plan(),
        problems);
  }

  @Override
  public void close() {
    workers.shutdownNow();
    consumer.interrupt();
  }

  /** Document ids packed as UTF-8 in one growing byte array (a String each would cost ~60 B). */
  static final class IdStore {
    private byte[] data = new byte[1 << 16];
    private int[] ends = new int[1024];
    private int size;
    private int used;

    void add(String id) {
      byte[] b = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (used + b.length > data.length) {
        data = Arrays.copyOf(data, Math.max(used + b.length, data.length + (data.length >> 1)));
      }
      System.arraycopy(b, 0, data, used, b.length);
      used += b.length;
      if (size == ends.length) ends = Arrays.copyOf(ends, size + (size >> 1));
      ends[size++] = used;
    }

    String get(int i) {
      int from = i == 0 ? 0 : ends[i - 1];
      return new String(data, from, ends[i] - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    int size() {
      return size;
    }
  }
}
