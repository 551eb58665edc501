package dev.storytrack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.article.ReadSummary;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.PublicationOrder;
import dev.storytrack.cluster.Story;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.eval.EvalData;
import dev.storytrack.extract.Extractor;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.TermStats;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storytrack cluster}: finds the stories in a set of articles, online, in date order. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Group articles into stories (online, in publication order).")
final class ClusterCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "files, folders, or - for JSONL on stdin")
  List<String> inputs;

  @Option(names = "--format", defaultValue = "AUTO", description = "AUTO, TEXT, HTML, JSONL, WARC")
  Format format;

  @Option(names = "--assignments", paramLabel = "FILE",
      description = "write one JSON line per article: {\"id\", \"story\"}")
  Path assignments;

  @Option(names = "--stories", paramLabel = "FILE", description = "write one JSON line per story")
  Path stories;

  @Option(names = "--json", description = "print stories as JSON lines instead of a list")
  boolean json;

  @Option(names = "--threshold", description = "link probability to join a story (default: learned)")
  Double threshold;

  @Mixin WindowOptions window;

  @Option(names = "--embeddings", description = "also compare sentence embeddings (MiniLM): "
      + "off by default, about 25x slower (docs/clustering.md)")
  boolean embeddings;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    List<Article> read = new ArrayList<>();
    ReadSummary summary = ArticleReaders.read(inputs, format, read::add, p -> err.println("storytrack: " + p));
    Extractor extractor = Extractor.defaults();
    List<Article> cleaned = new ArrayList<>(read.size());
    int notCleaned = 0;
    String firstFailure = null;
    for (Article a : read) {
      try {
        cleaned.add(extractor.extract(a).article());
      } catch (RuntimeException e) {
        // One article the cleaner cannot handle must not stop the batch: use its text as given.
        if (notCleaned++ == 0) firstFailure = a.id() + ": " + e.getMessage();
        cleaned.add(a);
      }
    }
    if (notCleaned > 0) {
      err.printf(Locale.ROOT, "storytrack: %d article(s) not cleaned, raw text used (first: %s)%n",
          notCleaned, firstFailure);
    }
    ClusterOptions o = window.apply(ClusterOptions.defaults());
    if (threshold != null) o = o.withThreshold(threshold);
    StoryClusterer c = embeddings
        ? new StoryClusterer(LinkModel.shippedWithEmbeddings(), TermStats.background(), o,
            Main.embedder())
        : new StoryClusterer(LinkModel.shipped(), TermStats.background(), o);
    c.addAll(PublicationOrder.sort(cleaned));
    c.finish();
    List<Story> found = c.stories();
    if (assignments != null) EvalData.writeAssignments(assignments, c.assignments());
    if (stories != null) {
      try (BufferedWriter w = Files.newBufferedWriter(stories, StandardCharsets.UTF_8)) {
        for (Story s : found) {
          w.write(JSON.writeValueAsString(s.toJson()));
          w.write('\n');
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      for (Story s : found) out.println(JSON.writeValueAsString(s.toJson()));
    } else {
      for (Story s : found) {
        out.printf(Locale.ROOT, "%-6s %3d article%s  %s .. %s  %s%n", s.id(), s.size(),
            s.size() == 1 ? " " : "s", day(s.firstSeen()), day(s.lastSeen()), s.title());
        if (s.size() > 1) out.printf("       sources: %s%n", s.sourceCounts());
      }
    }
    err.printf(Locale.ROOT, "%d articles read, %d problems, %d stories, %d empty skipped, %d undated%n",
        summary.articles(), summary.problems(), found.size(), c.skippedEmpty(), c.undated().size());
    return Main.OK;
  }

  private static String day(java.time.Instant t) {
    return t == null ? "undated" : t.toString().substring(0, 10);
  }
}
