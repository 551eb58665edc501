package dev.storytrack.cli;

import dev.storytrack.eval.extraction.Benchmark;
import dev.storytrack.eval.extraction.BenchmarkPage;
import dev.storytrack.eval.extraction.ExtractionEvaluation;
import dev.storytrack.eval.extraction.ExtractionReport;
import dev.storytrack.eval.extraction.PageExtractor;
import dev.storytrack.eval.extraction.Predictions;
import dev.storytrack.eval.extraction.Split;
import dev.storytrack.extract.BlockModel;
import dev.storytrack.extract.Extractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "extraction",
    mixinStandardHelpOptions = true,
    description = {
      "Scores main-content extraction on a public benchmark with the benchmark's own metric:",
      "precision, recall, F1, pages/s (one thread, extraction only) and peak memory.",
      "See docs/extraction.md."
    })
final class EvalExtractionCommand implements Callable<Integer> {
  @Option(names = "--dataset", required = true, description = "scrapinghub, trafilatura or wcxb")
  String dataset;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "DIR",
      description = "the benchmark's folder (e.g. ../shared/data/scrapinghub-aeb)")
  Path path;

  @Option(
      names = "--split",
      description =
          "all, dev (70%% of pages by id hash) or holdout (the other 30%%); default: ${DEFAULT-VALUE}")
  String split = "all";

  @Option(
      names = "--predictions",
      paramLabel = "FILE",
      description = "score this file of precomputed outputs instead of running storytrack")
  Path predictions;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description =
          "unmeasured passes before the measured one (JIT warm-up); default: ${DEFAULT-VALUE}")
  int warmup = 0;

  @Option(
      names = "--worst",
      paramLabel = "N",
      description = "also list the N pages with the lowest F1")
  int worst = 0;

  @Option(
      names = "--blocks",
      paramLabel = "MODE",
      description =
          "who decides on the article's blocks: rules, model (the learned block model) or"
              + " combined (the model reading the rules' verdict too); default: ${DEFAULT-VALUE}")
  String blocks = "rules";

  @Option(
      names = "--block-model",
      paramLabel = "FILE",
      description = "the block model file for --blocks model|combined; default: the shipped one")
  Path blockModel;

  @Option(names = "--json", description = "print one JSON object instead of the report")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Benchmark benchmark = Benchmark.of(dataset);
    Split which = parseSplit(split);
    List<BenchmarkPage> pages = benchmark.load(path);
    ExtractionReport r =
        predictions != null
            ? ExtractionEvaluation.scorePredictions(
                benchmark, pages, which, Predictions.load(predictions))
            : ExtractionEvaluation.run(
                benchmark, pages, which, PageExtractor.storytrack(extractor()), warmup);
    PrintWriter out = spec.commandLine().getOut();
    if (json) out.println(Json.MAPPER.writeValueAsString(asJson(r)));
    else print(r, out);
    out.flush();
    return Main.OK;
  }

  private Extractor extractor() throws IOException {
    BlockModel.Mode mode;
    try {
      mode = BlockModel.Mode.of(blocks);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--blocks: " + e.getMessage());
    }
    Extractor e = Main.pipeline(false).extractor();
    if (mode == BlockModel.Mode.RULES) return e;
    return blockModel == null
        ? e.withBlocks(mode)
        : e.withBlocks(mode, BlockModel.read(blockModel));
  }

  private Split parseSplit(String s) {
    for (Split x : Split.values()) if (x.name().equalsIgnoreCase(s)) return x;
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "--split: expected all, dev or holdout, got '" + s + "'");
  }

  private void print(ExtractionReport r, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "dataset     %s, split %s: %d pages%n",
        r.benchmark().key(),
        r.split().name().toLowerCase(Locale.ROOT),
        r.pages());
    out.printf(Locale.ROOT, "metric      %s%n", r.metric());
    if (!blocks.equalsIgnoreCase("rules")) out.printf(Locale.ROOT, "blocks      %s%n", blocks);
    out.printf(Locale.ROOT, "precision   %.4f%n", r.precision());
    out.printf(Locale.ROOT, "recall      %.4f%n", r.recall());
    out.printf(Locale.ROOT, "F1          %.4f%n", r.f1());
    r.extra().forEach((k, v) -> out.printf(Locale.ROOT, "  %-30s %.4f%n", k, v));
    if (predictions == null) {
      out.printf(Locale.ROOT, "failed      %d%n", r.failed());
      out.printf(
          Locale.ROOT,
          "pages/s     %.1f (one thread, extraction only: %.2f s CPU, %.2f s wall; warm-up passes %d)%n",
          r.pagesPerSecond(),
          r.cpuSeconds(),
          r.extractSeconds(),
          warmup);
      out.printf(Locale.ROOT, "peak heap   %.1f MB%n", r.peakHeapBytes() / 1e6);
      long rss = peakRss();
      if (rss > 0) out.printf(Locale.ROOT, "peak RSS    %.1f MB (whole process)%n", rss / 1e6);
    } else {
      out.printf(Locale.ROOT, "predictions %s%n", predictions);
    }
    if (worst > 0) {
      out.println();
      out.println("worst pages (F1  P  R  id):");
      List<ExtractionReport.PageScore> sorted = new ArrayList<>(r.perPage());
      sorted.sort(Comparator.comparingDouble(ExtractionReport.PageScore::f1));
      for (ExtractionReport.PageScore p : sorted.subList(0, Math.min(worst, sorted.size()))) {
        out.printf(
            Locale.ROOT,
            "  %.3f %.3f %.3f  %s%s%n",
            p.f1(),
            p.precision(),
            p.recall(),
            p.id(),
            p.error() == null ? "" : "  (" + p.error() + ")");
      }
    }
  }

  private Map<String, Object> asJson(ExtractionReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", r.benchmark().key());
    m.put("split", r.split().name().toLowerCase(Locale.ROOT));
    m.put("pages", r.pages());
    m.put("metric", r.metric());
    m.put("precision", r.precision());
    m.put("recall", r.recall());
    m.put("f1", r.f1());
    m.put("extra", r.extra());
    if (predictions == null) {
      m.put("failed", r.failed());
      m.put("pagesPerSecond", r.pagesPerSecond());
      m.put("cpuSeconds", r.cpuSeconds());
      m.put("wallSeconds", r.extractSeconds());
      m.put("peakHeapBytes", r.peakHeapBytes());
      m.put("peakRssBytes", peakRss());
    }
    return m;
  }

  /** The process's peak resident set (VmHWM) on Linux, else 0. */
  static long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no figure
    }
    return 0;
  }
}
