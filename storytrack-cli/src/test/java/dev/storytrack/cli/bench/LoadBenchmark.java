package dev.storytrack.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load benchmark: posts synthetic articles to a running server's {@code POST /api/articles} in
 * batches while reader threads loop over the read endpoints; prints ingest articles/s and read
 * latency percentiles. Run by {@code bench/load.sh}.
 *
 * <p>Usage: {@code LoadBenchmark BASE_URL ARTICLES BATCH READERS}.
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int n = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    int readers = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicBoolean done = new AtomicBoolean();
    List<List<Long>> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int[] errors = new int[readers];
    for (int r = 0; r < readers; r++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      int me = r;
      Thread t =
          new Thread(
              () -> {
                Random rnd = new Random(me);
                String[] paths = {
                  "/api/stories?limit=50",
                  "/api/search?q=topic3word7",
                  "/api/stories/s",
                  "/api/health"
                };
                while (!done.get()) {
                  String p = paths[rnd.nextInt(paths.length)];
                  if (p.endsWith("/s")) p += 1 + rnd.nextInt(12);
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<Void> res =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + p)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (res.statusCode() >= 500) errors[me]++;
                  } catch (Exception e) {
                    errors[me]++;
                  }
                  mine.add(System.nanoTime() - t0);
                }
              });
      t.start();
      threads.add(t);
    }
    Random rnd = new Random(42);
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    long start = System.nanoTime();
    int posted = 0;
    for (int i = 0; i < n; i += batch) {
      StringBuilder body = new StringBuilder();
      for (int j = i; j < Math.min(n, i + batch); j++)
        body.append(article(j, rnd, t0)).append('\n');
      HttpResponse<String> res =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200)
        throw new IllegalStateException("POST failed: " + res.statusCode() + " " + res.body());
      posted = Math.min(n, i + batch);
      if ((i / batch) % 20 == 0) {
        System.err.printf(
            Locale.ROOT,
            "%d articles, %.0f/s%n",
            posted,
            posted / ((System.nanoTime() - start) / 1e9));
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    done.set(true);
    for (Thread t : threads) t.join();
    List<Long> all = new ArrayList<>();
    latencies.forEach(all::addAll);
    Collections.sort(all);
    int errs = 0;
    for (int e : errors) errs += e;
    String report =
        String.format(
            Locale.ROOT,
            "articles=%d batch=%d readers=%d ingest=%.1f articles/s (%.1f s) reads=%d read_p50=%.1f ms read_p99=%.1f ms read_errors=%d%n",
            posted,
            batch,
            readers,
            posted / secs,
            secs,
            all.size(),
            pct(all, 0.50),
            pct(all, 0.99),
            errs);
    System.out.print(report);
    if (args.length > 4) Files.writeString(Path.of(args[4]), report);
  }

  private static double pct(List<Long> sorted, double q) {
    if (sorted.isEmpty()) return Double.NaN;
    return sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1e6;
  }

  /** One synthetic article: one of many topics, each with its own vocabulary, ~150 words. */
  private static String article(int i, Random r, Instant t0) {
    int topic = r.nextInt(Math.max(12, i / 20 + 1));
    StringBuilder text = new StringBuilder();
    String[] common = {
      "the", "a", "of", "to", "in", "and", "said", "on", "for", "with", "was", "by"
    };
    for (int w = 0; w < 150; w++) {
      if (w % 3 == 0) text.append(common[r.nextInt(common.length)]);
      else text.append("topic").append(topic).append("word").append(r.nextInt(30));
      text.append(w % 15 == 14 ? ". " : " ");
    }
    return "{\"id\":\"load-"
        + i
        + "\",\"source\":\"src-"
        + (i % 40)
        + ".example\",\"url\":\"\",\"title\":\"Topic "
        + topic
        + " update "
        + i
        + "\",\"published\":\""
        + t0.plusSeconds(60L * i)
        + "\",\"text\":\""
        + text
        + "\"}";
  }
}
