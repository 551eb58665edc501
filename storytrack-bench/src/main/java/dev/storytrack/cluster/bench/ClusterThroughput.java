package dev.storytrack.cluster.bench;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.eval.EvalData;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.TermStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Throughput benchmark for {@link StoryClusterer} (a plain main, not a unit test: it measures
 * wall-clock time). The stream is real text: the articles of {@code articles.jsonl} repeated with
 * dates shifted by 45 days per round, so earlier rounds' stories go quiet as in a real stream.
 * Prints articles/s for consecutive slices so a growing per-article cost would show.
 *
 * <p>Usage: {@code java -cp ... ClusterThroughput articles.jsonl TOTAL [SLICE] [--pipelined]
 * [--window-articles N] [--shift-days D]}
 *
 * <p>{@code --shift-days} (default 45) is how far each round is moved in time. A round repeats the
 * same texts, so a shift shorter than the link model's horizon lets a round's articles join the
 * previous round's stories (identical text, weeks apart): pass a shift longer than the horizon plus
 * the corpus's own span to keep every round's stories its own.
 *
 * <p>The stream repeats the same texts, so unless the days decide when a story goes quiet each
 * round would join the previous round's stories and a million articles would make a few dozen giant
 * stories. The benchmark therefore retires stories by days alone ({@code --window-articles} 0, the
 * default here), which is what happens in a dense real stream under the default options; pass
 * {@code --window-articles 10000} to run the library defaults on this repetitive stream.
 */
public final class ClusterThroughput {
  public static void main(String[] args) throws Exception {
    List<Article> base = EvalData.readArticles(Path.of(args[0]));
    long total = Long.parseLong(args[1]);
    long slice =
        args.length > 2 && !args[2].startsWith("--")
            ? Long.parseLong(args[2])
            : Math.max(1000, total / 10);
    List<String> rest = List.of(args);
    int windowArticles =
        rest.contains("--window-articles")
            ? Integer.parseInt(rest.get(rest.indexOf("--window-articles") + 1))
            : 0;
    ClusterOptions options = ClusterOptions.defaults().withWindowArticles(windowArticles);
    if (rest.contains("--shift-days")) {
      shiftDays = Integer.parseInt(rest.get(rest.indexOf("--shift-days") + 1));
    }
    if (rest.contains("--pipelined")) {
      pipelined(base, total, slice, options);
      return;
    }
    StoryClusterer c = clusterer(options);
    // CPU time of this thread as well as wall time: on a shared machine wall time measures the
    // neighbours too.
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long tSlice = t0;
    long cSlice = mx.getCurrentThreadCpuTime();
    for (long i = 0; i < total; i++) {
      c.add(shifted(base, i));
      if ((i + 1) % slice == 0) {
        long now = System.nanoTime();
        long cpu = mx.getCurrentThreadCpuTime();
        System.out.printf(
            Locale.ROOT,
            "%,10d articles  last slice: %7.0f articles/s wall, %7.0f per CPU-second, %6.3f ms CPU"
                + " each  (overall %7.0f/s wall)%n",
            i + 1,
            slice / ((now - tSlice) / 1e9),
            slice / ((cpu - cSlice) / 1e9),
            (cpu - cSlice) / 1e6 / slice,
            (i + 1) / ((now - t0) / 1e9));
        tSlice = now;
        cSlice = cpu;
      }
    }
    c.finish();
    System.out.printf(
        Locale.ROOT, "%d stories, assignments %s%n", c.stories().size(), fingerprint(c));
  }

  /** {@link StoryClusterer#addAll}: profiling on the other cores; wall time only. */
  static void pipelined(List<Article> base, long total, long slice, ClusterOptions options) {
    StoryClusterer c = clusterer(options);
    long t0 = System.nanoTime();
    long tSlice = t0;
    for (long done = 0; done < total; done += slice) {
      List<Article> part = new java.util.ArrayList<>();
      for (long i = done; i < done + slice; i++) part.add(shifted(base, i));
      c.addAll(part);
      long now = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "%,10d articles  last slice: %7.0f articles/s wall%n",
          done + slice,
          slice / ((now - tSlice) / 1e9));
      tSlice = now;
    }
    c.finish();
    // The stories' summaries (titles, top terms and names), as a user gets them at the end.
    long tStories = System.nanoTime();
    int stories = c.stories().size();
    long now = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "%d stories (summaries %.1f s), overall %.0f articles/s wall, assignments %s%n",
        stories,
        (now - tStories) / 1e9,
        total / ((now - t0) / 1e9),
        fingerprint(c));
  }

  /**
   * A hash of every article's story, in input order: equal fingerprints mean a speed change left
   * the decisions as they were (the check a story count alone does not make).
   */
  static String fingerprint(StoryClusterer c) {
    long h = 1125899906842597L;
    for (var e : c.assignments().entrySet()) {
      h = 31 * h + e.getKey().hashCode();
      h = 31 * h + e.getValue().hashCode();
    }
    return Long.toHexString(h);
  }

  private static StoryClusterer clusterer(ClusterOptions options) {
    return new StoryClusterer(LinkModel.shipped(), TermStats.background(), options);
  }

  static Article shifted(List<Article> base, long i) {
    Article a = base.get((int) (i % base.size()));
    long round = i / base.size();
    return new Article(
        a.id() + "-" + round,
        a.source(),
        a.url(),
        a.title(),
        a.published() == null ? null : a.published().plus(Duration.ofDays(shiftDays * round)),
        a.text(),
        null);
  }

  private static long shiftDays = 45;
}
