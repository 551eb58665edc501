package dev.storytrack.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.Storytrack;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.article.ArticleLimits;
import dev.storytrack.compare.Comparison;
import dev.storytrack.store.ArticleRef;
import dev.storytrack.store.IngestResult;
import dev.storytrack.store.InvalidArticleException;
import dev.storytrack.store.StoredArticle;
import dev.storytrack.store.StoryDetail;
import dev.storytrack.store.StoryQuery;
import dev.storytrack.store.StoryStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;

/**
 * The HTTP API and the web page over one writable store (see {@code docs/api.md}). Bad requests get
 * a 4xx status and {@code {"error": "..."}}; only a fault of the server itself is a 500.
 */
final class ApiServer implements AutoCloseable {
  /** Largest accepted request body. */
  static final int MAX_BODY = 16 * 1024 * 1024;

  /** Most articles in one POST. */
  static final int MAX_RECORDS = 10_000;

  static final int MAX_QUERY = 1_000;
  static final int MAX_ID = ArticleLimits.MAX_ID;

  private static final ObjectReader ONE_VALUE =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String HANDLED = "storytrack.handled";

  /** A connection idle this long (half-sent headers or body, or kept alive) is closed. */
  static final int IDLE_TIMEOUT_MS = 15_000;

  /**
   * A request whose line and headers are not complete this long after they began is cut off: a
   * client that sends a header line every few seconds is never idle, so the idle timeout alone
   * would let it hold its connection for hours (slowloris). Lowered by tests.
   */
  static volatile int headerTimeoutMs = 20_000;

  /**
   * Connections open at once; beyond it the server stops accepting and new ones wait in the
   * system's backlog until one closes. With the deadlines above, many slow clients then cost a
   * bounded number of sockets and buffers. Lowered by tests.
   */
  static volatile int maxConnections = 512;

  /** Bodies read at once; more POSTs are a 503, so slow uploads cannot take every thread. */
  static final int CONCURRENT_POSTS = 8;

  /** Request bodies must be JSON: the types a cross-site form or simple request cannot send. */
  private static final Set<String> JSON_TYPES =
      Set.of(
          "application/json",
          "application/x-ndjson",
          "application/jsonl",
          "application/json-lines");

  private final StoryStore store;
  private final Javalin app;

  /** Host names requests may be addressed to; null when bound to all interfaces. */
  private final Set<String> hosts;

  private final Semaphore posts = new Semaphore(CONCURRENT_POSTS);

  /** A bad request: status and a one-line reason for the client. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiError(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private ApiServer(StoryStore store, Set<String> hosts) {
    this.store = store;
    this.hosts = hosts;
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.http.maxRequestSize = MAX_BODY;
              // A body trickling in slower than this fails instead of holding a thread for long.
              cfg.jetty.modifyHttpConfiguration(h -> h.setMinRequestDataRate(16 * 1024));
              int limit = maxConnections;
              cfg.jetty.modifyServer(
                  server ->
                      server.addBean(new org.eclipse.jetty.server.ConnectionLimit(limit, server)));
              cfg.staticFiles.add(
                  sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/web";
                    sf.location = Location.CLASSPATH;
                    // The page draws untrusted text with textContent only; the policy is a second
                    // line.
                    sf.headers =
                        Map.of(
                            "Content-Security-Policy",
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:",
                            "X-Content-Type-Options", "nosniff",
                            "Cache-Control", "no-cache");
                  });
            });
    app.before(this::guard);
    app.get("/api/health", this::health);
    app.get("/api/stories", this::stories);
    app.get("/api/stories/{id}", this::story);
    app.get("/api/articles/{id}", this::article);
    app.post("/api/articles", this::post);
    app.get("/api/compare", this::compare);
    app.get("/api/search", this::search);
    app.get("/api/curation", this::curationLog);
    app.post("/api/curation/merge", ctx -> curate(ctx, this::merge));
    app.post("/api/curation/split", ctx -> curate(ctx, this::split));
    app.post("/api/curation/delete", ctx -> curate(ctx, this::delete));
    app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
    app.exception(
        io.javalin.http.HttpResponseException.class,
        (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          System.err.println("storytrack serve: " + ctx.method() + " " + ctx.path() + ": " + e);
          error(ctx, 500, "internal error");
        });
    app.error(
        404,
        ctx -> {
          if (ctx.attribute(HANDLED) == null)
            error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
        });
  }

  /** Starts a server on {@code bind:port} (0 for any free port), answering the bound names only. */
  static ApiServer start(StoryStore store, String bind, int port) {
    return start(store, bind, port, List.of());
  }

