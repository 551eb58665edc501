package dev.storytrack.cli;

import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.ReadSummary;
import dev.storytrack.extract.Extraction;
import dev.storytrack.extract.Extractor;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the article of each input: its text (documents separated by a blank line), or with "
          + "--json one JSON object per line: id, title, authors, published, language, url, text.",
      "Pages without an article and unreadable inputs are reported on stderr, one line each, "
          + "and skipped. See docs/extraction.md."
    })
final class ExtractCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "files, directories, or - for JSON Lines on stdin")
  List<String> inputs;

  @picocli.CommandLine.Mixin FormatOption format = new FormatOption();

  @picocli.CommandLine.Mixin FieldOptions fieldOptions = new FieldOptions();

  @Option(names = "--json", description = "one JSON object per line instead of plain text")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Extractor extractor = Main.pipeline(false).extractor();
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
              if (json) {
                try {
                  out.println(Json.MAPPER.writeValueAsString(asJson(e)));
                } catch (java.io.IOException ex) {
                  throw new UncheckedIOException(ex);
                }
              } else {
                if (found[0] > 0) out.println();
                out.println(e.text());
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

  static Map<String, Object> asJson(Extraction e) {
    Article a = e.article();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("title", a.title());
    m.put("authors", e.authors());
    m.put("published", a.published() == null ? null : a.published().toString());
    m.put("language", e.language());
    m.put("url", a.url());
    m.put("text", e.text());
    return m;
  }
}
