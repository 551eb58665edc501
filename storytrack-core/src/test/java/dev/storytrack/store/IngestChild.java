package dev.storytrack.store;

import dev.storytrack.article.Article;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A child process for the crash test: ingests {@code n} synthetic articles in small batches and
 * prints {@code ingested ID...} after each durable ingest, until it is killed.
 */
public final class IngestChild {
  private IngestChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    List<Article> all = synthetic(n);
    try (StoryStore s = StoryStore.open(dir)) {
      for (int i = 0; i < n; i += batch) {
        IngestResult r = s.ingest(all.subList(i, Math.min(n, i + batch)));
        System.out.println("ingested " + String.join(" ", r.stories().keySet()));
        System.out.flush();
      }
    }
    System.out.println("done");
  }

  /** Deterministic articles on a dozen topics, each with its own vocabulary. */
  static List<Article> synthetic(int n) {
    String[] common =
        "the a of to in and said on for with was by that at from has have its".split(" ");
    Random r = new Random(42);
    List<Article> out = new ArrayList<>(n);
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      int topic = i % 12;
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 120; w++) {
        if (w % 3 == 0) text.append(common[r.nextInt(common.length)]);
        else text.append("topic").append(topic).append("word").append(r.nextInt(25));
        text.append(w % 15 == 14 ? ". " : " ");
      }
      out.add(
          new Article(
              "art-" + i,
              "source-" + (i % 5),
              "",
              "Topic " + topic + " report " + i,
              t0.plus(Duration.ofMinutes(10L * i)),
              text.toString(),
              null));
    }
    return out;
  }
}
