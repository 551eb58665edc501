package dev.storytrack.cli;

import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.ReadSummary;
import dev.storytrack.extract.Extraction;
import dev.storytrack.extract.Extractor;
import dev.storytrack.quote.Quote;
import dev.storytrack.quote.QuoteExtractor;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "quotes",
    mixinStandardHelpOptions = true,
    description = {
      "Quotes and attributions of each article: what was said, who said it, the cue.",
      "Runs on the cleaned text (as extract prints it); with --json one JSON object per "
          + "article: id, quotes [{content, source, speaker, cue, direct, start, end}], offsets into "
          + "the cleaned text. Unreadable inputs are reported on stderr and skipped. See docs/quotes.md."
    })
final class QuotesCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "files, directories, or - for JSON Lines on stdin")
  List<String> inputs;

  @picocli.CommandLine.Mixin FormatOption format = new FormatOption();

  @picocli.CommandLine.Mixin FieldOptions fieldOptions = new FieldOptions();

  @Option(names = "--json", description = "one JSON object per line instead of a listing")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Extractor extractor = Main.pipeline(false).extractor();
    QuoteExtractor quotes = QuoteExtractor.english();
    long[] found = new long[1];
    long[] empty = new long[1];
    ReadSummary summary =
        ArticleReaders.read(
            inputs,
            format.format(),
            fieldOptions.map(),
            article -> {
              Extraction e = extractor.extract(article);
              if (!e.found()) {
                err.println("storytrack: " + article.id() + ": no article found");
                empty[0]++;
                return;
              }
              List<Quote> q = quotes.extract(e.text());
              if (json) {
                try {
                  out.println(Json.MAPPER.writeValueAsString(asJson(article.id(), q)));
                } catch (java.io.IOException ex) {
                  throw new UncheckedIOException(ex);
                }
              } else {
                if (found[0] > 0) out.println();
                listing(article.id(), e.article().title(), q, out);
              }
              found[0]++;
              out.flush();
            },
            problem -> err.println("storytrack: " + problem));
    out.flush();
    if (summary.problems() > 0 || empty[0] > 0) {
      err.printf(
          "storytrack: %d articles, %d without an article, %d inputs skipped%n",
          found[0], empty[0], summary.problems());
    }
    err.flush();
    return found[0] > 0 || summary.articles() + summary.problems() == 0 ? Main.OK : Main.FAILURE;
  }

  static Map<String, Object> asJson(String id, List<Quote> quotes) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Quote q : quotes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("content", q.content());
      m.put("source", q.source());
      m.put("speaker", q.speaker());
      m.put("cue", q.cue());
      m.put("direct", q.direct());
      m.put("start", q.start());
      m.put("end", q.end());
      list.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("quotes", list);
    return m;
  }

  static void listing(String id, String title, List<Quote> quotes, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s%s: %d quotes%n",
        id,
        title == null || title.isBlank() ? "" : " (" + Text.abbreviate(title, 60) + ")",
        quotes.size());
    for (Quote q : quotes) {
      String who = q.speaker() != null ? q.speaker() : q.source() != null ? q.source() : "?";
      if (q.source() != null && q.speaker() != null && !q.source().equals(q.speaker())) {
        who += " (\"" + q.source() + "\")";
      }
      out.printf(
          Locale.ROOT,
          "  %s %s%s [%d-%d]%n",
          q.direct() ? "direct  " : "reported",
          who,
          q.cue() == null ? "" : ", " + q.cue(),
          q.start(),
          q.end());
      String c = q.direct() ? "\u201c" + q.content() + "\u201d" : q.content();
      out.println(Text.indent(Text.wrap(c.replaceAll("\\s+", " "), 88), "      "));
    }
  }
}
