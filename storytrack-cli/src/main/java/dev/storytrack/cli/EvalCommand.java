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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrack eval ...}: quality measurements against labelled data. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measure storytrack against labelled data.",
    subcommands = {
      EvalExtractionCommand.class,
      EvalMetadataCommand.class,
      EvalLearnBlocksCommand.class,
      EvalVersionsCommand.class,
      EvalCommand.Clustering.class,
      EvalCommand.ConvertGiveMe5W1H.class,
      EvalCommand.CrossValidate.class,
      EvalCommand.TrainLinker.class,
      EvalPeersCommand.class,
      EvalCommand.Quotes.class,
      EvalCommand.Topics.class
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
  /** The extractor of the CLI's pipeline: eval cleans as cluster, ingest and serve clean. */
  static dev.storytrack.extract.Extractor extractor() {
    return Main.pipeline(false).extractor();
  }

  static List<Article> articles(Path file) throws Exception {
    List<Article> a = EvalData.readArticles(file);
    if (a.isEmpty()) throw new IllegalArgumentException(file + ": no articles");
    return EvalData.withMainText(a, extractor());
  }

  @Command(
      name = "clustering",
      mixinStandardHelpOptions = true,
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

    @Option(
        names = "--embeddings",
        description =
            "use the link model with sentence embeddings " + "(MiniLM, about 20 ms per article)")
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
        StoryClusterer c =
            embeddings
                ? new StoryClusterer(
                    LinkModel.shippedWithEmbeddings(), TermStats.background(), o, Main.embedder())
                : new StoryClusterer(LinkModel.shipped(), TermStats.background(), o);
        // Cleaned as storytrack cluster cleans its input: this scores what users run.
        c.addAll(PublicationOrder.sort(EvalData.cleaned(articles(articles), extractor())));
        c.finish();
        pred = c.assignments();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(ClusteringScores.compute(pred, g).format());
      out.flush();
      return Main.OK;
    }
  }

  @Command(
      name = "convert-giveme5w1h",
      mixinStandardHelpOptions = true,
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
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "%d articles, %d stories, %d files skipped -> %s%n",
              c.articles().size(),
              c.gold().values().stream().distinct().count(),
              c.skipped(),
              out);
      return Main.OK;
    }
  }

  /** The labelled sets named by paired {@code --articles} and {@code --gold} options. */
  static List<CrossValidation.LabelledData> sets(List<Path> articles, List<Path> gold)
      throws Exception {
    if (articles.size() != gold.size()) {
      throw new IllegalArgumentException(
          "give one --gold per --articles ("
              + articles.size()
              + " --articles, "
              + gold.size()
              + " --gold)");
    }
    List<CrossValidation.LabelledData> sets = new java.util.ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      Path dir = articles.get(i).toAbsolutePath().getParent();
      String name =
          dir == null || dir.getFileName() == null ? "set" + (i + 1) : dir.getFileName().toString();
      // Cleaned as storytrack cluster cleans its input: the model learns from what it meets in use
      // (on the given texts it scored 0.90-0.93 held out but lower on the cleaned ones users run).
      sets.add(
          new CrossValidation.LabelledData(
              name, EvalData.cleaned(articles(articles.get(i)), extractor()), gold(gold.get(i))));
    }
    return sets;
  }

  @Command(
      name = "cross-validate",
      mixinStandardHelpOptions = true,
      description =
          "Cross-validate the clustering grouped by gold story: learn one model on k-1 "
              + "folds of every set given, cluster each set's held-out fold; scores per set.")
  static final class CrossValidate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--articles",
        required = true,
        description =
            "articles.jsonl of a labelled set; repeat for several sets (learned together)")
    List<Path> articles;

    @Option(
        names = "--gold",
        required = true,
        description = "gold.jsonl ({\"id\",\"story\"}) for each --articles, in the same order")
    List<Path> gold;

    @Option(
        names = "--folds",
        defaultValue = "5",
        description = "number of folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--no-merge", description = "disable the merge step")
    boolean noMerge;

    @Option(names = "--merge", description = "enable the merge step")
    boolean merge;

    @Option(
        names = "--embeddings",
        description =
            "also learn the sentence-embedding feature " + "(MiniLM, about 20 ms per article)")
    boolean embeddings;

    @Option(
        names = "--setting",
        defaultValue = "held-out",
        description =
            "held-out: cluster each held-out fold alone; whole-stream: cluster the whole "
                + "set with the model learned without the fold's labels and score the fold's "
                + "articles (keeps a dense stream dense) (default: ${DEFAULT-VALUE})")
    String setting;

    @Option(
        names = "--fold-key",
        description =
            "regular expression whose first group, found in a "
                + "gold story id, names a group kept in one fold (e.g. 'ecb-(\\d+)' keeps both events of "
                + "an ECB+ topic together); stories it does not match are their own group")
    String foldKey;

    @Mixin WindowOptions window;

    @Mixin OwnStoriesOption learning;

    @Override
    public Integer call() throws Exception {
      ClusterOptions o = window.apply(ClusterOptions.defaults());
      if (noMerge) o = o.withMerge(false);
      if (merge) o = o.withMerge(true);
      CrossValidation.Setting st =
          switch (setting) {
            case "held-out" -> CrossValidation.Setting.HELD_OUT_ONLY;
            case "whole-stream" -> CrossValidation.Setting.WHOLE_STREAM;
            default ->
                throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--setting must be held-out or whole-stream: " + setting);
          };
      java.util.function.UnaryOperator<String> key = null;
      if (foldKey != null) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(foldKey);
        key =
            id -> {
              java.util.regex.Matcher m = p.matcher(id);
              return m.find() && m.groupCount() >= 1 ? "group:" + m.group(1) : id;
            };
      }
      PrintWriter out = spec.commandLine().getOut();
      Map<String, CrossValidation.Result> results =
          CrossValidation.run(
              sets(articles, gold),
              folds,
              o,
              embeddings ? Main.embedder() : null,
              line -> System.err.println("storytrack: " + line),
              st,
              key,
              learning.ownStories);
      for (Map.Entry<String, CrossValidation.Result> e : results.entrySet()) {
        CrossValidation.Result r = e.getValue();
        out.printf(Locale.ROOT, "== %s%n", e.getKey());
        for (CrossValidation.Fold f : r.folds()) {
          out.printf(
              Locale.ROOT,
              "fold %d  articles %4d  stories %4d/%4d  B3 P %.3f R %.3f F1 %.3f  pair F1 %.3f"
                  + "  threshold %.3f  (worst training set F1 %.3f)%n",
              f.fold(),
              f.scores().articles(),
              f.scores().stories(),
              f.scores().goldStories(),
              f.scores().bcubedPrecision(),
              f.scores().bcubedRecall(),
              f.scores().bcubedF1(),
              f.scores().pairF1(),
              f.threshold(),
              f.trainF1());
        }
        out.printf(
            Locale.ROOT, "mean B-cubed F1 over folds %.4f%npooled held-out:%n", r.meanBcubedF1());
        out.print(r.pooled().format());
      }
      out.flush();
      return Main.OK;
    }
  }

  @Command(
      name = "train-linker",
      mixinStandardHelpOptions = true,
      description =
          "Learn the link model and background document frequencies from labelled "
              + "articles (one set or several, learned together); writes model.json and df.json.")
  static final class TrainLinker implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--articles",
        required = true,
        description = "articles.jsonl of a labelled set; repeat for several sets")
    List<Path> articles;

    @Option(
        names = "--gold",
        required = true,
        description = "gold.jsonl for each --articles, in the same order")
    List<Path> gold;

    @Option(
        names = "--out",
        defaultValue = "storytrack-core/src/main/resources/dev/storytrack/link",
        description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
        names = "--description",
        description =
            "what the model was learned from " + "(default: the sets' folder names and sizes)")
    String description;

    @Option(
        names = "--embeddings",
        description =
            "also learn the sentence-embedding feature; "
                + "writes model-embeddings.json instead of model.json")
    boolean embeddings;

    @Mixin WindowOptions window;

    @Mixin OwnStoriesOption learning;

    @Override
    public Integer call() throws Exception {
      List<CrossValidation.LabelledData> data = sets(articles, gold);
      List<LinkTrainer.LabelledSet> sets = new java.util.ArrayList<>();
      StringBuilder what = new StringBuilder();
      for (CrossValidation.LabelledData d : data) {
        Map<String, String> g = d.gold();
        sets.add(
            new LinkTrainer.LabelledSet(
                d.name(), d.articles(), g, pred -> ClusteringScores.compute(pred, g).bcubedF1()));
        if (what.length() > 0) what.append(", ");
        what.append(
            String.format(
                Locale.ROOT,
                "%s (%d articles, %d stories)",
                d.name(),
                d.articles().size(),
                g.values().stream().distinct().count()));
      }
      String desc = description != null ? description : what.toString();
      LinkTrainer.Trained t =
          LinkTrainer.train(
              sets,
              window.apply(ClusterOptions.defaults()),
              embeddings ? Main.embedder() : null,
              null,
              learning.ownStories);
      LinkModel m =
          t.model()
              .withTrainedOn(
                  desc
                      + "; "
                      + t.positives()
                      + " positive and "
                      + t.negatives()
                      + " negative article/story pairs ("
                      + (learning.ownStories
                          ? "gold replay, then the model's own stories on the dated sets"
                          : "gold replay")
                      + "), each set weighted equally; threshold "
                      + "maximizes the worst set's training B-cubed F1 (smoothed)");
      Files.createDirectories(out);
      Files.writeString(
          out.resolve(embeddings ? "model-embeddings.json" : "model.json"),
          m.toJson(),
          StandardCharsets.UTF_8);
      if (!embeddings) {
        Files.writeString(
            out.resolve("df.json"),
            t.documentFrequencies().toJson(2, "document frequencies of " + desc).toPrettyString()
                + "\n",
            StandardCharsets.UTF_8);
      }
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "threshold %.3f, worst set's training B-cubed F1 %.4f (smoothed; fitted, not cross-validated) -> %s%n",
              m.threshold(),
              t.trainF1(),
              out);
      return Main.OK;
    }
  }

  @Command(
      name = "quotes",
      mixinStandardHelpOptions = true,
      description = {
        "Score quote extraction on PolNeAR (brat standoff): content by word overlap "
            + "(token F1 >= 0.5, one-to-one), over all attributions and direct quotes, with and "
            + "without the source right; the quotation-mark regex peer is scored the same way.",
        "See docs/quotes.md."
      })
  static final class Quotes implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--data",
        required = true,
        description = "PolNeAR data folder (holds train/, dev/)")
    Path data;

    @Option(
        names = "--split",
        defaultValue = "dev",
        description = "train or dev (default: ${DEFAULT-VALUE})")
    String split;

    @Option(
        names = "--errors",
        description =
            "write the extractor's misses and false alarms here (for error analysis on train)")
    Path errors;

    @Override
    public Integer call() throws Exception {
      if (!split.equals("train") && !split.equals("dev")) {
        throw new IllegalArgumentException("--split: train or dev, not " + split);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<dev.storytrack.eval.quotes.PolNear.Doc> docs =
          dev.storytrack.eval.quotes.PolNear.read(
              data, split, p -> err.println("storytrack: " + p));
      if (docs.isEmpty()) throw new IllegalArgumentException(data.resolve(split) + ": no articles");
      dev.storytrack.quote.QuoteExtractor extractor = dev.storytrack.quote.QuoteExtractor.english();
      // One untimed pass loads the word lists and warms the JIT before the timed run.
      for (var d : docs) extractor.extract(d.text());
      List<String> lines = new java.util.ArrayList<>();
      var ours =
          dev.storytrack.eval.quotes.QuoteEvaluation.evaluate(
              docs, extractor::extract, errors == null ? null : lines::add);
      if (errors != null) Files.write(errors, lines, StandardCharsets.UTF_8);
      var peer =
          dev.storytrack.eval.quotes.QuoteEvaluation.evaluate(
              docs, dev.storytrack.eval.quotes.QuoteMarkBaseline::extract, null);
      out.printf(
          Locale.ROOT,
          "PolNeAR %s, word-overlap match (token F1 >= %.1f, one-to-one)%n%n",
          split,
          dev.storytrack.eval.quotes.QuoteEvaluation.MATCH_F1);
      out.println("storytrack QuoteExtractor");
      out.print(ours.format());
      out.println();
      out.println("peer: quotation-mark regex");
      out.print(peer.format());
      out.flush();
      return Main.OK;
    }
  }

  @Command(
      name = "topics",
      mixinStandardHelpOptions = true,
      description =
          "Score the topic level above stories (stories of one kind grouped) against "
              + "gold topics derived from the gold story ids.")
  static final class Topics implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--articles", required = true, description = "articles.jsonl")
    Path articles;

    @Option(names = "--gold", required = true, description = "gold.jsonl ({\"id\",\"story\"})")
    Path gold;

    @Option(
        names = "--topic-key",
        required = true,
        description =
            "regular expression whose first "
                + "group, found in a gold story id, is its gold topic (e.g. 'ecb-(\\d+)')")
    String topicKey;

    @Mixin WindowOptions window;

    @Override
    public Integer call() throws Exception {
      Map<String, String> g = gold(gold);
      java.util.regex.Pattern p = java.util.regex.Pattern.compile(topicKey);
      Map<String, String> goldTopic = new java.util.HashMap<>();
      g.forEach(
          (id, story) -> {
            java.util.regex.Matcher m = p.matcher(story);
            goldTopic.put(id, m.find() && m.groupCount() >= 1 ? m.group(1) : story);
          });
      StoryClusterer c =
          new StoryClusterer(
              LinkModel.shipped(), TermStats.background(), window.apply(ClusterOptions.defaults()));
      c.addAll(PublicationOrder.sort(EvalData.cleaned(articles(articles), extractor())));
      c.finish();
      Map<String, String> stories = c.assignments();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "stories as topics        B3 F1 %.4f%n",
          ClusteringScores.compute(stories, goldTopic).bcubedF1());
      // Two halves of the gold topics: a threshold chosen on one half is scored on the other.
      List<String> topics = goldTopic.values().stream().distinct().sorted().toList();
      java.util.Set<String> half = new java.util.HashSet<>();
      for (int i = 0; i < topics.size(); i += 2) half.add(topics.get(i));
      double[] best = {-1, -1};
      double[] bestT = {0, 0};
      for (int i = 1; i <= 19; i++) {
        double t = i * 0.05;
        Map<String, String> pred = topicsOf(stories, c.topics(t));
        for (int h = 0; h < 2; h++) {
          double f = onHalf(pred, goldTopic, half, h == 0);
          if (f > best[h]) {
            best[h] = f;
            bestT[h] = t;
          }
        }
        ClusteringScores all = ClusteringScores.compute(pred, goldTopic);
        out.printf(
            Locale.ROOT,
            "threshold %.2f  topics %4d  B3 P %.3f R %.3f F1 %.4f%n",
            t,
            all.stories(),
            all.bcubedPrecision(),
            all.bcubedRecall(),
            all.bcubedF1());
      }
      // Held out: each half scored at the threshold learned on the other.
      double held = 0;
      for (int h = 0; h < 2; h++) {
        double t = bestT[1 - h];
        double f = onHalf(topicsOf(stories, c.topics(t)), goldTopic, half, h == 0);
        out.printf(
            Locale.ROOT,
            "half %d at threshold %.2f (learned on the other half): B3 F1 %.4f%n",
            h,
            t,
            f);
        held += f / 2;
      }
      out.printf(
          Locale.ROOT,
          "held-out mean B3 F1 %.4f; shipped threshold %.2f: B3 F1 %.4f%n",
          held,
          StoryClusterer.TOPIC_THRESHOLD,
          ClusteringScores.compute(
                  topicsOf(stories, c.topics(StoryClusterer.TOPIC_THRESHOLD)), goldTopic)
              .bcubedF1());
      out.flush();
      return Main.OK;
    }

    /**
     * B-cubed F1 on the articles whose gold topic is ({@code inHalf}) or is not in {@code half}.
     */
    private static double onHalf(
        Map<String, String> pred,
        Map<String, String> goldTopic,
        java.util.Set<String> half,
        boolean inHalf) {
      Map<String, String> gp = new java.util.HashMap<>();
      Map<String, String> pp = new java.util.HashMap<>();
      goldTopic.forEach(
          (a, tp) -> {
            if (half.contains(tp) == inHalf && pred.get(a) != null) {
              gp.put(a, tp);
              pp.put(a, pred.get(a));
            }
          });
      return ClusteringScores.compute(pp, gp).bcubedF1();
    }

    private static Map<String, String> topicsOf(
        Map<String, String> stories, Map<String, String> t) {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      stories.forEach((a, s) -> out.put(a, t.get(s)));
      return out;
    }
  }
}
