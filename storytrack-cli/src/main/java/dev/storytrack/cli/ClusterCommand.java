package dev.storytrack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.ReadSummary;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.OrderedSpool;
import dev.storytrack.cluster.Story;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.eval.EvalData;
import dev.storytrack.extract.Extractor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "files, folders, or - for JSONL on stdin")
  List<String> inputs;

  @picocli.CommandLine.Mixin FormatOption formatOption = new FormatOption();

  @picocli.CommandLine.Mixin FieldOptions fieldOptions = new FieldOptions();

  @Option(
      names = "--assignments",
      paramLabel = "FILE",
      description = "write one JSON line per article: {\"id\", \"story\"}")
  Path assignments;

  @Option(names = "--stories", paramLabel = "FILE", description = "write one JSON line per story")
  Path stories;

  @Option(names = "--json", description = "print stories as JSON lines instead of a list")
  boolean json;

  @Option(
      names = "--topics",
      description =
          "also group the stories into topics (stories of one "
              + "kind: two earthquakes, every shooting in a city): a topic field on each story, and the "
              + "list grouped by topic")
  boolean topics;

  @Option(
      names = "--threshold",
      description = "link probability to join a story (default: learned)")
  Double threshold;

  @Mixin WindowOptions window;

  @Option(
      names = "--temp-dir",
      paramLabel = "DIR",
      description =
          "where to put sorted runs when the input does not fit in memory "
              + "(default: the system's temporary folder)")
  Path tempDir;

  @Option(
      names = "--embeddings",
      description =
          "also compare sentence embeddings (MiniLM): "
              + "off by default, about 25x slower (docs/clustering.md)")
  boolean embeddings;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    OutputFiles.refuseInputs(
        spec.commandLine(), "--stories", stories, inputs, formatOption.format());
    OutputFiles.refuseInputs(
        spec.commandLine(), "--assignments", assignments, inputs, formatOption.format());
    ClusterOptions o = window.apply(ClusterOptions.defaults());
    if (threshold != null) o = o.withThreshold(threshold);
    dev.storytrack.cluster.Pipeline pipeline = Main.pipeline(embeddings).withOptions(o);
    StoryClusterer c = pipeline.newClusterer();
    ReadSummary summary;
    long replaced;
    // The input is read and cleaned into a spool that puts it in publication order, writing sorted
    // runs to a temporary folder when it does not fit in memory; the clusterer then reads it as
    // a stream. So memory holds the stories, not the corpus.
    try (OrderedSpool spool =
        new OrderedSpool(
            tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir")),
            OrderedSpool.defaultMemory())) {
      Cleaner cleaner = new Cleaner(pipeline.extractor(), spool);
      try (Progress progress = new Progress("read", "articles", spool::size, err)) {
        summary =
            ArticleReaders.read(
                inputs,
                formatOption.format(),
                fieldOptions.map(),
                cleaner::accept,
                p -> err.println("storytrack: " + p));
        cleaner.flush();
      }
      if (cleaner.notCleaned > 0) {
        err.printf(
            Locale.ROOT,
            "storytrack: %d article(s) not cleaned, raw text used (first: %s)%n",
            cleaner.notCleaned,
            cleaner.firstFailure);
      }
      try (Progress progress = new Progress("cluster", "articles", c::added, err)) {
        c.addAll(spool);
        c.finish();
      }
      replaced = spool.replaced();
    }
    List<Story> found = c.stories();
    Map<String, String> topicOf = topics ? c.topics(StoryClusterer.TOPIC_THRESHOLD) : Map.of();
    java.util.function.Function<Story, String> line =
        st -> {
          var n = st.toJson();
          if (topics) n.put("topic", topicOf.get(st.id()));
          try {
            return JSON.writeValueAsString(n);
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        };
    if (assignments != null) {
      Map<String, String> a = c.assignments();
      OutputFiles.write(assignments, w -> EvalData.writeAssignments(w, a));
    }
    if (stories != null) {
      OutputFiles.write(
          stories,
          w -> {
            for (Story s : found) {
              w.write(line.apply(s));
              w.write('\n');
            }
          });
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      for (Story s : found) out.println(line.apply(s));
    } else {
      List<Story> listed = found;
      if (topics) {
        // Grouped by topic, topics in order of their first story.
        Map<String, List<Story>> byTopic = new java.util.LinkedHashMap<>();
        for (Story s : found)
          byTopic.computeIfAbsent(topicOf.get(s.id()), k -> new java.util.ArrayList<>()).add(s);
        listed = new java.util.ArrayList<>();
        for (List<Story> group : byTopic.values()) listed.addAll(group);
      }
      String lastTopic = null;
      for (Story s : listed) {
        if (topics && !topicOf.get(s.id()).equals(lastTopic)) {
          lastTopic = topicOf.get(s.id());
          out.printf(Locale.ROOT, "topic %s%n", lastTopic);
        }
        out.printf(
            Locale.ROOT,
            "%-6s %3d article%s  %s .. %s  %s%n",
            s.id(),
            s.size(),
            s.size() == 1 ? " " : "s",
            day(s.firstSeen()),
            day(s.lastSeen()),
            Text.safe(s.title()));
        if (s.size() > 1) out.printf("       sources: %s%n", Text.sources(s.sourceCounts()));
      }
    }
    err.printf(
        Locale.ROOT,
        "%s read%s, %s, %s, %d empty skipped, %d undated%n",
        Text.plural(summary.articles(), "article"),
        Text.replaced(replaced),
        Text.plural(summary.problems(), "problem"),
        Text.plural(found.size(), "story", "stories"),
        c.skippedEmpty(),
        c.undated().size());
    return FieldOptions.nothingRead(summary, err) ? Main.FAILURE : Main.OK;
  }

  /** Cleans articles in batches on all cores and hands them on in input order. */
  private static final class Cleaner {
    private static final int BATCH = 512;
    private final Extractor extractor;
    private final OrderedSpool spool;
    private List<Article> batch = new ArrayList<>(BATCH);
    int notCleaned;
    String firstFailure;

    Cleaner(Extractor extractor, OrderedSpool spool) {
      this.extractor = extractor;
      this.spool = spool;
    }

    void accept(Article a) {
      batch.add(a);
      if (batch.size() == BATCH) flush();
    }

    void flush() {
      record Cleaned(Article article, String error) {}
      List<Cleaned> done =
          batch.parallelStream()
              .map(
                  a -> {
                    try {
                      return new Cleaned(extractor.clean(a), null);
                    } catch (RuntimeException e) {
                      // One article the cleaner cannot handle must not stop the batch: its text as
                      // given.
                      return new Cleaned(a, a.id() + ": " + e.getMessage());
                    }
                  })
              .toList();
      for (Cleaned d : done) {
        if (d.error() != null && notCleaned++ == 0) firstFailure = d.error();
        spool.add(d.article());
      }
      batch = new ArrayList<>(BATCH);
    }
  }

  private static String day(java.time.Instant t) {
    return t == null ? "undated" : t.toString().substring(0, 10);
  }
}
