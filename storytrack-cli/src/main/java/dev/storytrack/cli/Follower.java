package dev.storytrack.cli;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import dev.storytrack.article.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One polite HTTP client for {@code follow}: one request at a time (so at most one per host), a
 * pause between two requests to one host, robots.txt honoured (crawler-commons, the parser crawlers
 * share), conditional GET from {@link FollowState}. Failures are reported, never thrown.
 */
final class Follower {
  /** A feed or page larger than this is not news: it is cut off and reported. */
  private static final int MAX_BYTES = 16 << 20;

  private static final Duration ROBOTS_TTL = Duration.ofHours(24);

  record Round(
      List<Article> articles,
      int notModified,
      int failed,
      int items,
      int pages,
      int pagesFailed,
      int blocked) {}

  private record Fetched(
      int status, byte[] body, String contentType, String etag, String lastModified) {}

  private record Robots(BaseRobotRules rules, long fetchedNanos) {}

  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final FollowState state;
  private final Duration delay;
  private final boolean fetchPages;
  private final String agent;
  private final Consumer<ReadProblem> problems;
  private final Map<String, Long> lastRequest = new HashMap<>();
  private final Map<String, Robots> robots = new HashMap<>();

  Follower(
      FollowState state,
      Duration delay,
      boolean fetchPages,
      String agent,
      Consumer<ReadProblem> problems) {
    this.state = state;
    this.delay = delay;
    this.fetchPages = fetchPages;
    this.agent = agent;
    this.problems = problems;
  }

  FollowState state() {
    return state;
  }

  /** Polls every URL once; returns the articles to store and the counts for the round's line. */
  Round round(List<String> urls) {
    Map<String, Article> out = new LinkedHashMap<>();
    int notModified = 0;
    int failed = 0;
    int items = 0;
    int[] pages = new int[3]; // fetched, failed, blocked
    for (String url : urls) {
      if (!allowed(url)) {
        problems.accept(new ReadProblem(url, "disallowed by robots.txt"));
        pages[2]++;
        failed++;
        continue;
      }
      FollowState.Validators v = state.validators.get(url);
      Fetched f;
      try {
        f = get(url, v);
      } catch (IOException e) {
        problems.accept(
            new ReadProblem(url, "cannot fetch (" + reason(e) + "); tried again next round"));
        failed++;
        continue;
      }
      if (f.status() == 304) {
        notModified++;
        continue;
      }
      if (f.status() / 100 != 2) {
        problems.accept(new ReadProblem(url, "HTTP " + f.status() + "; tried again next round"));
        failed++;
        continue;
      }
      List<Article> got = new ArrayList<>();
      if (ArticleReaders.looksLikeFeed(f.body()) || isFeedType(f.contentType())) {
        int n = ArticleReaders.readFeed(f.body(), f.contentType(), url, got::add, problems);
        if (n < 0) {
          failed++;
          continue; // validators not saved: a fixed feed is read in full next round
        }
        items += n;
        if (fetchPages) got = withPages(got, pages);
      } else {
        Article page = page(url, f.body());
        if (page != null) got.add(page);
      }
      state.validators.put(url, new FollowState.Validators(f.etag(), f.lastModified()));
      for (Article a : got) out.put(a.id(), a);
    }
    return new Round(
        new ArrayList<>(out.values()), notModified, failed, items, pages[0], pages[1], pages[2]);
  }

  /**
   * The items, each with its page's HTML when it could be fetched (the item's summary otherwise).
   */
  private List<Article> withPages(List<Article> items, int[] pages) {
    List<Article> out = new ArrayList<>(items.size());
    for (Article item : items) {
      String url = item.url();
      if (!url.startsWith("http://") && !url.startsWith("https://") || state.pages.contains(url)) {
        out.add(item);
        continue;
      }
      if (!allowed(url)) {
        pages[2]++;
        out.add(item);
        continue;
      }
      Article page = null;
      try {
        Fetched f = get(url, null);
        if (f.status() / 100 == 2) page = page(url, f.body());
        else problems.accept(new ReadProblem(url, "page: HTTP " + f.status()));
      } catch (IOException e) {
        problems.accept(new ReadProblem(url, "page: cannot fetch (" + reason(e) + ")"));
      }
      if (page == null) {
        pages[1]++;
        out.add(item);
        continue;
      }
      pages[0]++;
      state.rememberPage(url);
      // The feed's id, source and times name the item; the page brings the full text.
      out.add(
          new Article(
              item.id(),
              item.source(),
              item.url(),
              page.title().isBlank() ? item.title() : page.title(),
              item.published() != null ? item.published() : page.published(),
              "",
              page.html(),
              item.published() != null ? item.dateOnly() : page.dateOnly(),
              item.sourceName()));
    }
    return out;
  }

