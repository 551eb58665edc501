package dev.storytrack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.eval.extraction.MetadataEvaluation;
import dev.storytrack.eval.extraction.Split;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrack eval metadata}: title, date and author accuracy on WCXB's labels. */
@Command(
    name = "metadata",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the title, published date and authors storytrack reads from each page against "
          + "WCXB's labels (title, publish_date, author). See docs/extraction.md."
    })
final class EvalMetadataCommand implements Callable<Integer> {
  @Option(
      names = "--path",
      required = true,
      paramLabel = "DIR",
      description = "the WCXB folder (e.g. ../shared/data/wcxb-articles-dev)")
  Path path;

  @Option(
      names = "--split",
      description = "all, dev or holdout (as for eval extraction); default: ${DEFAULT-VALUE}")
  String split = "all";

  @Option(
      names = "--show",
      paramLabel = "N",
      description =
          "also list up to N pages whose title, date or authors differ (for development: dev split only)")
  int show = 0;

  @Option(names = "--json", description = "print one JSON object instead of the report")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Split s;
    try {
      s = Split.valueOf(split.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--split must be all, dev or holdout, not '" + split + "'");
    }
    MetadataEvaluation.Report r =
        MetadataEvaluation.wcxb(path, s, Main.pipeline(false).extractor());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode n = new ObjectMapper().createObjectNode();
      n.put("split", s.name().toLowerCase(Locale.ROOT));
      n.put("pages", r.pages());
      n.put("titleExact", r.titleExact());
      n.put("titleWordF1", r.titleWordF1());
      n.put("dateRecall", r.dateRecall());
      n.put("dateRecallWithinDay", r.dateRecallWithinDay());
      n.put("datePrecision", r.datePrecision());
      n.put("dateSpurious", r.dateSpurious());
      n.put("authorPrecision", r.authorPrecision());
      n.put("authorRecall", r.authorRecall());
      n.put("authorF1", r.authorF1());
      out.println(n);
      return Main.OK;
    }
    out.printf(
        Locale.ROOT,
        "WCXB metadata, split %s: %d pages%n",
        s.name().toLowerCase(Locale.ROOT),
        r.pages());
    out.printf(
        Locale.ROOT,
        "  title    exact %.3f  word F1 %.3f  (%d labelled)%n",
        r.titleExact(),
        r.titleWordF1(),
        r.titles());
    out.printf(
        Locale.ROOT,
        "  date     same day %.3f  within a day %.3f  precision %.3f  (%d labelled; %d found on unlabelled pages)%n",
        r.dateRecall(),
        r.dateRecallWithinDay(),
        r.datePrecision(),
        r.dates(),
        r.dateSpurious());
    out.printf(
        Locale.ROOT,
        "  authors  precision %.3f  recall %.3f  F1 %.3f  (%d labelled names)%n",
        r.authorPrecision(),
        r.authorRecall(),
        r.authorF1(),
        r.authorNames());
    int shown = 0;
    for (MetadataEvaluation.Page p : r.perPage()) {
      if (shown >= show) break;
      boolean t = !p.titleMatches();
      boolean d = !p.date().equals(p.foundDate());
      boolean a = !p.authorsMatch();
      if (!t && !d && !a) continue;
      shown++;
      out.printf(Locale.ROOT, "%s%n", p.id());
      if (t) out.printf(Locale.ROOT, "    title   %s%n         vs %s%n", p.title(), p.foundTitle());
      if (d) out.printf(Locale.ROOT, "    date    %s vs %s%n", p.date(), p.foundDate());
      if (a) out.printf(Locale.ROOT, "    authors %s vs %s%n", p.authors(), p.foundAuthors());
    }
    return Main.OK;
  }
}
