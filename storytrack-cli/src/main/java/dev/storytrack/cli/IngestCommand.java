package dev.storytrack.cli;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.ReadSummary;
import dev.storytrack.store.IngestResult;
import dev.storytrack.store.StoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storytrack ingest}: adds articles to the embedded store, durably, batch by batch. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Add articles to the store (cleaned, clustered, committed).",
      "",
      "The same id again updates the article, never duplicates it. Each batch is committed to "
          + "disk before it is counted; an interrupted ingest can simply be run again."
    })
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "files, folders, or - for JSONL on stdin")
  List<String> inputs;

  @picocli.CommandLine.Mixin StoreOption store = new StoreOption();

  @picocli.CommandLine.Mixin FormatOption formatOption = new FormatOption();

  @picocli.CommandLine.Mixin FieldOptions fieldOptions = new FieldOptions();

  @Option(
      names = "--batch",
      defaultValue = "500",
      description = "articles per commit (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(
      names = "--restore-deleted",
      description =
          "store again articles deleted with curate delete"
              + " (by default their ids are skipped and reported)")
  boolean restoreDeleted;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    long[] totals = new long[6];
    List<String> deletedSkipped = new ArrayList<>();
    ReadSummary summary;
    long replaced;
    try (StoryStore s = StoryStore.open(store.dir(), Main.pipeline(false))) {
      List<Article> batch = new ArrayList<>();
      Runnable flush =
          () -> {
            try {
              IngestResult r = s.ingest(batch, restoreDeleted);
              deletedSkipped.addAll(r.deleted());
              totals[0] += r.added();
              totals[1] += r.updated();
              totals[2] += r.unchanged();
              totals[3] += r.empty();
              totals[4] += r.notCleaned();
              totals[5] += batch.size();
              // What is committed survives a crash: a rerun after an interruption redoes the rest.
              err.printf(
                  Locale.ROOT,
                  "storytrack: committed %d records (%d so far, last id %s)%n",
                  batch.size(),
                  totals[5],
                  Text.abbreviate(batch.get(batch.size() - 1).id(), 60));
              err.flush();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            batch.clear();
          };
      // The whole input is put in publication order first (spilled to sorted runs on disk when it
      // does not fit in memory), then stored batch by batch: the store then meets the articles in
      // the order storytrack cluster meets them and makes the same stories.
      try (dev.storytrack.cluster.OrderedSpool spool =
          new dev.storytrack.cluster.OrderedSpool(
              Path.of(System.getProperty("java.io.tmpdir")),
              dev.storytrack.cluster.OrderedSpool.defaultMemory(),
              true)) {
        summary =
            ArticleReaders.read(
                inputs,
                formatOption.format(),
                fieldOptions.map(),
                spool::add,
                p -> err.println("storytrack: " + p));
        for (Article a : spool) {
          batch.add(a);
          if (batch.size() >= Math.max(1, batchSize)) flush.run();
        }
        if (!batch.isEmpty()) flush.run();
        replaced = spool.replaced();
      } catch (UncheckedIOException e) {
        // The store's own messages already name it.
        String m = String.valueOf(e.getCause().getMessage());
        throw m.startsWith("store ")
            ? e.getCause()
            : new IOException("store " + store.dir() + ": " + m, e.getCause());
      }
      long[] counts = s.counts();
      err.printf(
          Locale.ROOT,
          "%s read%s, %d added, %d updated, %d unchanged, %d empty skipped, %d malformed skipped;"
              + " store %s: %s, %s%n",
          Text.plural(summary.articles(), "article"),
          Text.replaced(replaced),
          totals[0],
          totals[1],
          totals[2],
          totals[3],
          summary.problems(),
          store.dir(),
          Text.plural(counts[0], "article"),
          Text.plural(counts[1], "story", "stories"));
      if (!deletedSkipped.isEmpty()) {
        err.printf(
            Locale.ROOT,
            "storytrack: %s previously deleted, skipped (first %s; --restore-deleted stores them again)%n",
            Text.plural(deletedSkipped.size(), "article"),
            Text.abbreviate(deletedSkipped.get(0), 60));
      }
      // Commits went on; a merge that failed (disk nearly full) is retried by the next writer.
      s.writeFailure()
          .ifPresent(
              f ->
                  err.printf(
                      Locale.ROOT,
                      "storytrack: store %s: %s; what was committed is intact%n",
                      store.dir(),
                      f));
      if (totals[4] > 0)
        err.printf(
            Locale.ROOT,
            "storytrack: %s not cleaned, raw text used%n",
            Text.plural(totals[4], "article"));
    }
    return FieldOptions.nothingRead(summary, err) ? Main.FAILURE : Main.OK;
  }
}
