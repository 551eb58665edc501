package dev.storytrack.cli;

import dev.storytrack.article.Article;
import dev.storytrack.cluster.ClusterOptions;
import dev.storytrack.cluster.LinkTrainer;
import dev.storytrack.cluster.PublicationOrder;
import dev.storytrack.cluster.StoryClusterer;
import dev.storytrack.eval.ClusteringScores;
import dev.storytrack.eval.CrossValidation;
import dev.storytrack.eval.EvalData;
import dev.storytrack.eval.GiveMe5W1H;
import dev.storytrack.link.LinkModel;
import dev.storytrack.link.TermStats;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code storytrack eval ...}: quality measurements against labelled data. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measure storytrack against labelled data.",
    subcommands = {
      EvalExtractionCommand.class,
      EvalMetadataCommand.class,
      EvalVersionsCommand.class,
      EvalCommand.Clustering.class,
      EvalCommand.ConvertGiveMe5W1H.class,
      EvalCommand.CrossValidate.class,
      EvalCommand.TrainLinker.class,
      EvalPeersCommand.class,
      EvalCommand.Quotes.class
    })
final class EvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing eval command");
  }

  static Map<String, String> gold(Path file) throws Exception {
    Map<String, String> g = EvalData.readGold(file);
    if (g.isEmpty()) throw new IllegalArgumentException(file + ": no gold labels");
    return g;
  }

  /** The labelled articles, HTML records read for their main text (for learning). */
  static List<Article> articles(Path file) throws Exception {
    List<Article> a = EvalData.readArticles(file);
    if (a.isEmpty()) throw new IllegalArgumentException(file + ": no articles");
    return EvalData.withMainText(a);
  }

  @Command(name = "clustering", mixinStandardHelpOptions = true,
      description = "Cluster articles with the shipped model and score against gold stories.")
  static final class Clustering implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--articles", required = true, description = "articles.jsonl")
    Path articles;

    @Option(names = "--gold", required = true, description = "gold.jsonl ({\"id\",\"story\"})")
    Path gold;

    @Option(names = "--assignments", description = "score these assignments instead of clustering")
    Path assignments;

    @Option(names = "--threshold", description = "override the learned link threshold")
    Double threshold;

    @Option(names = "--embeddings", description = "use the link model with sentence embeddings "
        + "(MiniLM, about 20 ms per article)")
    boolean embeddings;

    @Mixin WindowOptions window;

    @Override
    public Integer call() throws Exception {
      Map<String, String> g = gold(gold);
      Map<String, String> pred;
      if (assignments != null) {
        pred = EvalData.readGold(assignments);
      } else {
        ClusterOptions o = window.apply(ClusterOptions.defaults());
        if (threshold != null) o = o.withThreshold(threshold);
        StoryClusterer c = embeddings
            ? new StoryClusterer(LinkModel.shippedWithEmbeddings(), TermStats.background(), o,
                Main.embedder())
            : new StoryClusterer(LinkModel.shipped(), TermStats.background(), o);
        // Cleaned as storytrack cluster cleans its input: this scores what users run.
        c.addAll(PublicationOrder.sort(EvalData.cleaned(articles(articles))));
        c.finish();
        pred = c.assignments();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(ClusteringScores.compute(pred, g).format());
      out.flush();
      return Main.OK;
    }
  }

  @Command(name = "convert-giveme5w1h", mixinStandardHelpOptions = true,
      description = "Convert GiveMe5W1H data/*.json to articles.jsonl and gold.jsonl.")
  static final class ConvertGiveMe5W1H implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, description = "the data/ folder of GiveMe5W1H")
    Path data;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(data)) throw new IllegalArgumentException(data + ": not a directory");
      GiveMe5W1H.Converted c = GiveMe5W1H.convert(data, out);
      spec.commandLine().getOut().printf(Locale.ROOT,
          "%d articles, %d stories, %d files skipped -> %s%n", c.articles().size(),
          c.gold().values().stream().distinct().count(), c.skipped(), out);
      return Main.OK;
    }
  }

  @Command(name = "cross-validate", mixinStandardHelpOptions = true,
      description = "Cross-validate the clustering grouped by gold story: learn on k-1 folds, "
          + "cluster the held-out fold.")
  static final class CrossValidate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--articles", required = true) Path articles;
    @Option(names = "--gold", required = true) Path gold;
    @Option(names = "--folds", defaultValue = "5") int folds;
    @Option(names = "--no-merge", description = "disable the merge step") boolean noMerge;
    @Option(names = "--embeddings", description = "also learn the sentence-embedding feature "
        + "(MiniLM, about 20 ms per article)") boolean embeddings;
    @Mixin WindowOptions window;

    @Override
    public Integer call() throws Exception {
      ClusterOptions o = window.apply(ClusterOptions.defaults().withMerge(!noMerge));
      CrossValidation.Result r = CrossValidation.run(articles(articles), gold(gold), folds, o,
          embeddings ? Main.embedder() : null);
      PrintWriter out = spec.commandLine().getOut();
      for (CrossValidation.Fold f : r.folds()) {
        out.printf(Locale.ROOT,
            "fold %d  articles %3d  stories %3d/%3d  B3 P %.3f R %.3f F1 %.3f  pair F1 %.3f"
                + "  threshold %.3f  (train F1 %.3f)%n",
            f.fold(), f.scores().articles(), f.scores().stories(), f.scores().goldStories(),
            f.scores().bcubedPrecision(), f.scores().bcubedRecall(), f.scores().bcubedF1(),
            f.scores().pairF1(), f.threshold(), f.trainF1());
      }
      out.printf(Locale.ROOT, "mean B-cubed F1 over folds %.4f%npooled held-out:%n",
          r.meanBcubedF1());
      out.print(r.pooled().format());
      out.flush();
      return Main.OK;
    }
  }

  @Command(name = "train-linker", mixinStandardHelpOptions = true,
      description = "Learn the link model and background document frequencies from labelled "
          + "articles; writes model.json and df.json.")
  static final class TrainLinker implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--articles", required = true) Path articles;
    @Option(names = "--gold", required = true) Path gold;

    @Option(names = "--out", defaultValue = "storytrack-core/src/main/resources/dev/storytrack/link",
        description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--description", defaultValue = "giveme5w1h (264 articles, 46 events)")
    String description;

    @Option(names = "--embeddings", description = "also learn the sentence-embedding feature; "
        + "writes model-embeddings.json instead of model.json")
    boolean embeddings;

    @Mixin WindowOptions window;

    @Override
    public Integer call() throws Exception {
      List<Article> a = articles(articles);
      Map<String, String> g = gold(gold);
      LinkTrainer.Trained t = LinkTrainer.train(a, g,
          window.apply(ClusterOptions.defaults()),
          pred -> ClusteringScores.compute(pred, g).bcubedF1(),
          embeddings ? Main.embedder() : null);
      LinkModel m = t.model().withTrainedOn(description + "; " + t.positives() + " positive and "
          + t.negatives() + " negative article/story pairs; threshold maximizes training B-cubed F1");
      Files.createDirectories(out);
      Files.writeString(out.resolve(embeddings ? "model-embeddings.json" : "model.json"), m.toJson(),
          StandardCharsets.UTF_8);
      Files.writeString(out.resolve("df.json"),
          t.documentFrequencies().toJson(2, "document frequencies of " + description)
              .toPrettyString() + "\n", StandardCharsets.UTF_8);
      spec.commandLine().getOut().printf(Locale.ROOT,
          "threshold %.3f, training B-cubed F1 %.4f (fitted, not cross-validated) -> %s%n",
          m.threshold(), t.trainF1(), out);
      return Main.OK;
    }
  }

  @Command(name = "quotes", mixinStandardHelpOptions = true,
      description = {"Score quote extraction on PolNeAR (brat standoff): content by word overlap",
          "(token F1 >= 0.5, one-to-one), over all attributions and direct quotes, with and",
          "without the source right; the quotation-mark regex peer is scored the same way.",
          "See docs/quotes.md."})
  static final class Quotes implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, description = "PolNeAR data folder (holds train/, dev/)")
    Path data;

    @Option(names = "--split", defaultValue = "dev", description = "train or dev (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--errors", description = "write the extractor's misses and false alarms here (for error analysis on train)")
    Path errors;

    @Override
    public Integer call() throws Exception {
      if (!split.equals("train") && !split.equals("dev")) {
        throw new IllegalArgumentException("--split: train or dev, not " + split);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<dev.storytrack.eval.quotes.PolNear.Doc> docs =
          dev.storytrack.eval.quotes.PolNear.read(data, split, p -> err.println("storytrack: " + p));
      if (docs.isEmpty()) throw new IllegalArgumentException(data.resolve(split) + ": no articles");
      dev.storytrack.quote.QuoteExtractor extractor = dev.storytrack.quote.QuoteExtractor.english();
      // One untimed pass loads the word lists and warms the JIT before the timed run.
      for (var d : docs) extractor.extract(d.text());
      List<String> lines = new java.util.ArrayList<>();
      var ours = dev.storytrack.eval.quotes.QuoteEvaluation.evaluate(docs, extractor::extract,
          errors == null ? null : lines::add);
      if (errors != null) Files.write(errors, lines, StandardCharsets.UTF_8);
      var peer = dev.storytrack.eval.quotes.QuoteEvaluation.evaluate(docs,
          dev.storytrack.eval.quotes.QuoteMarkBaseline::extract, null);
      out.printf(Locale.ROOT, "PolNeAR %s, word-overlap match (token F1 >= %.1f, one-to-one)%n%n",
          split, dev.storytrack.eval.quotes.QuoteEvaluation.MATCH_F1);
      out.println("storytrack QuoteExtractor");
      out.print(ours.format());
      out.println();
      out.println("peer: quotation-mark regex");
      out.print(peer.format());
      out.flush();
      return Main.OK;
    }
  }
}
