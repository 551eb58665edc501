package dev.storytrack.cluster.bench;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.eval.EvalData;
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
 * <p>Usage: {@code java -cp ... ClusterThroughput articles.jsonl TOTAL [SLICE]}
 */
public final class ClusterThroughput {
  public static void main(String[] args) throws Exception {
    List<Article> base = EvalData.readArticles(Path.of(args[0]));
    long total = Long.parseLong(args[1]);
    long slice = args.length > 2 ? Long.parseLong(args[2]) : Math.max(1000, total / 10);
    StoryClusterer c = StoryClusterer.defaults();
    long t0 = System.nanoTime();
    long tSlice = t0;
    for (long i = 0; i < total; i++) {
      Article a = base.get((int) (i % base.size()));
      long round = i / base.size();
      c.add(new Article(a.id() + "-" + round, a.source(), a.url(), a.title(),
          a.published() == null ? null : a.published().plus(Duration.ofDays(45 * round)),
          a.text(), null));
      if ((i + 1) % slice == 0) {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "%,10d articles  %8.0f articles/s in last slice  %8.0f overall%n",
            i + 1, slice / ((now - tSlice) / 1e9), (i + 1) / ((now - t0) / 1e9));
        tSlice = now;
      }
    }
    c.finish();
    System.out.printf(Locale.ROOT, "%d stories%n", c.stories().size());
  }
}
