package dev.storytrack.cli;

import dev.storytrack.align.Segment;
import dev.storytrack.store.ArticleRef;
import dev.storytrack.store.StoredArticle;
import dev.storytrack.store.StoredRevision;
import dev.storytrack.store.StoryBrief;
import dev.storytrack.store.StoryDetail;
import dev.storytrack.store.StoryStore;
import dev.storytrack.store.TimelinePoint;
import dev.storytrack.version.Revision;
import dev.storytrack.version.Revisions;
import dev.storytrack.version.Version;
import dev.storytrack.version.Versions;
import java.io.IOException;
import java.io.PrintWriter;
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

/** {@code storytrack story ID}: one story with its versions and timeline. */
@Command(
    name = "story",
    mixinStandardHelpOptions = true,
    description =
        "Show one story: its articles (earliest marked *), its version tree (which reuses which, "
            + "what each added, dropped and changed), the revisions of articles ingested again with other content, "
            + "and articles per source per day.")
final class StoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "story id, as listed by stories")
  String id;

  @picocli.CommandLine.Mixin StoreOption store = new StoreOption();

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Option(
      names = "--csv",
      description =
          "print its articles as CSV with a header row: story,id,source,title,published,url")
  boolean csv;

  @Option(names = "--jsonl", description = "print its articles as JSON Lines, one object each")
  boolean jsonl;

  @Override
  public Integer call() throws Exception {
    if ((json ? 1 : 0) + (csv ? 1 : 0) + (jsonl ? 1 : 0) > 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give one of --json, --csv and --jsonl");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (StoryStore s = StoryStore.openReadOnly(store.dir())) {
      var found = s.story(id);
      if (found.isEmpty()) {
        var into = s.mergedInto(id);
        throw new IOException(
            "no story "
                + id
                + " in "
                + store.dir()
                + into.map(m -> " (merged into " + m + ")").orElse(""));
      }
      StoryDetail d = found.get();
      if (csv || jsonl) {
        out.print(Export.articles(d, csv ? Export.Format.CSV : Export.Format.JSONL));
      } else if (json) {
        out.println(
            Json.MAPPER.writeValueAsString(
                StoreJson.detail(d, s.storyArticles(id), s.revisions(ids(d)))));
      } else {
        out.printf(Locale.ROOT, "%s  %s%n", d.story().id(), Text.safe(d.story().title()));
        out.printf(
            Locale.ROOT,
            "%s, %s .. %s, sources: %s%n",
            Text.plural(d.story().size(), "article"),
            StoriesCommand.day(d.story().firstSeen()),
            StoriesCommand.day(d.story().lastSeen()),
            Text.sources(d.story().sources()));
        StoryBrief b = StoryBrief.of(d, s.storyArticles(id));
        if (!b.lead().isEmpty())
          out.println(Text.indent(Text.wrap(Text.safe(b.lead()), 100), "  "));
        names(out, "People", b.people());
        names(out, "Places", b.places());
        names(out, "Organisations and other names", b.otherNames());
        out.printf(Locale.ROOT, "Outlets: %s%n%n", Text.sources(b.outlets()));
        out.println("Versions (* earliest):");
        for (ArticleRef r : d.articles()) {
          out.printf(
              Locale.ROOT,
              "  %s %-20s %-16s %s  %s%n",
              r.id().equals(d.earliest()) ? "*" : " ",
              r.id(),
              Text.abbreviate(r.source(), 16),
              StoriesCommand.when(r.published()),
              Text.abbreviate(r.title(), 70));
        }
        out.println();
        versions(s, out);
        out.println();
        revisions(s.revisions(ids(d)), out);
        List<TimelinePoint> tl = buckets(d.timeline());
        boolean weekly = tl != d.timeline();
        out.println(
            weekly
                ? "Timeline (week from Monday, source, articles):"
                : "Timeline (day, source, articles):");
        for (TimelinePoint p : tl) {
          out.printf(
              Locale.ROOT,
              "  %-10s %-24s %d%n",
              p.day().isEmpty() ? "undated" : p.day(),
              p.source().isBlank() ? "(unknown)" : Text.abbreviate(p.source(), 24),
              p.articles());
        }
      }
    }
    out.flush();
    return Main.OK;
  }

  /** A story spanning more days than this is shown per week. */
  static final int WEEK_AFTER_DAYS = 60;

  /**
   * The timeline as shown: the stored per-day points, or (the same list returned when not) per week
   * from Monday when the dated days span more than {@value #WEEK_AFTER_DAYS} days.
   */
  static List<TimelinePoint> buckets(List<TimelinePoint> days) {
    List<java.time.LocalDate> dated =
        days.stream()
            .filter(p -> !p.day().isEmpty())
            .map(p -> java.time.LocalDate.parse(p.day()))
            .toList();
    if (dated.isEmpty()) return days;
    java.time.LocalDate first = java.util.Collections.min(dated);
    java.time.LocalDate last = java.util.Collections.max(dated);
    if (java.time.temporal.ChronoUnit.DAYS.between(first, last) <= WEEK_AFTER_DAYS) return days;
    java.util.TreeMap<String, java.util.TreeMap<String, Integer>> weeks = new java.util.TreeMap<>();
    for (TimelinePoint p : days) {
      String key =
          p.day().isEmpty()
              ? ""
              : java.time.LocalDate.parse(p.day())
                  .with(
                      java.time.temporal.TemporalAdjusters.previousOrSame(
                          java.time.DayOfWeek.MONDAY))
                  .toString();
      weeks
          .computeIfAbsent(key, k -> new java.util.TreeMap<>())
          .merge(p.source(), p.articles(), Integer::sum);
    }
    List<TimelinePoint> out = new ArrayList<>();
    // Undated ("") sorts first in the map: listed last, as in the stored timeline.
    weeks.forEach(
        (w, bySource) -> {
          if (!w.isEmpty()) bySource.forEach((src, n) -> out.add(new TimelinePoint(w, src, n)));
        });
    weeks
        .getOrDefault("", new java.util.TreeMap<>())
        .forEach((src, n) -> out.add(new TimelinePoint("", src, n)));
    return out;
  }

  private static void names(PrintWriter out, String label, List<String> names) {
    if (names.isEmpty()) return;
    out.printf(
        Locale.ROOT, "%s: %s%n", label, String.join(", ", names.stream().map(Text::safe).toList()));
  }

  /** The version tree: each root, then its descendants indented under their parents. */
  private void versions(StoryStore s, PrintWriter out) throws IOException {
    List<Versions.Article> arts = new ArrayList<>();
    for (StoredArticle a : s.storyArticles(id)) {
      arts.add(
          new Versions.Article(
              a.article().id(), a.cleanedText(), a.article().published(), a.article().dateOnly()));
    }
    List<Version> vs = Versions.defaults().of(arts);
    Map<String, List<Version>> children = new LinkedHashMap<>();
    for (Version v : vs)
      if (v.parent() != null) children.computeIfAbsent(v.parent(), k -> new ArrayList<>()).add(v);
    out.println("Version tree (text reuse; + added, - dropped, ~ changed against the parent):");
    for (Version v : vs) if (v.origin()) tree(v, children, 1, out);
  }

  private static List<String> ids(StoryDetail d) {
    return d.articles().stream().map(ArticleRef::id).toList();
  }

  /**
   * The articles stored with other content more than once, each revision with what changed against
   * the one before; nothing when no article was.
   */
  private static void revisions(Map<String, List<StoredRevision>> byArticle, PrintWriter out) {
    boolean any = false;
    for (Map.Entry<String, List<StoredRevision>> e : byArticle.entrySet()) {
      if (e.getValue().size() < 2) continue;
      if (!any)
        out.println(
            "Revisions (articles ingested again with other content; + added, - dropped, ~ changed):");
      any = true;
      out.printf(
          Locale.ROOT, "  %s  %s%n", e.getKey(), Text.plural(e.getValue().size(), "revision"));
      for (Revision r : Revisions.defaults().of(StoreJson.revisionTexts(e.getValue()))) {
        out.printf(
            Locale.ROOT,
            "    #%d  seen %s  %s%n",
            r.number(),
            (r.seen() == null ? "unknown" : r.seen().toString()),
            Text.abbreviate(r.title(), 60));
        Revision.Changes c = r.changes();
        if (c == null) continue;
        if (c.correction())
          out.printf(
              Locale.ROOT, "      ! correction: %s%n", Text.abbreviate(c.correctionNote(), 70));
        if (c.headline() != null) {
          // One line each: headlines often differ only at the end, which a short column would cut.
          out.printf(
              Locale.ROOT,
              "      ~ headline: %s%n               -> %s%n",
              Text.abbreviate(c.headline().before(), 90),
              Text.abbreviate(c.headline().after(), 90));
        }
        for (Version.Change v : c.variants()) {
          out.printf(
              Locale.ROOT,
              "      ~ %s: %s -> %s%n",
              v.kind(),
              Text.abbreviate(v.before(), 40),
              Text.abbreviate(v.after(), 40));
        }
        for (Segment g : c.added())
          out.printf(Locale.ROOT, "      + %s%n", Text.abbreviate(g.text(), 70));
        for (Segment g : c.dropped())
          out.printf(Locale.ROOT, "      - %s%n", Text.abbreviate(g.text(), 70));
      }
    }
    if (any) out.println();
  }

  private static void tree(
      Version v, Map<String, List<Version>> children, int depth, PrintWriter out) {
    String pad = "  ".repeat(depth);
    if (v.origin()) {
      out.printf(Locale.ROOT, "%s%s  (origin)%n", pad, v.id());
    } else {
      out.printf(
          Locale.ROOT,
          "%s%s  reuses %.0f%% (from %s), +%d -%d ~%d%n",
          pad,
          v.id(),
          100 * v.reusedShare(),
          v.parent(),
          v.added().size(),
          v.dropped().size(),
          v.changes().size());
    }
    for (Version.Change c : v.changes()) {
      out.printf(
          Locale.ROOT,
          "%s    ~ %s: %s -> %s%n",
          pad,
          c.kind(),
          Text.abbreviate(c.before(), 40),
          Text.abbreviate(c.after(), 40));
    }
    for (Version c : children.getOrDefault(v.id(), List.of())) tree(c, children, depth + 1, out);
  }
}
