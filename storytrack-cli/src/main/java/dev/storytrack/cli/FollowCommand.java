package dev.storytrack.cli;

import dev.storytrack.store.IngestResult;
import dev.storytrack.store.StoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storytrack follow}: polls feeds (and pages) into the store, round after round. */
@Command(
    name = "follow",
    mixinStandardHelpOptions = true,
    description = {
      "Poll RSS, Atom or RDF feeds (or single pages) into the store, every --every.",
      "",
      "Each round asks each URL only for what changed (ETag, Last-Modified; the state is kept "
          + "in DIR.follow.json next to the store), makes one request at a time per host with a "
          + "pause between them, honours robots.txt, and reports itself in one line. A feed that is "
          + "down or malformed is reported and tried again next round."
    })
final class FollowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FEED_OR_PAGE_URL",
      description = "feed or page URLs (http, https)")
  List<String> urls;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      defaultValue = "15m",
      converter = DurationConverter.class,
      description = "time between rounds, e.g. 90s, 15m, 1h (default: ${DEFAULT-VALUE})")
  Duration every;

  @Option(
      names = "--fetch-pages",
      description = "also fetch each new item's page and keep its full text")
  boolean fetchPages;

  @picocli.CommandLine.Mixin StoreOption store = new StoreOption();

  @Option(names = "--once", description = "run one round and exit (for cron)")
  boolean once;

  @Option(
      names = "--delay",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description =
          "pause between two requests to one host; a longer robots.txt Crawl-delay wins (default: ${DEFAULT-VALUE})")
  Duration delay;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    for (String u : urls) {
      if (!u.startsWith("http://") && !u.startsWith("https://")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "not an http(s) URL: " + u);
      }
    }
    Path statePath =
        store.dir().toAbsolutePath().resolveSibling(store.dir().getFileName() + ".follow.json");
    Follower follower =
        new Follower(
            FollowState.load(statePath),
            delay,
            fetchPages,
            "storytrack/" + Main.version(),
            p -> {
              err.println("storytrack: " + p);
              err.flush();
            });
    int round = 0;
    while (true) {
      round++;
      Follower.Round r = follower.round(urls);
      IngestResult in;
      try (StoryStore s = StoryStore.open(store.dir())) {
        in = r.articles().isEmpty() ? null : s.ingest(r.articles());
      }
      follower.state().save();
      Instant next = Instant.now().plus(every).truncatedTo(ChronoUnit.SECONDS);
      err.printf(
          Locale.ROOT,
          "storytrack: round %d: %s polled (%d not modified, %d failed), %s, %s fetched"
              + " (%d failed, %d blocked by robots.txt); %d added, %d updated, %d unchanged%s%n",
          round,
          Text.plural(urls.size(), "URL"),
          r.notModified(),
          r.failed(),
          Text.plural(r.items(), "item"),
          Text.plural(r.pages(), "page"),
          r.pagesFailed(),
          r.blocked(),
          in == null ? 0 : in.added(),
          in == null ? 0 : in.updated(),
          in == null ? 0 : in.unchanged(),
          once ? "" : "; next round at " + next);
      err.flush();
      if (once) return r.failed() == urls.size() ? Main.FAILURE : Main.OK;
      Thread.sleep(every.toMillis());
    }
  }

  /** {@code 90s}, {@code 15m}, {@code 1h}, {@code 500ms}, or ISO-8601 ({@code PT15M}). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
      Matcher m = SIMPLE.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      try {
        return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new CommandLine.TypeConversionException(
            "not a duration (e.g. 90s, 15m, 1h): " + value);
      }
    }
  }
}
