package dev.storytrack.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.ReadProblem;
import dev.storytrack.article.ReadSummary;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.dedup.DedupResult;
import dev.storytrack.dedup.Deduplicator;
import dev.storytrack.dedup.DuplicateGroup;
import dev.storytrack.extract.Extractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = {
      "Finds exact and near-duplicate articles (MinHash over word shingles of the cleaned text, "
          + "LSH, union-find) and prints a summary. See docs/dedup.md."
    })
final class DedupCommand implements Callable<Integer> {
  private static final int MAX_REASONS = 5;

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "JSONL(.gz), WARC(.gz), text/HTML files or directories; - for JSONL on stdin")
  List<String> inputs;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description =
          "Jaccard similarity of 5-word shingle sets for near-duplicates (default: ${DEFAULT-VALUE})")
  double threshold = DedupConfig.DEFAULT_THRESHOLD;

  @Option(
      names = "--shingle-size",
      paramLabel = "K",
      description = "words per shingle (default: ${DEFAULT-VALUE})")
  int shingleSize = DedupConfig.DEFAULT_SHINGLE_SIZE;

  @Option(
      names = "--signature-size",
      paramLabel = "N",
      description = "MinHash components (default: ${DEFAULT-VALUE})")
  int signatureSize = DedupConfig.DEFAULT_SIGNATURE_SIZE;

  @Option(
      names = "--groups",
      paramLabel = "FILE",
      description = "write duplicate groups as JSON lines")
  Path groupsFile;

  @Option(
      names = "--keep",
      paramLabel = "FILE",
      description = "write the input records without duplicates as JSON lines")
  Path keepFile;

  @picocli.CommandLine.Mixin FormatOption formatOption = new FormatOption();

  @picocli.CommandLine.Mixin FieldOptions fieldOptions = new FieldOptions();

  @Option(names = "--threads", description = "signature threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--no-clean",
      description = "compare the text as given, without cleaning (faster; for clean corpora)")
  boolean noClean;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DedupConfig config;
    try {
      config =
          DedupConfig.defaults()
              .withThreshold(threshold)
              .withShingleSize(shingleSize)
              .withSignatureSize(signatureSize);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (keepFile != null && inputs.contains("-")) {
      // --keep re-reads the inputs (the index keeps no text), and stdin cannot be read twice.
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--keep needs files, not stdin (-): the inputs are read a second time");
    }
    OutputFiles.refuseInputs(spec.commandLine(), "--keep", keepFile, inputs, formatOption.format());
    OutputFiles.refuseInputs(
        spec.commandLine(), "--groups", groupsFile, inputs, formatOption.format());
    if (keepFile != null
        && groupsFile != null
        && keepFile.toAbsolutePath().normalize().equals(groupsFile.toAbsolutePath().normalize())) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--keep and --groups name the same file");
    }
    Function<Article, String> cleaner;
    if (noClean) {
      cleaner = Article::text;
    } else {
      Extractor extractor = Main.pipeline(false).extractor();
      cleaner = extractor::cleanText;
    }

    AtomicLong readProblems = new AtomicLong();
    List<String> reasons = new ArrayList<>();
    long start = System.nanoTime();
    DedupResult result;
    ReadSummary summary;
    try (Deduplicator dedup = new Deduplicator(config, cleaner, threads);
        Progress progress = new Progress("dedup", "docs", dedup::indexed, err)) {
      summary =
          ArticleReaders.read(
              inputs,
              formatOption.format(),
              fieldOptions.map(),
              dedup::accept,
              p -> note(p, readProblems, reasons));
      result = dedup.finish();
      progress.done();
      // Repeated ids were noted but not skipped: the summary counts only what was skipped.
      readProblems.set(summary.problems());
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    if (groupsFile != null) writeGroups(result);
    if (keepFile != null) writeKept(result);

    if (repeatedIds > MAX_REASONS) {
      err.printf(
          Locale.ROOT,
          "storytrack: %d records repeat an earlier id (the first %d named above); both records"
              + " are compared%n",
          repeatedIds,
          MAX_REASONS);
    }
    long skipped = readProblems.get() + result.failed();
    if (skipped > 0) {
      err.printf(Locale.ROOT, "storytrack: skipped %d malformed record(s)%n", skipped);
      List<String> all = new ArrayList<>(reasons);
      all.addAll(result.problems());
      for (String r : all.subList(0, Math.min(MAX_REASONS, all.size()))) err.println("  " + r);
    }
    long near = result.groups().size();
    out.printf(Locale.ROOT, "documents              %d%n", result.documents());
    out.printf(Locale.ROOT, "exact duplicates       %d%n", result.exactDuplicates());
    out.printf(
        Locale.ROOT,
        "near-duplicate groups  %d (%d documents dropped in all)%n",
        near,
        result.duplicates());
    out.printf(Locale.ROOT, "empty / skipped        %d / %d%n", result.empty(), skipped);
    out.printf(
        Locale.ROOT,
        "time                   %.1f s, %.0f docs/s%n",
        seconds,
        seconds > 0 ? result.documents() / seconds : 0);
    out.printf(
        Locale.ROOT,
        "index memory           %.1f MB, %.0f bytes/doc (LSH %d bands x %d rows)%n",
        result.indexBytes() / 1e6,
        result.bytesPerDocument(),
        result.plan().bands(),
        result.plan().rows());
    out.printf(Locale.ROOT, "peak memory            %s%n", peakMemory());
    out.flush();
    // As ingest and cluster: a run that could read no article at all failed.
    return FieldOptions.nothingRead(summary, err) ? Main.FAILURE : Main.OK;
  }

  private long repeatedIds;

  private synchronized void note(ReadProblem p, AtomicLong count, List<String> reasons) {
    if (p.duplicateId()) {
      // Dedup compares texts, whatever their ids: both records take part, none replaces the other.
      if (++repeatedIds <= MAX_REASONS) {
        spec.commandLine()
            .getErr()
            .println("storytrack: " + p.withConsequence("both records are compared"));
      }
      return;
    }
    count.incrementAndGet();
    if (reasons.size() < MAX_REASONS) reasons.add(p.toString());
  }

  private void writeGroups(DedupResult result) throws IOException {
    OutputFiles.write(groupsFile, w -> writeGroups(result, w));
  }

  private static void writeGroups(DedupResult result, java.io.Writer w) throws IOException {
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(w)) {
      g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      for (DuplicateGroup group : result.groups()) {
        g.writeStartObject();
        g.writeStringField("representative", group.representative());
        g.writeArrayFieldStart("members");
        for (DuplicateGroup.Member m : group.members()) {
          g.writeStartObject();
          g.writeStringField("id", m.id());
          g.writeNumberField("similarity", Math.round(m.similarity() * 1000) / 1000.0);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeRaw('\n');
    }
  }

  /** Second pass over the inputs: the index keeps no texts, so kept records are read again. */
  private void writeKept(DedupResult result) throws IOException {
    AtomicLong ordinal = new AtomicLong();
    OutputFiles.write(
        keepFile,
        w -> {
          ArticleReaders.read(
              inputs,
              formatOption.format(),
              fieldOptions.map(),
              a -> {
                if (result.keep(ordinal.getAndIncrement())) {
                  try {
                    ArticleJson.writeLine(a, w);
                  } catch (IOException e) {
                    throw new UncheckedIOException(keepFile + ": " + e.getMessage(), e);
                  }
                }
              },
              p -> {});
        });
  }

  static String peakMemory() {
    long heap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        heap += pool.getPeakUsage().getUsed();
      }
    }
    String rss = "";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          rss = String.format(Locale.ROOT, "RSS %.0f MB, ", kb / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: the heap figure alone.
    }
    return String.format(Locale.ROOT, "%sheap %.0f MB (sum of pool peaks)", rss, heap / 1048576.0);
  }
}
