package dev.storytrack.cli;

import dev.storytrack.eval.extraction.Benchmark;
import dev.storytrack.eval.extraction.BlockLearner;
import dev.storytrack.extract.BlockModel;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrack eval learn-blocks}: learns the block model from the benchmarks' dev pages. */
@Command(
    name = "learn-blocks",
    mixinStandardHelpOptions = true,
    description = {
      "Learns the block model (how much link density, length, position and word-list hits count "
          + "for keeping a block) from the dev pages of the three extraction benchmarks, tunes each "
          + "model's thresholds on their dev F1 and writes the versioned JSON. Holdout pages are "
          + "not read. See docs/extraction.md, \"Learned block model\"."
    })
final class EvalLearnBlocksCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "folder holding scrapinghub-aeb, trafilatura-eval and wcxb-articles-dev;"
              + " default: ${DEFAULT-VALUE}")
  Path data = Path.of("../shared/data");

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description =
          "the model file to write (the shipped one:"
              + " storytrack-core/src/main/resources/dev/storytrack/extract/block-model.json)")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<BlockLearner.Source> sources =
        List.of(
            source(Benchmark.SCRAPINGHUB, "scrapinghub-aeb"),
            source(Benchmark.TRAFILATURA, "trafilatura-eval"),
            source(Benchmark.WCXB, "wcxb-articles-dev"));
    PrintWriter log = spec.commandLine().getErr();
    BlockModel m = BlockLearner.learn(sources, LocalDate.now(ZoneOffset.UTC).toString(), log);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(out, m.toJson(), StandardCharsets.UTF_8);
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        "wrote "
            + out
            + " (thresholds: model "
            + m.model().threshold()
            + ", combined keep "
            + m.combined().threshold()
            + " restore "
            + m.combined().restore()
            + ")");
    o.flush();
    return Main.OK;
  }

  private BlockLearner.Source source(Benchmark b, String folder) throws NoSuchFileException {
    Path dir = data.resolve(folder);
    if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir + " (not a directory)");
    return new BlockLearner.Source(b, dir);
  }
}
