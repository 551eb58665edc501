package dev.storytrack.cli;

import dev.storytrack.store.StoryPage;
import dev.storytrack.store.StoryQuery;
import dev.storytrack.store.StoryStore;
import dev.storytrack.store.StorySummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrack stories}: lists the stored stories, most recently active first. */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = "List the stories in the store, most recently active first.")
final class StoriesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin StoreOption store = new StoreOption();

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "only stories active at or after T (2024-01-31 or an ISO instant)")
  String since;

  @Option(
      names = "--until",
      paramLabel = "T",
      description = "only stories that began at or before T")
  String until;

  @Option(
      names = "--query",
      paramLabel = "Q",
      description = "only stories with an article matching Q (best first)")
  String query;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "at most this many (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "skip this many first")
  int offset;

  @Option(names = "--json", description = "print {\"stories\": [...], \"total\": N}")
  boolean json;

  @Option(
      names = "--csv",
      description = "print CSV with a header row: " + "id,title,size,firstSeen,lastSeen,sources")
  boolean csv;

  @Option(names = "--jsonl", description = "print one JSON object per story (JSON Lines)")
  boolean jsonl;

  @Option(
      names = "--topics",
      description =
          "group the listed stories by topic (stories of one "
              + "kind: two earthquakes, every shooting in a city); topics in order of their first listed story")
  boolean topics;

  @Override
  public Integer call() throws Exception {
    StoryQuery q;
    try {
      q =
          new StoryQuery(
              StoreJson.parseTime(since), StoreJson.parseTime(until), query, offset, limit);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if ((json ? 1 : 0) + (csv ? 1 : 0) + (jsonl ? 1 : 0) > 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give one of --json, --csv and --jsonl");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (StoryStore s = StoryStore.openReadOnly(store.dir())) {
      StoryPage page = s.stories(q);
      if (csv || jsonl) {
        out.print(Export.stories(page.stories(), csv ? Export.Format.CSV : Export.Format.JSONL));
      } else if (json) {
        out.println(Json.MAPPER.writeValueAsString(StoreJson.page(page)));
      } else {
        List<StorySummary> listed = page.stories();
        if (topics) {
          Map<String, List<StorySummary>> byTopic = new LinkedHashMap<>();
          for (StorySummary st : listed) {
            byTopic
                .computeIfAbsent(
                    st.topic() == null ? "(no topic)" : st.topic(), k -> new ArrayList<>())
                .add(st);
          }
          listed = new ArrayList<>();
          for (List<StorySummary> g : byTopic.values()) listed.addAll(g);
        }
        String lastTopic = null;
        for (StorySummary st : listed) {
          String topic = st.topic() == null ? "(no topic)" : st.topic();
          if (topics && !topic.equals(lastTopic)) {
            lastTopic = topic;
            out.printf(Locale.ROOT, "topic %s%n", topic);
          }
          out.printf(
              Locale.ROOT,
              "%-7s %3d article%s  %s .. %s  %s%n",
              st.id(),
              st.size(),
              st.size() == 1 ? " " : "s",
              day(st.firstSeen()),
              day(st.lastSeen()),
              st.title().isBlank() ? "(untitled)" : Text.abbreviate(st.title(), 90));
          out.printf("        sources: %s%n", Text.sources(st.sources()));
        }
        out.printf(Locale.ROOT, "%d of %d stories%n", page.stories().size(), page.total());
      }
    }
    out.flush();
    return Main.OK;
  }

  static String day(Instant t) {
    return t == null ? "undated   " : t.toString().substring(0, 10);
  }

  /**
   * A publication time for people: a date when it is a day's start (the store keeps date-only
   * values as that instant; a real time of exactly midnight UTC prints as its date too).
   */
  static String when(java.time.Instant t) {
    if (t == null) return "undated";
    String s = t.toString();
    return s.endsWith("T00:00:00Z") ? s.substring(0, s.length() - 10) : s;
  }
}
