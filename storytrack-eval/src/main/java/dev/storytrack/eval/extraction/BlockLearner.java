package dev.storytrack.eval.extraction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.article.Article;
import dev.storytrack.extract.BlockModel;
import dev.storytrack.extract.Extractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Learns the block model ({@link BlockModel}) from the dev pages of the extraction benchmarks: the
 * blocks the line rules judge on each page, labelled by the page's own labels ({@link
 * BlockLabels}), weigh the signals of both models by logistic regression; each model's thresholds
 * are then chosen among {@link #THRESHOLDS} and {@link #RESTORES} on the benchmarks' dev pages,
 * measured as {@code eval extraction} measures them ({@link #better}). Holdout pages are never
 * read.
 */
public final class BlockLearner {
  private BlockLearner() {}

  /** One benchmark and its folder. */
  public record Source(Benchmark benchmark, Path dir) {}

  public static final double L2 = 1e-3;
  public static final int ITERATIONS = 1000;

  /**
   * The keep thresholds tried. Low, because the classes are weighted to balance while most blocks
   * the rules judge are content: a first sweep from 0.2 to 0.8 fell the further from 0.2.
   */
  public static final List<Double> THRESHOLDS =
      List.of(0.01, 0.02, 0.03, 0.06, 0.1, 0.15, 0.2, 0.3);

  /**
   * The restore thresholds tried for the combined model, after its keep threshold; 2: never. Low
   * too: a block the rules removed starts far down (a first sweep from 0.5 up restored none).
   */
  public static final List<Double> RESTORES = List.of(0.1, 0.2, 0.3, 0.4, 2.0);

  /**
   * Learns both models from the dev pages of {@code sources}, reporting progress and the dev
   * figures to {@code log}.
   *
   * @param date the date written into the model (ISO)
   */
  public static BlockModel learn(List<Source> sources, String date, PrintWriter log)
      throws IOException {
    Extractor rules = Extractor.defaults();
    List<List<BlockModel.Labelled>> perSet = new ArrayList<>();
    List<List<BenchmarkPage>> pagesPerSet = new ArrayList<>();
    ObjectNode training = JsonNodeFactory.instance.objectNode();
    training.put(
        "split",
        "dev pages only: SHA-256 of the page id, first 4 bytes mod 100, below 70 (eval extraction"
            + " --split dev)");
    training.put(
        "labels",
        "Scrapinghub, WCXB: a block of 3+ words is content when half its word trigrams are in the"
            + " main text, a shorter one when it is a line of it; trafilatura: content when it holds"
            + " a 'with' snippet, not when it holds a 'without' one, else unlabelled");
    training.put(
        "weights",
        "main-text pages: block words over the page's, times its blocks (pages count alike);"
            + " trafilatura: snippets held; each benchmark weighs the same in all");
    training.put("l2", L2);
    training.put("iterations", ITERATIONS);
    ArrayNode data = training.putArray("data");
    for (Source s : sources) {
      List<BenchmarkPage> dev =
          s.benchmark().load(s.dir()).stream().filter(p -> Split.DEV.contains(p.id())).toList();
      pagesPerSet.add(dev);
      List<BlockModel.Labelled> labelled = new ArrayList<>();
      int blocks = 0;
      int failed = 0;
      for (BenchmarkPage p : dev) {
        List<BlockModel.Sample> samples;
        try {
          Article a = PageExtractor.article(p, p.readHtml());
          samples = rules.blockSamples(a);
        } catch (IOException | RuntimeException e) {
          log.println(s.benchmark().key() + " " + p.id() + ": skipped (" + e.getMessage() + ")");
          failed++;
          continue;
        }
        blocks += samples.size();
        labelled.addAll(label(new BlockLabels(p), samples));
      }
      perSet.add(labelled);
      long positive = labelled.stream().filter(BlockModel.Labelled::content).count();
      ObjectNode d = data.addObject();
      d.put("benchmark", s.benchmark().key());
      d.put("folder", s.dir().getFileName().toString());
      d.put("pages", dev.size());
      d.put("blocks", blocks);
      d.put("labelled", labelled.size());
      d.put("content", positive);
      if (failed > 0) d.put("unreadable", failed);
      log.printf(
          Locale.ROOT,
          "%s: %d dev pages, %d blocks, %d labelled (%d content)%n",
          s.benchmark().key(),
          dev.size(),
          blocks,
          labelled.size(),
          positive);
      log.flush();
    }
    List<BlockModel.Labelled> all = balanced(perSet);
    BlockModel model =
        new BlockModel(
            BlockModel.VERSION,
            date,
            training,
            BlockModel.fit(BlockModel.Mode.MODEL, all, L2, ITERATIONS),
            BlockModel.fit(BlockModel.Mode.COMBINED, all, L2, ITERATIONS));
    ObjectNode dev = training.putObject("devF1");
    double[] base = f1s(sources, pagesPerSet, rules);
    dev.set("rules", figures(sources, base));
    log.println("rules      dev F1 " + line(base));
    ObjectNode sweep = training.putObject("thresholdSweep");
    // The signals-only model: one threshold for every block.
    Tuned m =
        tune(
            base,
            sources,
            pagesPerSet,
            model,
            BlockModel.Mode.MODEL,
            THRESHOLDS,
            null,
            sweep.putObject("model"),
            log);
    model = m.model();
    dev.set("model", figures(sources, m.f1()));
    // The combined model: first the threshold under which a kept block goes (none comes back),
    // then the one over which a removed block comes back.
    Tuned keep =
        tune(
            base,
            sources,
            pagesPerSet,
            model,
            BlockModel.Mode.COMBINED,
            THRESHOLDS,
            2.0,
            sweep.putObject("combined-keep"),
            log);
    Tuned restore =
        tuneRestore(
            base, sources, pagesPerSet, keep.model(), sweep.putObject("combined-restore"), log);
    model = restore.model();
    dev.set("combined", figures(sources, restore.f1()));
    return model;
  }

  private record Tuned(BlockModel model, double[] f1) {}

  /**
   * The model with the keep threshold of {@code mode} that has the best mean dev F1; the restore
   * threshold is the same, or {@code restore} when given.
   */
  private static Tuned tune(
      double[] rules,
      List<Source> sources,
      List<List<BenchmarkPage>> pages,
      BlockModel model,
      BlockModel.Mode mode,
      List<Double> thresholds,
      Double restore,
      ObjectNode tried,
      PrintWriter log)
      throws IOException {
    Tuned best = null;
    for (double t : thresholds) {
      BlockModel m =
          model.with(mode, model.part(mode).withThresholds(t, restore == null ? t : restore));
      double[] f = f1s(sources, pages, Extractor.defaults().withBlocks(mode, m));
      tried.set(String.format(Locale.ROOT, "%.2f", t), figures(sources, f));
      log.printf(Locale.ROOT, "%-10s keep %.2f dev F1 %s%n", mode.label(), t, line(f));
      log.flush();
      if (best == null || better(f, best.f1(), rules)) best = new Tuned(m, f);
    }
    return best;
  }

  /** The combined model with the restore threshold of {@link #RESTORES} of best mean dev F1. */
  private static Tuned tuneRestore(
      double[] rules,
      List<Source> sources,
      List<List<BenchmarkPage>> pages,
      BlockModel model,
      ObjectNode tried,
      PrintWriter log)
      throws IOException {
    BlockModel.Mode mode = BlockModel.Mode.COMBINED;
    BlockModel.Part p = model.part(mode);
    Tuned best = null;
    for (double r : RESTORES) {
      BlockModel m = model.with(mode, p.withThresholds(p.threshold(), r));
      double[] f = f1s(sources, pages, Extractor.defaults().withBlocks(mode, m));
      tried.set(String.format(Locale.ROOT, "%.2f", r), figures(sources, f));
      log.printf(Locale.ROOT, "%-10s restore %.2f dev F1 %s%n", mode.label(), r, line(f));
      log.flush();
      if (best == null || better(f, best.f1(), rules)) best = new Tuned(m, f);
    }
    return best;
  }

  /**
   * Whether dev figures {@code f} beat {@code best}: holding the rules' F1 on every benchmark comes
   * first (what the model must do to become the default), then the mean F1.
   */
  static boolean better(double[] f, double[] best, double[] rules) {
    boolean holds = holds(f, rules);
    if (holds != holds(best, rules)) return holds;
    return mean(f) > mean(best);
  }

  private static boolean holds(double[] f, double[] rules) {
    for (int i = 0; i < f.length; i++) if (f[i] < rules[i]) return false;
    return true;
  }

  /** Labels each sample; unlabelled ones are left out. Weights per {@code training.weights}. */
  static List<BlockModel.Labelled> label(BlockLabels labels, List<BlockModel.Sample> samples) {
    List<BlockModel.Sample> kept = new ArrayList<>();
    List<BlockLabels.Label> got = new ArrayList<>();
    long words = 0;
    for (BlockModel.Sample s : samples) {
      BlockLabels.Label l = labels.of(s.text());
      if (l == null) continue;
      kept.add(s);
      got.add(l);
      words += Math.max(1, s.words());
    }
    List<BlockModel.Labelled> out = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      BlockLabels.Label l = got.get(i);
      double w =
          l.snippets() > 0
              ? l.snippets()
              : (double) Math.max(1, kept.get(i).words()) * kept.size() / words;
      out.add(new BlockModel.Labelled(kept.get(i), l.content(), w));
    }
    return out;
  }

  /** All examples, each benchmark's weights scaled to the same total (mean weight 1). */
  static List<BlockModel.Labelled> balanced(List<List<BlockModel.Labelled>> perSet) {
    int n = 0;
    int sets = 0;
    for (List<BlockModel.Labelled> s : perSet) {
      n += s.size();
      if (!s.isEmpty()) sets++;
    }
    List<BlockModel.Labelled> out = new ArrayList<>(n);
    for (List<BlockModel.Labelled> s : perSet) {
      double total = s.stream().mapToDouble(BlockModel.Labelled::weight).sum();
      for (BlockModel.Labelled l : s) {
        out.add(new BlockModel.Labelled(l.sample(), l.content(), l.weight() * n / (sets * total)));
      }
    }
    return out;
  }

  private static double[] f1s(
      List<Source> sources, List<List<BenchmarkPage>> pages, Extractor extractor)
      throws IOException {
    double[] f = new double[sources.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] =
          ExtractionEvaluation.run(
                  sources.get(i).benchmark(),
                  pages.get(i),
                  Split.DEV,
                  PageExtractor.storytrack(extractor),
                  0)
              .f1();
    }
    return f;
  }

  private static ObjectNode figures(List<Source> sources, double[] f1) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < f1.length; i++) {
      o.put(sources.get(i).benchmark().key(), Math.round(f1[i] * 10000) / 10000.0);
    }
    return o;
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) s += x;
    return s / xs.length;
  }

  private static String line(double[] f) {
    StringBuilder b = new StringBuilder();
    for (double x : f) b.append(String.format(Locale.ROOT, "%.4f ", x));
    return b.append(String.format(Locale.ROOT, "(mean %.4f)", mean(f))).toString();
  }
}
