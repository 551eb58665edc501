package dev.storytrack.link.bench;

import dev.storytrack.article.Article;
import dev.storytrack.eval.EvalData;
import dev.storytrack.link.Profile;
import dev.storytrack.link.Profiler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Cost of profiling alone ({@link Profiler#profile}, the larger share of clustering's CPU), one
 * thread, in µs of thread CPU (and KB allocated) per article over rounds of the same articles, and
 * a fingerprint of everything every profile holds ({@link Profile#contentHash}) so a speed change
 * can show it changed nothing. A plain main, not a test: it measures time.
 *
 * <p>Usage: {@code java -cp ... ProfileThroughput articles.jsonl [ROUNDS]}
 */
public final class ProfileThroughput {
  public static void main(String[] args) throws Exception {
    List<Article> articles = EvalData.readArticles(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Profiler profiler = new Profiler();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long b0 = allocated(mx);
      for (Article a : articles) sink += profiler.profile(a).size();
      long c1 = mx.getCurrentThreadCpuTime();
      long b1 = allocated(mx);
      System.out.printf(
          Locale.ROOT,
          "round %d: %.1f µs CPU, %.1f KB allocated per article%n",
          r + 1,
          (c1 - c0) / 1e3 / articles.size(),
          (b1 - b0) / 1024.0 / articles.size());
    }
    long h = 1125899906842597L;
    for (Article a : articles) h = 31 * h + profiler.profile(a).contentHash();
    System.out.printf(Locale.ROOT, "profiles %s (%d)%n", Long.toHexString(h), sink);
  }

  /** Bytes this thread has allocated (HotSpot's extension of the bean; -1 elsewhere). */
  private static long allocated(ThreadMXBean mx) {
    return mx instanceof com.sun.management.ThreadMXBean h
        ? h.getThreadAllocatedBytes(Thread.currentThread().getId())
        : -1;
  }
}