  /**
   * Starts a server on {@code bind:port}. Requests must be addressed (Host header) to the bound
   * address, to localhost names when it is a loopback one, or to one of {@code extraHosts}: a page
   * elsewhere that rebinds its DNS name to this machine is refused. Bound to all interfaces
   * (0.0.0.0, ::), any name is accepted.
   */
  static ApiServer start(StoryStore store, String bind, int port, List<String> extraHosts) {
    ApiServer s = new ApiServer(store, allowedHosts(bind, extraHosts));
    s.app.start(bind, port);
    for (Connector c : s.app.jettyServer().server().getConnectors()) {
      if (c instanceof AbstractConnector a) {
        a.setIdleTimeout(IDLE_TIMEOUT_MS);
        new HeaderDeadline(a, headerTimeoutMs).schedule();
      }
    }
    return s;
  }

  /**
   * Closes connections that stay inside a request's line and headers for longer than the deadline.
   * Jetty 11 has no such timeout of its own: every quarter of the deadline this looks at the
   * connector's connections and closes those seen mid-header on every look since the deadline
   * began. A normal client sends its headers in one go and is never seen mid-header twice.
   */
  private static final class HeaderDeadline implements Runnable {
    private final AbstractConnector connector;
    private final long deadlineNanos;
    private final long periodMs;
    private final Map<org.eclipse.jetty.io.EndPoint, Long> midHeader = new java.util.HashMap<>();

    HeaderDeadline(AbstractConnector connector, int deadlineMs) {
      this.connector = connector;
      this.deadlineNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(deadlineMs);
      this.periodMs = Math.max(1, deadlineMs / 4);
    }

    void schedule() {
      try {
        connector
            .getScheduler()
            .schedule(this, periodMs, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException stopped) {
        // the server is stopping
      }
    }

    @Override
    public void run() {
      if (!connector.isRunning()) return;
      long now = System.nanoTime();
      Set<org.eclipse.jetty.io.EndPoint> seen = new HashSet<>();
      for (org.eclipse.jetty.io.EndPoint e : connector.getConnectedEndPoints()) {
        if (!(e.getConnection() instanceof org.eclipse.jetty.server.HttpConnection h)) continue;
        org.eclipse.jetty.http.HttpParser p = h.getParser();
        if (!p.inHeaderState() || p.isStart()) continue;
        seen.add(e);
        long since = midHeader.computeIfAbsent(e, k -> now);
        if (now - since >= deadlineNanos) e.close();
      }
      midHeader.keySet().retainAll(seen);
      schedule();
    }
  }

  static Set<String> allowedHosts(String bind, List<String> extra) {
    String b = bind.strip().toLowerCase(Locale.ROOT);
    if (b.startsWith("[") && b.endsWith("]")) b = b.substring(1, b.length() - 1);
    if (b.isEmpty() || b.equals("0.0.0.0") || b.equals("::") || b.equals("0:0:0:0:0:0:0:0"))
      return null;
    Set<String> out = new HashSet<>();
    out.add(b);
    for (String e : extra) out.add(e.strip().toLowerCase(Locale.ROOT));
    if (b.equals("localhost")
        || b.startsWith("127.")
        || b.equals("::1")
        || b.equals("0:0:0:0:0:0:0:1")) {
      out.addAll(List.of("localhost", "127.0.0.1", "::1"));
    }
    return out;
  }

  /** The host name of a Host header or an Origin's authority, without port or brackets. */
  static String hostName(String authority) {
    String a = authority.strip().toLowerCase(Locale.ROOT);
    if (a.startsWith("[")) {
      int end = a.indexOf(']');
      return end < 0 ? a : a.substring(1, end);
    }
    int colon = a.indexOf(':');
    return colon < 0 ? a : a.substring(0, colon);
  }

