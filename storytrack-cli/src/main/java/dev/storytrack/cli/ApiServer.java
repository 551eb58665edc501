package dev.storytrack.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.Storytrack;
import dev.storytrack.article.Article;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.link.Comparison;
import dev.storytrack.store.IngestResult;
import dev.storytrack.store.StoredArticle;
import dev.storytrack.store.StoryDetail;
import dev.storytrack.store.StoryQuery;
import dev.storytrack.store.StoryStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
  static final int MAX_ID = 512;

  private static final ObjectReader ONE_VALUE =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String HANDLED = "storytrack.handled";

  private final StoryStore store;
  private final Javalin app;

  /** A bad request: status and a one-line reason for the client. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiError(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  private ApiServer(StoryStore store) {
    this.store = store;
    this.app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.http.maxRequestSize = MAX_BODY;
      cfg.staticFiles.add(sf -> {
        sf.hostedPath = "/";
        sf.directory = "/web";
        sf.location = Location.CLASSPATH;
        // The page draws untrusted text with textContent only; the policy is a second line.
        sf.headers = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-cache");
      });
    });
    app.get("/api/health", this::health);
    app.get("/api/stories", this::stories);
    app.get("/api/stories/{id}", this::story);
    app.get("/api/articles/{id}", this::article);
    app.post("/api/articles", this::post);
    app.get("/api/compare", this::compare);
    app.get("/api/search", this::search);
    app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
    app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      System.err.println("storytrack serve: " + ctx.method() + " " + ctx.path() + ": " + e);
      error(ctx, 500, "internal error");
    });
    app.error(404, ctx -> {
      if (ctx.attribute(HANDLED) == null) error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
    });
  }

  /** Starts a server on {@code bind:port} (0 for any free port). */
  static ApiServer start(StoryStore store, String bind, int port) {
    ApiServer s = new ApiServer(store);
    s.app.start(bind, port);
    return s;
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
    ObjectNode n = Json.MAPPER.createObjectNode().put("status", "ok").put("articles", c[0]).put("stories", c[1]);
    json(ctx, 200, n);
  }

  private void stories(Context ctx) throws IOException {
    StoryQuery q;
    try {
      q = new StoryQuery(time(ctx, "since"), time(ctx, "until"), text(ctx, "q"), intParam(ctx, "offset", 0, 0, 1_000_000),
          intParam(ctx, "limit", 50, 1, StoryQuery.MAX_LIMIT));
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    json(ctx, 200, StoreJson.page(store.stories(q)));
  }

  private void story(Context ctx) throws IOException {
    String id = id(ctx.pathParam("id"));
    StoryDetail d = store.story(id).orElseThrow(() -> new ApiError(404, "no story " + id));
    json(ctx, 200, StoreJson.detail(d, store.storyArticles(id)));
  }

  private void article(Context ctx) throws IOException {
    String id = id(ctx.pathParam("id"));
    json(ctx, 200, StoreJson.article(stored(id)));
  }

  private StoredArticle stored(String id) throws IOException {
    return store.article(id).orElseThrow(() -> new ApiError(404, "no article " + id));
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
    if (q.length() > MAX_QUERY) throw new ApiError(400, "q longer than " + MAX_QUERY + " characters");
    int offset = intParam(ctx, "offset", 0, 0, 10_000);
    int limit = intParam(ctx, "limit", 20, 1, 1000);
    json(ctx, 200, StoreJson.hits(store.search(q, offset, limit)));
  }

  /** One JSON article, or JSON Lines; bad lines are skipped and reported, not fatal. */
  private void post(Context ctx) throws IOException {
    long declared = ctx.contentLength();
    if (declared > MAX_BODY) throw new ApiError(413, "body larger than " + MAX_BODY + " bytes");
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY) throw new ApiError(413, "body larger than " + MAX_BODY + " bytes");
    String body = new String(bytes, StandardCharsets.UTF_8).strip();
    if (body.isEmpty()) throw new ApiError(400, "empty body: send one JSON article or JSON Lines");
    List<Article> articles = new ArrayList<>();
    ArrayNode rejected = Json.MAPPER.createArrayNode();
    JsonNode single = singleValue(body);
    if (single != null) {
      if (!single.isObject()) throw new ApiError(400, "body is not a JSON object");
      try {
        articles.add(ArticleJson.fromObject(single));
      } catch (IllegalArgumentException e) {
        throw new ApiError(400, "bad article: " + e.getMessage());
      }
    } else {
      String[] lines = body.split("\r?\n");
      if (lines.length > MAX_RECORDS) throw new ApiError(413, "more than " + MAX_RECORDS + " records");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank()) continue;
        try {
          articles.add(ArticleJson.fromLine(lines[i]));
        } catch (IllegalArgumentException e) {
          rejected.addObject().put("line", i + 1).put("error", e.getMessage());
        }
      }
      if (articles.isEmpty()) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("error", "no valid article in the body");
        n.set("rejected", rejected);
        json(ctx, 400, n);
        return;
      }
    }
    for (Article a : articles) {
      if (a.id().length() > MAX_ID) throw new ApiError(400, "id longer than " + MAX_ID + " characters: " + a.id().substring(0, 40) + "...");
    }
    IngestResult r = store.ingest(articles);
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("added", r.added()).put("updated", r.updated()).put("unchanged", r.unchanged()).put("empty", r.empty());
    n.set("rejected", rejected);
    ObjectNode stories = n.putObject("stories");
    r.stories().forEach(stories::put);
    json(ctx, 200, n);
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
    if (v != null && v.length() > MAX_QUERY) throw new ApiError(400, name + " longer than " + MAX_QUERY + " characters");
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
      if (n < min || n > max) throw new ApiError(400, name + " must be between " + min + " and " + max);
      return n;
    } catch (NumberFormatException e) {
      throw new ApiError(400, name + " is not a number: " + Text.abbreviate(v, 40));
    }
  }

  private static void json(Context ctx, int status, JsonNode n) throws IOException {
    ctx.attribute(HANDLED, true);
    ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsString(n));
  }

  private static void error(Context ctx, int status, String message) {
    ctx.attribute(HANDLED, true);
    ObjectNode n = Json.MAPPER.createObjectNode().put("error", message == null ? "error" : message);
    ctx.status(status).contentType("application/json").result(n.toString());
  }
}
