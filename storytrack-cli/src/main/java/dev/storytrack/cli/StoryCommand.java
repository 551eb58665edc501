package dev.storytrack.cli;

import dev.storytrack.store.ArticleRef;
import dev.storytrack.store.StoryDetail;
import dev.storytrack.store.StoryStore;
import dev.storytrack.store.TimelinePoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storytrack story ID}: one story with its versions and timeline. */
@Command(name = "story", mixinStandardHelpOptions = true,
    description = "Show one story: its versions (earliest marked *) and articles per source per day.")
final class StoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "story id, as listed by stories")
  String id;

  @Option(names = "--store", paramLabel = "DIR", description = "store directory (default: ./storytrack-data)")
  Path store = StoryStore.DEFAULT_DIR;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (StoryStore s = StoryStore.openReadOnly(store)) {
      StoryDetail d = s.story(id).orElseThrow(() -> new IOException("no story " + id + " in " + store));
      if (json) {
        out.println(Json.MAPPER.writeValueAsString(StoreJson.detail(d)));
      } else {
        out.printf(Locale.ROOT, "%s  %s%n", d.story().id(), Text.safe(d.story().title()));
        out.printf(Locale.ROOT, "%s, %s .. %s, sources: %s%n%n", Text.plural(d.story().size(), "article"),
            StoriesCommand.day(d.story().firstSeen()), StoriesCommand.day(d.story().lastSeen()), Text.sources(d.story().sources()));
        out.println("Versions (* earliest):");
        for (ArticleRef r : d.articles()) {
          out.printf(Locale.ROOT, "  %s %-20s %-16s %s  %s%n", r.id().equals(d.earliest()) ? "*" : " ", r.id(),
              Text.abbreviate(r.source(), 16), StoriesCommand.when(r.published()), Text.abbreviate(r.title(), 70));
        }
        out.println();
        out.println("Timeline (day, source, articles):");
        for (TimelinePoint p : d.timeline()) {
          out.printf(Locale.ROOT, "  %-10s %-24s %d%n", p.day().isEmpty() ? "undated" : p.day(), p.source(), p.articles());
        }
      }
    }
    out.flush();
    return Main.OK;
  }
}