  /**
   * A fetched page as an article (raw HTML; the store's extractor cleans it), or null after a
   * problem.
   */
  private Article page(String url, byte[] body) {
    Article[] got = new Article[1];
    ArticleReaders.readStream(
        new ByteArrayInputStream(body), url, "page.html", Format.HTML, a -> got[0] = a, problems);
    if (got[0] == null) return null;
    Article a = got[0];
    String id = dev.storytrack.article.Ids.fromUrl(url);
    return new Article(
        id,
        a.source().isEmpty() ? dev.storytrack.article.Sources.ofUrl(url) : a.source(),
        a.url().isEmpty() ? url : a.url(),
        a.title(),
        a.published(),
        a.text(),
        a.html(),
        a.dateOnly(),
        a.sourceName());
  }

  private static boolean isFeedType(String contentType) {
    if (contentType == null) return false;
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.contains("rss") || t.contains("atom") || t.contains("rdf");
  }

  /**
   * Whether robots.txt of the URL's site lets this agent fetch it (fetched once a day per site).
   */
  private boolean allowed(String url) {
    URI u = URI.create(url);
    String site = u.getScheme() + "://" + u.getRawAuthority();
    Robots r = robots.get(site);
    if (r == null || System.nanoTime() - r.fetchedNanos() > ROBOTS_TTL.toNanos()) {
      BaseRobotRules rules;
      SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
      try {
        Fetched f = get(site + "/robots.txt", null);
        rules =
            f.status() / 100 == 2
                ? parser.parseContent(
                    site + "/robots.txt", f.body(), f.contentType(), List.of(robotName()))
                : parser.failedFetch(
                    f.status()); // 4xx: no rules; 5xx: the site asks for nothing now
      } catch (IOException e) {
        rules = parser.failedFetch(503);
      }
      r = new Robots(rules, System.nanoTime());
      robots.put(site, r);
    }
    return r.rules().isAllowed(url);
  }

  private String robotName() {
    int slash = agent.indexOf('/');
    return (slash < 0 ? agent : agent.substring(0, slash)).toLowerCase(Locale.ROOT);
  }

  /** One GET, after the pause this host is owed. */
  private Fetched get(String url, FollowState.Validators v) throws IOException {
    URI uri = URI.create(url);
    String host = uri.getRawAuthority();
    pause(host);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("User-Agent", agent)
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9,"
                    + " text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
    if (v != null && v.etag() != null) b.header("If-None-Match", v.etag());
    if (v != null && v.lastModified() != null) b.header("If-Modified-Since", v.lastModified());
    try {
      HttpResponse<InputStream> r =
          client.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = r.body()) {
        body = in.readNBytes(MAX_BYTES);
      }
      return new Fetched(
          r.statusCode(),
          body,
          r.headers().firstValue("Content-Type").orElse(null),
          r.headers().firstValue("ETag").orElse(null),
          r.headers().firstValue("Last-Modified").orElse(null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      lastRequest.put(host, System.nanoTime());
    }
  }

  private void pause(String host) throws IOException {
    Long last = lastRequest.get(host);
    if (last == null) return;
    long wait = delay.toNanos() - (System.nanoTime() - last);
    Robots r = robots.values().stream().findAny().orElse(null);
    if (r != null) {
      // A robots.txt Crawl-delay longer than ours is the site's wish.
      for (Map.Entry<String, Robots> e : robots.entrySet()) {
        if (e.getKey().endsWith("//" + host)) {
          long crawl = e.getValue().rules().getCrawlDelay();
          if (crawl > 0)
            wait = Math.max(wait, Duration.ofMillis(crawl).toNanos() - (System.nanoTime() - last));
        }
      }
    }
    if (wait <= 0) return;
    try {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.net.ConnectException) return "connection refused";
    if (e instanceof java.net.http.HttpTimeoutException) return "timed out";
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName()
        : m.lines().findFirst().orElse(m);
  }
}
