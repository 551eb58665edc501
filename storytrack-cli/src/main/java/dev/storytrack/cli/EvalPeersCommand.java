package dev.storytrack.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.article.Article;
import dev.storytrack.eval.ClusteringScores;
import dev.storytrack.eval.EvalData;
import dev.storytrack.eval.peers.TfIdfVectors;
import dev.storytrack.eval.peers.ThresholdSweep;
import dev.storytrack.eval.peers.ThresholdSweep.Peer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code storytrack eval peers}: the peer baselines (single-pass and average-linkage agglomerative
 * TF-IDF clustering) swept over thresholds on each labelled set, with the oracle threshold of each
 * set and the figure each set gets at the threshold that was best on every other set.
 */
@Command(
    name = "peers",
    mixinStandardHelpOptions = true,
    description =
        "Score the peer baselines (single-pass and agglomerative TF-IDF clustering) on "
            + "labelled sets: best threshold per set (oracle) and thresholds carried across sets.")
final class EvalPeersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--articles", required = true, description = "articles.jsonl (repeat per set)")
  List<Path> articles;

  @Option(
      names = "--gold",
      required = true,
      description = "gold.jsonl ({\"id\",\"story\"}), one per --articles, in the same order")
  List<Path> gold;

  @Option(names = "--name", description = "a name per set (default: the articles file's folder)")
  List<String> names;

  @Option(
      names = "--from",
      defaultValue = "0.05",
      description = "lowest threshold (${DEFAULT-VALUE})")
  double from;

  @Option(
      names = "--to",
      defaultValue = "0.95",
      description = "highest threshold (${DEFAULT-VALUE})")
  double to;

  @Option(
      names = "--step",
      defaultValue = "0.025",
      description = "threshold step (${DEFAULT-VALUE})")
  double step;

  @Option(
      names = "--as-given",
      description =
          "skip the cleaning of eval clustering (boilerplate "
              + "lines kept; HTML records still read for their main text)")
  boolean asGiven;

  @Option(names = "--json", description = "print one JSON object instead of the tables")
  boolean json;

  private record SetResult(
      String name,
      int articles,
      int goldStories,
      double vectorSeconds,
      List<ThresholdSweep.Result> sweeps) {}

  @Override
  public Integer call() throws Exception {
    if (articles.size() != gold.size()) {
      throw new ParameterException(
          spec.commandLine(),
          "--articles and --gold must be given "
              + "the same number of times: "
              + articles.size()
              + " and "
              + gold.size());
    }
    if (names != null && names.size() != articles.size()) {
      throw new ParameterException(
          spec.commandLine(),
          "--name must be given once per set or "
              + "not at all: "
              + names.size()
              + " names for "
              + articles.size()
              + " sets");
    }
    List<Double> grid;
    try {
      grid = ThresholdSweep.grid(from, to, step);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--from/--to/--step: " + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    List<SetResult> sets = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < articles.size(); i++) {
      String name = names != null ? names.get(i) : defaultName(articles.get(i));
      if (!used.add(name)) name = name + "#" + (i + 1);
      Map<String, String> g = EvalCommand.gold(gold.get(i));
      // Cleaned as eval clustering cleans them: the peers see what storytrack is scored on.
      List<Article> read = EvalCommand.articles(articles.get(i));
      List<Article> a = asGiven ? read : EvalData.cleaned(read, EvalCommand.extractor());
      long start = System.nanoTime();
      TfIdfVectors v = ThresholdSweep.vectors(a);
      double vectorSeconds = (System.nanoTime() - start) / 1e9;
      List<ThresholdSweep.Result> sweeps = new ArrayList<>();
      for (Peer p : Peer.values()) {
        ThresholdSweep.Result r = ThresholdSweep.run(p, v, g, grid);
        sweeps.add(r);
        err.printf(
            Locale.ROOT,
            "storytrack: %s, %s: best B-cubed F1 %.3f at %.3f%n",
            name,
            p.title(),
            r.best().scores().bcubedF1(),
            r.best().threshold());
        err.flush();
      }
      sets.add(
          new SetResult(
              name, a.size(), (int) g.values().stream().distinct().count(), vectorSeconds, sweeps));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) out.println(json(sets, grid));
    else table(out, sets, grid);
    out.flush();
    return Main.OK;
  }

  private static String defaultName(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null || parent.getFileName() == null
        ? file.getFileName().toString()
        : parent.getFileName().toString();
  }

  private static void table(PrintWriter out, List<SetResult> sets, List<Double> grid) {
    out.printf(
        Locale.ROOT,
        "Thresholds %.3f..%.3f (%d); B-cubed F1 (threshold). \"from X\": at "
            + "the threshold best on X.%n%n",
        grid.get(0),
        grid.get(grid.size() - 1),
        grid.size());
    StringBuilder head =
        new StringBuilder(
            "| peer | set | oracle B³ F1 (t) | B³ P / R | pairwise F1 " + "| stories (gold) |");
    StringBuilder rule = new StringBuilder("|---|---|---|---|---|---|");
    for (SetResult s : sets) {
      head.append(" from ").append(s.name()).append(" |");
      rule.append("---|");
    }
    out.println(head);
    out.println(rule);
    for (Peer p : Peer.values()) {
      for (SetResult s : sets) {
        ThresholdSweep.Result r = s.sweeps().get(p.ordinal());
        ThresholdSweep.Point b = r.best();
        ClusteringScores c = b.scores();
        StringBuilder row = new StringBuilder();
        row.append(
            String.format(
                Locale.ROOT,
                "| %s | %s (%d) | **%.3f** (%.3f) | %.3f / %.3f | %.3f " + "| %d (%d) |",
                p.title(),
                s.name(),
                s.articles(),
                c.bcubedF1(),
                b.threshold(),
                c.bcubedPrecision(),
                c.bcubedRecall(),
                c.pairF1(),
                c.stories(),
                c.goldStories()));
        for (SetResult x : sets) {
          if (x == s) {
            row.append(" (oracle) |");
            continue;
          }
          double t = x.sweeps().get(p.ordinal()).best().threshold();
          row.append(String.format(Locale.ROOT, " %.3f (%.3f) |", r.at(t).scores().bcubedF1(), t));
        }
        out.println(row);
      }
    }
    out.println();
    out.println(
        "| set | articles | TF-IDF vectors | single-pass, one run | agglomerative, "
            + "similarities + dendrogram + cut |");
    out.println("|---|---|---|---|---|");
    for (SetResult s : sets) {
      out.printf(
          Locale.ROOT,
          "| %s | %d | %s | %s | %s |%n",
          s.name(),
          s.articles(),
          speed(s.articles(), s.vectorSeconds()),
          speed(s.articles(), s.sweeps().get(Peer.SINGLE_PASS.ordinal()).clusterSeconds()),
          speed(s.articles(), s.sweeps().get(Peer.AGGLOMERATIVE.ordinal()).clusterSeconds()));
    }
  }

  private static String speed(int n, double seconds) {
    return String.format(
        Locale.ROOT, "%.2f s (%,.0f docs/s)", seconds, n / Math.max(seconds, 1e-9));
  }

  private static ObjectNode json(List<SetResult> sets, List<Double> grid) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode g = root.putArray("thresholds");
    grid.forEach(g::add);
    ArrayNode arr = root.putArray("sets");
    for (SetResult s : sets) {
      ObjectNode sn = arr.addObject();
      sn.put("name", s.name());
      sn.put("articles", s.articles());
      sn.put("goldStories", s.goldStories());
      sn.put("vectorSeconds", s.vectorSeconds());
      ArrayNode peers = sn.putArray("peers");
      for (Peer p : Peer.values()) {
        ThresholdSweep.Result r = s.sweeps().get(p.ordinal());
        ObjectNode pn = peers.addObject();
        pn.put("peer", p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        pn.put("clusterSeconds", r.clusterSeconds());
        pn.put("docsPerSecond", s.articles() / Math.max(r.clusterSeconds(), 1e-9));
        pn.set("oracle", point(r.best()));
        ArrayNode tr = pn.putArray("transferred");
        for (SetResult x : sets) {
          if (x == s) continue;
          ObjectNode tn = point(r.at(x.sweeps().get(p.ordinal()).best().threshold()));
          tn.put("from", x.name());
          tr.add(tn);
        }
        ArrayNode sw = pn.putArray("sweep");
        for (ThresholdSweep.Point pt : r.points()) sw.add(point(pt));
      }
    }
    return root;
  }

  private static ObjectNode point(ThresholdSweep.Point p) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    ClusteringScores c = p.scores();
    n.put("threshold", p.threshold());
    n.put("bcubedPrecision", c.bcubedPrecision());
    n.put("bcubedRecall", c.bcubedRecall());
    n.put("bcubedF1", c.bcubedF1());
    n.put("pairPrecision", c.pairPrecision());
    n.put("pairRecall", c.pairRecall());
    n.put("pairF1", c.pairF1());
    n.put("stories", c.stories());
    n.put("goldStories", c.goldStories());
    return n;
  }
}
