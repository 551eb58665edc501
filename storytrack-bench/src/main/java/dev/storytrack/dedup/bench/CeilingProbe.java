package dev.storytrack.dedup.bench;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.storytrack.eval.dedup.PlantedCorpus;
import dev.storytrack.text.Shingles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The speed ceiling for {@code storytrack dedup} on a JSON Lines corpus: a bare program that only
 * reads the file (Jackson, the {@code text} field of each line), shingles each text with the same
 * {@link Shingles} and computes the same 128-value SuperMinHash (hash4j), on every core, with
 * nothing else: no cleaning, no checks, no index. Each thread reads its own byte range of the file,
 * so the threads share nothing. {@code bench/dedup-ratio.sh} compares {@code dedup} with it.
 *
 * <p>A warm-up pass over the first {@code --warmup} documents runs before the timed pass over the
 * whole file, so the figure is the steady-state rate (the JIT has compiled the hot loops).
 *
 * <p>Run: {@code java -cp ... dev.storytrack.dedup.bench.CeilingProbe --input FILE.jsonl [--threads
 * T] [--warmup N]}. Prints one line: {@code probe: DOCS docs, SECONDS s, DOCS/S docs/s, ...}.
 */
public final class CeilingProbe {
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(256 << 20).build())
          .build();
  private static final Shingles SHINGLES = new Shingles(Shingles.DEFAULT_SIZE);
  private static final SimilarityHashPolicy POLICY = SimilarityHashing.superMinHash(128, 8);

  private CeilingProbe() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = PlantedCorpus.options(args);
    Path input = Path.of(opt.get("--input"));
    int threads =
        Integer.parseInt(
            opt.getOrDefault(
                "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    long warmupDocs = Long.parseLong(opt.getOrDefault("--warmup", "20000"));
    long size;
    try (FileChannel ch = FileChannel.open(input, StandardOpenOption.READ)) {
      size = ch.size();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long warmEnd = endOfLine(input, warmupDocs, size);
      run(pool, input, threads, warmEnd); // warm-up: the same code over the first documents
      long t0 = System.nanoTime();
      long[] r = run(pool, input, threads, size);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "probe: %d docs, %.2f s, %.0f docs/s, %d threads, %.0f MB/s (checksum %x)%n",
          r[0],
          s,
          r[0] / s,
          threads,
          size / s / 1e6,
          r[1]);
    } finally {
      pool.shutdown();
    }
  }

  /** Byte offset just after the {@code lines}-th line break (or the file size). */
  private static long endOfLine(Path input, long lines, long size) throws IOException {
    try (InputStream in = java.nio.file.Files.newInputStream(input)) {
      byte[] buf = new byte[1 << 16];
      long pos = 0;
      long seen = 0;
      int n;
      while (seen < lines && (n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n' && ++seen == lines) return pos + i + 1;
        }
        pos += n;
      }
      return Math.min(pos, size);
    }
  }

  /**
   * Documents and a checksum of all signatures over {@code [0, end)}, split into per-thread ranges.
   */
  private static long[] run(ExecutorService pool, Path input, int threads, long end)
      throws Exception {
    List<Future<long[]>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long from = end * t / threads;
      long to = end * (t + 1) / threads;
      parts.add(pool.submit(() -> range(input, from, to)));
    }
    long docs = 0;
    long sum = 0;
    for (Future<long[]> f : parts) {
      long[] r = f.get();
      docs += r[0];
      sum += r[1];
    }
    return new long[] {docs, sum};
  }

  /**
   * Every line that starts in {@code [from, to)} (a range that starts inside a line leaves that
   * line to the range before it).
   */
  private static long[] range(Path input, long from, long to) throws IOException {
    SimilarityHasher hasher = POLICY.createHasher();
    long docs = 0;
    long sum = 0;
    try (FileChannel ch = FileChannel.open(input, StandardOpenOption.READ)) {
      long start = from == 0 ? 0 : from - 1; // read the byte before: a line starts after a '\n'
      ch.position(start);
      InputStream in = Channels.newInputStream(ch);
      byte[] buf = new byte[1 << 20];
      int len = 0;
      int pos = 0;
      long base = start; // file offset of buf[0]
      boolean skipFirst = from != 0;
      while (true) {
        int nl = -1;
        for (int i = pos; i < len; i++) {
          if (buf[i] == '\n') {
            nl = i;
            break;
          }
        }
        if (nl < 0) {
          // Keep the unfinished line, read more.
          if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            base += pos;
            len -= pos;
            pos = 0;
          }
          if (len == buf.length) buf = java.util.Arrays.copyOf(buf, 2 * buf.length);
          int n = in.read(buf, len, buf.length - len);
          if (n < 0) {
            if (len > pos && !skipFirst && base + pos < to) {
              sum += sign(hasher, buf, pos, len - pos);
              docs++;
            }
            break;
          }
          len += n;
          continue;
        }
        long lineStart = base + pos;
        if (skipFirst) {
          skipFirst = false; // the tail of the line that the previous range owns
        } else {
          if (lineStart >= to) break;
          if (nl > pos) {
            sum += sign(hasher, buf, pos, nl - pos);
            docs++;
          }
        }
        pos = nl + 1;
      }
    }
    return new long[] {docs, sum};
  }

  private static long sign(SimilarityHasher hasher, byte[] b, int off, int len) throws IOException {
    String text = null;
    try (JsonParser p = JSON.createParser(b, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("text") && v == JsonToken.VALUE_STRING) text = p.getText();
        else p.skipChildren();
      }
    }
    if (text == null) return 0;
    Shingles.Hashed h = SHINGLES.hash(text);
    if (h.words() == 0) return h.exactLow();
    byte[] sig = hasher.compute(ElementHashProvider.ofValues(h.shingles()));
    return h.exactLow() + sig[0] + 31L * sig[sig.length - 1];
  }
}
