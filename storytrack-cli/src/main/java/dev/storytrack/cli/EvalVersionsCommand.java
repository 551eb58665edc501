package dev.storytrack.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.article.Article;
import dev.storytrack.eval.EvalData;
import dev.storytrack.eval.versions.PlantedVersions;
import dev.storytrack.eval.versions.VersionsEvaluation;
import dev.storytrack.version.Versions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrack eval versions}: story versions on planted copies of real articles. */
@Command(
    name = "versions",
    mixinStandardHelpOptions = true,
    description = {
      "Plants stories of edited copies of real articles (paragraphs added and dropped, figures, "
          + "dates and names changed, quotes altered or trimmed, sentences reworded) and scores the "
          + "version tree: precision and recall of the parent found and of each kind of edit.",
      "Seeded: the same articles, --n and --seed give the same stories. See docs/versions.md."
    })
final class EvalVersionsCommand implements Callable<Integer> {
  static final Path DEFAULT_ARTICLES = Path.of("../shared/data/gva-events/articles.jsonl");

  @Option(
      names = "--articles",
      paramLabel = "FILE",
      description =
          "articles.jsonl with the real articles to plant versions of (default: ${DEFAULT-VALUE})")
  Path articles = DEFAULT_ARTICLES;

  @Option(
      names = "--n",
      paramLabel = "N",
      description = "stories to plant (default: ${DEFAULT-VALUE})")
  int n = 300;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (n < 1)
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--n must be at least 1");
    if (!Files.isRegularFile(articles))
      throw new IllegalArgumentException(articles + ": no such file");
    List<Article> read = EvalData.readArticles(articles);
    List<String> bases = PlantedVersions.bases(read);
    if (bases.size() < 2) {
      throw new IllegalArgumentException(
          articles
              + ": "
              + bases.size()
              + " articles long enough to plant versions of "
              + "(need 2 with at least "
              + PlantedVersions.MIN_PARAGRAPHS
              + " paragraphs and "
              + PlantedVersions.MIN_WORDS
              + " words)");
    }
    var stories = PlantedVersions.generate(bases, n, seed);
    VersionsEvaluation.Result r = VersionsEvaluation.run(stories, Versions.defaults());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("articles", articles.toString())
          .put("bases", bases.size())
          .put("seed", seed)
          .put("stories", r.stories())
          .put("versions", r.versions())
          .put("msPerStory", r.nanos() / 1e6 / r.stories());
      ObjectNode rows = o.putObject("rows");
      for (Map.Entry<String, VersionsEvaluation.Score> e : r.rows().entrySet()) {
        ObjectNode row = rows.putObject(e.getKey());
        putRate(row, "precision", e.getValue().precision());
        putRate(row, "recall", e.getValue().recall());
        row.put("predicted", e.getValue().predicted()).put("planted", e.getValue().planted());
      }
      out.println(Json.MAPPER.writeValueAsString(o));
    } else {
      out.printf(
          Locale.ROOT,
          "%d stories, %d versions planted from %d of %d articles in %s (seed %d)%n%n",
          r.stories(),
          r.versions(),
          bases.size(),
          read.size(),
          articles,
          seed);
      out.print(r.table());
      out.printf(
          Locale.ROOT,
          "%nversions computed in %.1f ms per story on average%n",
          r.nanos() / 1e6 / r.stories());
    }
    out.flush();
    return Main.OK;
  }

  private static void putRate(ObjectNode n, String name, double x) {
    if (Double.isNaN(x)) n.putNull(name);
    else n.put(name, Math.round(x * 1000) / 1000.0);
  }
}
