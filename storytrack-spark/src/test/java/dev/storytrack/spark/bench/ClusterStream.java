package dev.storytrack.spark.bench;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.eval.GiveMe5W1H;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Writes the clustering benchmark stream to JSONL once, so {@code storytrack cluster} and the Spark
 * {@code ClusterJob} read the same file: the GiveMe5W1H articles repeated with dates shifted by
 * SHIFT_DAYS (45 unless given) per round and ids suffixed with the round, as the core's {@code
 * ClusterThroughput} builds it in memory. With the event-level models (a 532-day horizon) give more
 * than 532: rounds 45 days apart would let each text join its own copy from the round before. Dates
 * must stay before the year 10000: 2400 fits about 380,000 articles, 600 a million.
 *
 * <p>Usage: {@code java -cp ... dev.storytrack.spark.bench.ClusterStream GIVEME5W1H_DATA_DIR TOTAL
 * OUT.jsonl [SHIFT_DAYS]}
 */
public final class ClusterStream {
  private ClusterStream() {}

  public static void main(String[] args) throws Exception {
    List<Article> base = GiveMe5W1H.read(Path.of(args[0])).articles();
    long total = Long.parseLong(args[1]);
    long shift = args.length > 3 ? Long.parseLong(args[3]) : 45;
    try (Writer w =
        new BufferedWriter(
            Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8), 1 << 20)) {
      for (long i = 0; i < total; i++) {
        Article a = base.get((int) (i % base.size()));
        long round = i / base.size();
        w.write(
            ArticleJson.toLine(
                new Article(
                    a.id() + "-" + round,
                    a.source(),
                    a.url(),
                    a.title(),
                    a.published() == null
                        ? null
                        : a.published().plus(Duration.ofDays(shift * round)),
                    a.text(),
                    null)));
        w.write('\n');
      }
    }
  }
}
