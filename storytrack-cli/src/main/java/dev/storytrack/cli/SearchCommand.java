package dev.storytrack.cli;

import dev.storytrack.store.SearchHit;
import dev.storytrack.store.SearchQuery;
import dev.storytrack.store.SearchResults;
import dev.storytrack.store.StoryStore;
import dev.storytrack.store.StorySummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storytrack search QUERY}: full-text search over stored articles, and their stories. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the stored articles' titles and cleaned text; prints the matching articles with their"
          + " matches marked, then the stories they belong to.",
      "All words must match unless joined by OR; \"quoted words\" match as a phrase; -word excludes;"
          + " title:word and source:host search one field."
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "QUERY",
      description = "what to look for (joined by spaces)")
  List<String> words;

  @picocli.CommandLine.Mixin StoreOption store = new StoreOption();

  @Option(
      names = "--since",
      paramLabel = "T",
      description = "only articles published at or after T (2024-01-31 or an ISO instant)")
  String since;

  @Option(
      names = "--until",
      paramLabel = "T",
      description = "only articles published at or before T (a date means its start)")
  String until;

  @Option(
      names = "--source",
      paramLabel = "HOST",
      split = ",",
      description = "only articles from these sources (repeat or separate by commas)")
  List<String> sources = new ArrayList<>();

  @Option(
      names = "--order",
      paramLabel = "ORDER",
      defaultValue = "best",
      description = "best (best match first, the default), newest or oldest (by publication time)")
  String order;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "at most this many articles (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "skip this many articles first")
  int offset;

  @Option(names = "--json", description = "print {\"articles\": [...], \"stories\": [...], ...}")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SearchQuery q;
    try {
      q =
          new SearchQuery(
              String.join(" ", words),
              StoreJson.parseTime(since),
              StoreJson.parseTime(until),
              sources,
              order(order),
              offset,
              limit);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    try (StoryStore s = StoryStore.openReadOnly(store.dir())) {
      SearchResults r;
      try {
        r = s.search(q);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (json) {
        out.println(Json.MAPPER.writeValueAsString(StoreJson.results(r)));
      } else {
        print(r, out);
      }
    }
    out.flush();
    return Main.OK;
  }

  static SearchQuery.Order order(String s) {
    if (s == null || s.isBlank()) return SearchQuery.Order.BEST;
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "best", "relevance" -> SearchQuery.Order.BEST;
      case "newest", "new" -> SearchQuery.Order.NEWEST;
      case "oldest", "old" -> SearchQuery.Order.OLDEST;
      default ->
          throw new IllegalArgumentException(
              "order must be best, newest or oldest, not '" + Text.abbreviate(s, 20) + "'");
    };
  }

  private void print(SearchResults r, PrintWriter out) {
    boolean bold = System.console() != null;
    out.printf(
        Locale.ROOT,
        "%s, %s:%n",
        Text.plural(r.totalArticles(), "matching article"),
        r.order().label());
    for (SearchHit h : r.articles()) {
      out.printf(
          Locale.ROOT,
          "  %s  %s  %s  story %s  %s%n",
          StoriesCommand.when(h.article().published()),
          h.article().source().isBlank() ? "(unknown)" : Text.abbreviate(h.article().source(), 30),
          Text.abbreviate(h.article().id(), 40),
          h.story(),
          Text.abbreviate(h.article().title(), 80));
      out.println("      " + marked(h, bold));
    }
    if (r.articles().size() < r.totalArticles()) {
      out.printf(
          Locale.ROOT,
          "  (%d to %d shown; --offset and --limit page)%n",
          offset,
          offset + r.articles().size());
    }
    out.printf(
        Locale.ROOT,
        "%s with matching articles, by their first match:%n",
        Text.plural(r.totalStories(), "story", "stories"));
    for (StorySummary st : r.stories()) {
      out.printf(
          Locale.ROOT,
          "  %-7s %s  %s .. %s  %s%n",
          st.id(),
          Text.plural(st.size(), "article"),
          StoriesCommand.day(st.firstSeen()),
          StoriesCommand.day(st.lastSeen()),
          st.title().isBlank() ? "(untitled)" : Text.abbreviate(st.title(), 80));
    }
  }

  /** The snippet with its matches in bold on a terminal, or between asterisks when piped. */
  static String marked(SearchHit h, boolean bold) {
    String s = h.snippet();
    StringBuilder b = new StringBuilder();
    int at = 0;
    for (SearchHit.Highlight m : h.highlights()) {
      if (m.start() < at || m.end() > s.length()) continue;
      b.append(Text.safe(s.substring(at, m.start())));
      b.append(bold ? "\u001B[1m" : "*")
          .append(Text.safe(s.substring(m.start(), m.end())))
          .append(bold ? "\u001B[0m" : "*");
      at = m.end();
    }
    return b.append(Text.safe(s.substring(at))).toString();
  }
}
