package dev.storytrack.cli;

import dev.storytrack.article.FieldMap;
import dev.storytrack.article.ReadSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --field}: reads JSON Lines records whose fields have other names; on every command that
 * reads articles.
 */
final class FieldOptions {
  @Option(
      names = "--field",
      paramLabel = "FIELD=NAME[,...]",
      description =
          "read an article field from a record field of another name, e.g. "
              + "id=doc_id,published=dct,text=body (fields: id, url, source, sourceName, title, published, text, html)")
  List<String> specs = new ArrayList<>();

  /** The mapping the options give (later pairs win); a bad pair is a usage error. */
  FieldMap map() {
    FieldMap m = FieldMap.NONE;
    for (String s : specs) m = m.with(FieldMap.parse(s));
    return m;
  }

  /**
   * Reports a read that found records or files yet not one article: the run failed.
   *
   * @return true when the command must exit 1
   */
  static boolean nothingRead(ReadSummary summary, PrintWriter err) {
    if (!summary.nothingRead()) return false;
    err.printf(
        Locale.ROOT,
        "storytrack: no article could be read (%s skipped)%n",
        Text.plural(summary.problems(), "record or file", "records or files"));
    return true;
  }
}