  /** Refuses requests to other host names, and writes that a cross-site page could make. */
  private void guard(Context ctx) {
    String host = ctx.header("Host");
    if (hosts != null && (host == null || !hosts.contains(hostName(host)))) {
      throw new ApiError(
          421,
          "requests must be addressed to "
              + String.join(" or ", new java.util.TreeSet<>(hosts))
              + " (start serve with --allow-host NAME to add a name)");
    }
    if (ctx.method() == io.javalin.http.HandlerType.GET
        || ctx.method() == io.javalin.http.HandlerType.HEAD) return;
    String origin = ctx.header("Origin");
    if (origin != null) {
      String from;
      try {
        java.net.URI u = java.net.URI.create(origin.strip());
        from = u.getHost() == null ? "" : hostName(u.getHost());
      } catch (IllegalArgumentException e) {
        from = "";
      }
      boolean same =
          hosts != null ? hosts.contains(from) : host != null && hostName(host).equals(from);
      if (!same)
        throw new ApiError(
            403, "cross-origin writes are refused (Origin " + Text.abbreviate(origin, 80) + ")");
    }
  }

  int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  // ---------------------------------------------------------------- handlers

  private void health(Context ctx) throws IOException {
    long[] c = store.counts();
    var failure = store.writeFailure();
    ObjectNode n =
        Json.MAPPER
            .createObjectNode()
            .put("status", failure.isPresent() ? "failing" : "ok")
            .put("articles", c[0])
            .put("stories", c[1]);
    // Reads still work on a store that cannot be written; a monitor must still see it.
    failure.ifPresent(f -> n.put("error", "store cannot be written: " + f));
    json(ctx, failure.isPresent() ? 503 : 200, n);
  }

