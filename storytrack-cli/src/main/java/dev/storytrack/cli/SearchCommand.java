package dev.storytrack.cli;

import dev.storytrack.store.SearchHit;
import dev.storytrack.store.StoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storytrack search QUERY}: full-text search over stored articles. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Full-text search over the stored articles' titles and cleaned text.")
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "words to look for (any of them; title matches count double)")
  List<String> words;

  @Option(names = "--store", paramLabel = "DIR", description = "store directory (default: ./storytrack-data)")
  Path store = StoryStore.DEFAULT_DIR;

  @Option(names = "--limit", defaultValue = "20", description = "at most this many (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--json", description = "print {\"articles\": [...]}")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (StoryStore s = StoryStore.openReadOnly(store)) {
      List<SearchHit> hits = s.search(String.join(" ", words), 0, Math.max(1, Math.min(limit, 1000)));
      if (json) {
        out.println(Json.MAPPER.writeValueAsString(StoreJson.hits(hits)));
      } else {
        for (SearchHit h : hits) {
          out.printf(Locale.ROOT, "%-20s %-7s %5.2f  %s%n", h.article().id(), h.story(), h.score(),
              Text.abbreviate(h.article().title(), 80));
          out.println("       " + Text.abbreviate(h.snippet(), 110));
        }
        out.printf(Locale.ROOT, "%d articles%n", hits.size());
      }
    }
    out.flush();
    return Main.OK;
  }
}
