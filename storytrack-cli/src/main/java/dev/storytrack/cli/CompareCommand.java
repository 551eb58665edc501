package dev.storytrack.cli;

import dev.storytrack.Storytrack;
import dev.storytrack.align.Passage;
import dev.storytrack.align.Segment;
import dev.storytrack.align.Variant;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.compare.Comparison;
import dev.storytrack.extract.Removed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Same report or not, same story or not, shared passages, differences and variants of two articles.",
      "",
      "Cleans both articles, then says whether one reuses the other's text (same report) and whether "
          + "they tell the same story (the learned link model), which passages they share, which "
          + "sentences only one has (with offsets into both cleaned texts) and where they use other words "
          + "for the same thing (variants, with a kind: figure, date, name, spelling, wording).",
      "See docs/compare.md for the JSON schema."
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "A",
      description = "first article: a text, HTML, JSONL or WARC file")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "second article")
  Path b;

  @picocli.CommandLine.Mixin FormatOption format = new FormatOption();

  @picocli.CommandLine.Mixin FieldOptions fieldOptions = new FieldOptions();

  @Option(names = "--json", description = "print one JSON object instead of the report")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Article first = ArticleReaders.readOne(a, format.format(), fieldOptions.map());
    Article second = ArticleReaders.readOne(b, format.format(), fieldOptions.map());
    Comparison c = Storytrack.compare(first, second);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(c));
    } else {
      report(c, out);
    }
    out.flush();
    return Main.OK;
  }

  static void report(Comparison c, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s (score %.2f)%n",
        c.sameReport() ? "SAME REPORT" : "NOT THE SAME REPORT",
        c.score());
    out.println("  " + c.reason());
    out.printf(
        Locale.ROOT,
        "%s (probability %.2f)%n  story-link model: %s%n",
        c.sameStory() ? "SAME STORY" : "DIFFERENT STORIES",
        c.link().probability(),
        c.link().reason());
    out.println();
    side("A", c.a(), out);
    side("B", c.b(), out);
    out.println();
    out.printf(Locale.ROOT, "Shared passages (%d):%n", c.passages().size());
    int n = 1;
    for (Passage p : c.passages()) {
      out.printf(
          Locale.ROOT,
          "  %d. %d words  A[%d-%d]  B[%d-%d]%n",
          n++,
          p.words(),
          p.aStart(),
          p.aEnd(),
          p.bStart(),
          p.bEnd());
      out.println(Text.indent(Text.wrap(p.text().replaceAll("\\s+", " "), 92), "     "));
    }
    onlyIn("A", "B", c.onlyInA(), out);
    onlyIn("B", "A", c.onlyInB(), out);
    out.println();
    out.printf(Locale.ROOT, "Variants (%d):%n", c.variants().size());
    for (Variant v : c.variants()) {
      out.printf(Locale.ROOT, "  %-30s <> %-30s (%s)%n", v.a(), v.b(), v.kind());
    }
    out.println();
    out.printf(Locale.ROOT, "Quotes (%d):%n", c.quotes().size());
    for (dev.storytrack.quote.QuotePairing.Pair q : c.quotes()) {
      out.printf(
          Locale.ROOT,
          "  %s  %s%n",
          q.relation().json(),
          q.speaker() == null ? "(speaker unknown)" : q.speaker());
      if (q.a() != null)
        out.println(Text.indent(Text.wrap("A: \u201c" + q.a().content() + "\u201d", 92), "     "));
      if (q.b() != null)
        out.println(Text.indent(Text.wrap("B: \u201c" + q.b().content() + "\u201d", 92), "     "));
      for (dev.storytrack.quote.QuotePairing.WordChange d : q.diff()) {
        out.printf(
            Locale.ROOT,
            "     changed: %s -> %s%n",
            d.a().isEmpty() ? "(nothing)" : d.a(),
            d.b().isEmpty() ? "(nothing)" : d.b());
      }
    }
    removed("A", c.a().removed(), out);
    removed("B", c.b().removed(), out);
  }

  private static void onlyIn(
      String name, String other, java.util.List<Segment> segments, PrintWriter out) {
    out.println();
    out.printf(Locale.ROOT, "Only in %s, lacking in %s (%d):%n", name, other, segments.size());
    for (Segment s : segments) {
      out.printf(Locale.ROOT, "  %s[%d-%d]%n", name, s.start(), s.end());
      out.println(Text.indent(Text.wrap(s.text().replaceAll("\\s+", " "), 92), "     "));
    }
  }

  private static void side(String name, Comparison.Side s, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s: %s%n   id %s, %d words, %.0f%% shared%n",
        name,
        s.title().isEmpty() ? "(untitled)" : s.title(),
        s.id(),
        s.words(),
        100 * s.shared());
  }

  private static void removed(String name, java.util.List<Removed> removed, PrintWriter out) {
    out.println();
    out.printf(Locale.ROOT, "Removed from %s (%d):%n", name, removed.size());
    for (Removed r : removed) {
      out.printf(Locale.ROOT, "  [%s] %s%n", r.reason(), Text.abbreviate(r.text(), 100));
    }
  }
}