  private void stories(Context ctx) throws IOException {
    StoryQuery q;
    try {
      q =
          new StoryQuery(
              time(ctx, "since"),
              time(ctx, "until"),
              text(ctx, "q"),
              intParam(ctx, "offset", 0, 0, 1_000_000),
              intParam(ctx, "limit", 50, 1, StoryQuery.MAX_LIMIT));
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    Export.Format f = format(ctx);
    var page = store.stories(q);
    if (f != null) {
      export(ctx, f, "stories", Export.stories(page.stories(), f));
      return;
    }
    json(ctx, 200, StoreJson.page(page));
  }

  /** The {@code format} parameter: null for JSON (the default), or an export format. */
  private static Export.Format format(Context ctx) {
    String f = ctx.queryParam("format");
    if (f == null || f.isBlank() || f.strip().equalsIgnoreCase("json")) return null;
    try {
      return Export.format(f);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
  }

  private static void export(Context ctx, Export.Format f, String name, String body) {
    ctx.attribute(HANDLED, true);
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + name + (f == Export.Format.CSV ? ".csv" : ".jsonl") + "\"");
    ctx.status(200).contentType(Export.contentType(f)).result(body);
  }

  private void story(Context ctx) throws IOException {
    String id = id(ctx.pathParam("id"));
    Export.Format f = format(ctx);
    var found = store.story(id);
    if (found.isEmpty()) {
      // A bookmarked story a person merged into another says where its articles went.
      var into = store.mergedInto(id);
      throw new ApiError(
          404, "no story " + id + into.map(m -> " (merged into " + m + ")").orElse(""));
    }
    StoryDetail d = found.get();
    if (f != null) {
      // The id is a story id as stored ([a-z0-9]); the file name cannot carry anything else.
      export(ctx, f, "story-" + id.replaceAll("[^A-Za-z0-9_-]", "_"), Export.articles(d, f));
      return;
    }
    json(
        ctx,
        200,
        StoreJson.detail(
            d,
            store.storyArticles(id),
            store.revisions(d.articles().stream().map(ArticleRef::id).toList())));
  }

  private void article(Context ctx) throws IOException {
    String id = id(ctx.pathParam("id"));
    json(ctx, 200, StoreJson.article(stored(id), store.revisions(id)));
  }

  private StoredArticle stored(String id) throws IOException {
    var found = store.article(id);
    if (found.isPresent()) return found.get();
    throw new ApiError(404, "no article " + id + (store.isDeleted(id) ? " (deleted)" : ""));
  }

  private void compare(Context ctx) throws IOException {
    String a = id(required(ctx, "a"));
    String b = id(required(ctx, "b"));
    Comparison c = Storytrack.compare(stored(a).article(), stored(b).article());
    ctx.attribute(HANDLED, true);
    ctx.status(200).contentType("application/json").result(Json.MAPPER.writeValueAsString(c));
  }

  private void search(Context ctx) throws IOException {
    String q = required(ctx, "q");
    if (q.length() > MAX_QUERY)
      throw new ApiError(400, "q longer than " + MAX_QUERY + " characters");
    int offset = intParam(ctx, "offset", 0, 0, 10_000);
    int limit = intParam(ctx, "limit", 20, 1, 1000);
    List<String> sources = new ArrayList<>();
    for (String v : ctx.queryParams("source")) {
      for (String one : v.split(",")) if (!one.isBlank()) sources.add(one.strip());
    }
    dev.storytrack.store.SearchResults r;
    try {
      var query =
          new dev.storytrack.store.SearchQuery(
              q,
              time(ctx, "since"),
              time(ctx, "until"),
              sources,
              SearchCommand.order(ctx.queryParam("order")),
              offset,
              limit);
      r = store.search(query);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    ObjectNode n = StoreJson.results(r);
    n.put("query", q);
    json(ctx, 200, n);
  }

  /**
   * One JSON article, or JSON Lines. All or nothing: a bad record makes the whole request a 400
   * naming it, and nothing is stored.
   */
  private void post(Context ctx) throws IOException {
    String type =
        ctx.contentType() == null
            ? ""
            : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!JSON_TYPES.contains(type)) {
      throw new ApiError(415, "Content-Type must be application/json or application/x-ndjson");
    }
    if (!posts.tryAcquire()) throw new ApiError(503, "too many uploads at once; retry");
    try {
      ingest(ctx);
    } finally {
      posts.release();
    }
  }

  private void ingest(Context ctx) throws IOException {
    long declared = ctx.contentLength();
    if (declared > MAX_BODY) throw new ApiError(413, "body larger than " + MAX_BODY + " bytes");
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY) throw new ApiError(413, "body larger than " + MAX_BODY + " bytes");
    String body = strictUtf8(bytes).strip();
    if (body.isEmpty()) throw new ApiError(400, "empty body: send one JSON article or JSON Lines");
    List<Article> articles = new ArrayList<>();
    ArrayNode rejected = Json.MAPPER.createArrayNode();
    JsonNode single = singleValue(body);
    if (single != null && single.isArray()) {
      // A JSON array of articles, as many clients send a batch: all or nothing, as JSON Lines.
      if (single.size() > MAX_RECORDS)
        throw new ApiError(413, "more than " + MAX_RECORDS + " records");
      if (single.isEmpty()) throw new ApiError(400, "empty array: send at least one article");
      for (int i = 0; i < single.size(); i++) {
        JsonNode one = single.get(i);
        if (!one.isObject())
          throw new ApiError(
              400, "record " + (i + 1) + " of the array is not a JSON object; nothing stored");
        try {
          articles.add(ArticleJson.fromObject(one));
        } catch (IllegalArgumentException e) {
          throw new ApiError(
              400, "record " + (i + 1) + " of the array: " + e.getMessage() + "; nothing stored");
        }
      }
    } else if (single != null) {
      if (!single.isObject())
        throw new ApiError(400, "body is not a JSON object, an array of them or JSON Lines");
      try {
        articles.add(ArticleJson.fromObject(single));
      } catch (IllegalArgumentException e) {
        throw new ApiError(400, "bad article: " + e.getMessage());
      }
    } else {
      String[] lines = body.split("\r?\n");
      if (lines.length > MAX_RECORDS)
        throw new ApiError(413, "more than " + MAX_RECORDS + " records");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank()) continue;
        try {
          articles.add(ArticleJson.fromLine(lines[i]));
        } catch (IllegalArgumentException e) {
          rejected.addObject().put("line", i + 1).put("error", e.getMessage());
        }
      }
      if (!rejected.isEmpty()) {
        ObjectNode n =
            Json.MAPPER
                .createObjectNode()
                .put(
                    "error",
                    "line "
                        + rejected.get(0).get("line").asInt()
                        + ": "
                        + rejected.get(0).get("error").asText()
                        + (rejected.size() > 1
                            ? " (and " + (rejected.size() - 1) + " more bad lines)"
                            : "")
                        + "; nothing stored");
        for (JsonNode r : rejected) ((ObjectNode) r).put("error", oneLine(r.get("error").asText()));
        n.put("error", oneLine(n.get("error").asText()));
        n.set("rejected", rejected);
        json(ctx, 400, n);
        return;
      }
    }
    String restore = ctx.queryParam("restoreDeleted");
    if (restore != null && !restore.equals("true") && !restore.equals("false")) {
      throw new ApiError(400, "restoreDeleted must be true or false");
    }
    IngestResult r;
    try {
      r = store.ingest(articles, "true".equals(restore));
    } catch (InvalidArticleException e) {
      throw new ApiError(400, e.getMessage() + "; nothing stored");
    } catch (IOException e) {
      // The store rolled the batch back; the client may retry once the store is writable.
      System.err.println("storytrack serve: POST /api/articles: " + e.getMessage());
      throw new ApiError(503, e.getMessage());
    }
    // An id given twice in one request is its later record (the store keeps the last): say how
    // many records were replaced so, as the CLI says it.
    long replaced = articles.size() - articles.stream().map(Article::id).distinct().count();
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("added", r.added())
        .put("updated", r.updated())
        .put("unchanged", r.unchanged())
        .put("empty", r.empty())
        .put("replaced", replaced);
    n.set("rejected", rejected);
    // Ids a person deleted are skipped unless restoreDeleted=true.
    r.deleted().forEach(n.putArray("deleted")::add);
    ObjectNode stories = n.putObject("stories");
    r.stories().forEach(stories::put);
    json(ctx, 200, n);
  }

  // ---------------------------------------------------------------- curation

  /** Longest curation body: ids and a note, never articles. */
  static final int MAX_CURATION_BODY = 256 * 1024;

  static final int MAX_NOTE = 2_000;
  static final int MAX_CURATED_ARTICLES = 1_000;

  private interface Decide {
    dev.storytrack.store.CurationDecision on(JsonNode body, String by, String note)
        throws IOException;
  }

  private void curationLog(Context ctx) throws IOException {
    ObjectNode n = Json.MAPPER.createObjectNode();
    ArrayNode a = n.putArray("decisions");
    for (var d : store.curationLog()) a.add(StoreJson.decision(d));
    json(ctx, 200, n);
  }

  /**
   * One curation decision from a JSON object: validated whole before the store changes anything
   * (the store checks every id first and commits the decision at once, serialized with ingests).
   */
  private void curate(Context ctx, Decide decide) throws IOException {
    String type =
        ctx.contentType() == null
            ? ""
            : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!type.equals("application/json"))
      throw new ApiError(415, "Content-Type must be application/json");
    if (!posts.tryAcquire()) throw new ApiError(503, "too many uploads at once; retry");
    try {
      if (ctx.contentLength() > MAX_CURATION_BODY)
        throw new ApiError(413, "body larger than " + MAX_CURATION_BODY + " bytes");
      byte[] bytes = ctx.bodyAsBytes();
      if (bytes.length > MAX_CURATION_BODY)
        throw new ApiError(413, "body larger than " + MAX_CURATION_BODY + " bytes");
      JsonNode body = singleValue(strictUtf8(bytes).strip());
      if (body == null || !body.isObject()) throw new ApiError(400, "body must be one JSON object");
      String note = optionalText(body, "note", MAX_NOTE);
      String by = optionalText(body, "by", 200);
      if (by.isBlank()) by = "http " + ctx.ip();
      dev.storytrack.store.CurationDecision d;
      try {
        d = decide.on(body, by, note);
      } catch (java.util.NoSuchElementException e) {
        throw new ApiError(404, e.getMessage() + "; nothing changed");
      } catch (IllegalArgumentException e) {
        throw new ApiError(400, e.getMessage() + "; nothing changed");
      } catch (IOException e) {
        // The store rolled the decision back; the client may retry once the store is writable.
        System.err.println("storytrack serve: POST " + ctx.path() + ": " + e.getMessage());
        throw new ApiError(503, e.getMessage());
      }
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.set("decision", StoreJson.decision(d));
      var result =
          d.result() == null ? java.util.Optional.<StoryDetail>empty() : store.story(d.result());
      if (result.isPresent()) n.set("story", StoreJson.summary(result.get().story()));
      else n.putNull("story");
      json(ctx, 200, n);
    } finally {
      posts.release();
    }
  }

  private dev.storytrack.store.CurationDecision merge(JsonNode body, String by, String note)
      throws IOException {
    List<String> stories = ids(body, "stories", 2);
    if (stories.size() != 2) throw new ApiError(400, "stories: give exactly two story ids");
    return store.merge(stories.get(0), stories.get(1), by, note);
  }

  private dev.storytrack.store.CurationDecision split(JsonNode body, String by, String note)
      throws IOException {
    JsonNode story = body.get("story");
    if (story == null || !story.isTextual())
      throw new ApiError(400, "story: give the story id as a string");
    return store.split(id(story.asText()), ids(body, "articles", MAX_CURATED_ARTICLES), by, note);
  }

  private dev.storytrack.store.CurationDecision delete(JsonNode body, String by, String note)
      throws IOException {
    return store.delete(ids(body, "articles", MAX_CURATED_ARTICLES), by, note);
  }

  /** A non-empty array of id strings, at most {@code max}. */
  private static List<String> ids(JsonNode body, String field, int max) {
    JsonNode a = body.get(field);
    if (a == null || !a.isArray() || a.isEmpty())
      throw new ApiError(400, field + ": give an array of ids");
    if (a.size() > max) throw new ApiError(400, field + ": at most " + max + " ids");
    List<String> out = new ArrayList<>();
    for (JsonNode e : a) {
      if (!e.isTextual()) throw new ApiError(400, field + ": every id must be a string");
      out.add(id(e.asText()));
    }
    return out;
  }

  private static String optionalText(JsonNode body, String field, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return "";
    if (!v.isTextual()) throw new ApiError(400, field + " must be a string");
    if (v.asText().length() > max)
      throw new ApiError(400, field + " longer than " + max + " characters");
    return v.asText().strip();
  }

  /** The body as text; invalid UTF-8 is refused, as the CLI readers refuse it. */
  private static String strictUtf8(byte[] bytes) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = d.decode(in, out, true);
    if (!r.isError()) r = d.flush(out);
    if (r.isError())
      throw new ApiError(400, "invalid UTF-8 at byte " + in.position() + "; nothing stored");
    return out.flip().toString();
  }

  // ---------------------------------------------------------------- helpers

  private static JsonNode singleValue(String body) {
    try {
      return ONE_VALUE.readTree(body);
    } catch (IOException e) {
      return null; // not exactly one JSON value: read as JSON Lines
    }
  }

  private static String id(String id) {
    if (id.isBlank() || id.length() > MAX_ID) throw new ApiError(400, "bad id");
    return id;
  }

  private static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) throw new ApiError(400, "missing query parameter '" + name + "'");
    return v;
  }

  private static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v != null && v.length() > MAX_QUERY)
      throw new ApiError(400, name + " longer than " + MAX_QUERY + " characters");
    return v;
  }

  private static Instant time(Context ctx, String name) {
    try {
      return StoreJson.parseTime(ctx.queryParam(name));
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, name + ": " + e.getMessage());
    }
  }

  private static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max)
        throw new ApiError(400, name + " must be between " + min + " and " + max);
      return n;
    } catch (NumberFormatException e) {
      throw new ApiError(400, name + " is not a number: " + Text.abbreviate(v, 40));
    }
  }

  /**
   * An error message for clients: its first line, without the parser's location dump ("at [Source:
   * ...]") or reference chain, and no longer than 300 characters.
   */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) return "error";
    String m = message.strip();
    int nl = m.indexOf('\n');
    if (nl >= 0) m = m.substring(0, nl).strip();
    for (String cut : new String[] {" at [Source:", " (through reference chain:", "\r"}) {
      int at = m.indexOf(cut);
      if (at > 0) m = m.substring(0, at).strip();
    }
    m = m.replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error)\\b:? ?", "").strip();
    if (m.isEmpty()) return "error";
    return Text.abbreviate(m, 300);
  }

  private static void json(Context ctx, int status, JsonNode n) throws IOException {
    ctx.attribute(HANDLED, true);
    ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsString(n));
  }

  private static void error(Context ctx, int status, String message) {
    ctx.attribute(HANDLED, true);
    ObjectNode n = Json.MAPPER.createObjectNode().put("error", oneLine(message));
    ctx.status(status).contentType("application/json").result(n.toString());
  }
}
