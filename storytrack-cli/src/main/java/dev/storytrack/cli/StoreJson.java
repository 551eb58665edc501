package dev.storytrack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storytrack.align.Segment;
import dev.storytrack.article.Article;
import dev.storytrack.store.ArticleRef;
import dev.storytrack.store.SearchHit;
import dev.storytrack.store.StoredArticle;
import dev.storytrack.store.StoredRevision;
import dev.storytrack.store.StoryDetail;
import dev.storytrack.store.StoryPage;
import dev.storytrack.store.StorySummary;
import dev.storytrack.store.TimelinePoint;
import dev.storytrack.version.Revision;
import dev.storytrack.version.Revisions;
import dev.storytrack.version.Version;
import dev.storytrack.version.Versions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON shapes of store objects, shared by the CLI's --json output and the HTTP API. */
final class StoreJson {
  private StoreJson() {}

  static ObjectNode page(StoryPage p) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    ArrayNode a = n.putArray("stories");
    for (StorySummary s : p.stories()) a.add(summary(s));
    n.put("total", p.total());
    return n;
  }

  static ObjectNode summary(StorySummary s) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", s.id());
    n.put("title", s.title());
    n.put("size", s.size());
    ObjectNode src = n.putObject("sources");
    s.sources().forEach(src::put);
    n.put("firstSeen", time(s.firstSeen()));
    n.put("lastSeen", time(s.lastSeen()));
    n.put("topic", s.topic());
    return n;
  }

  static ObjectNode detail(StoryDetail d) {
    ObjectNode n = summary(d.story());
    n.put("earliest", d.earliest());
    ArrayNode arts = n.putArray("articles");
    for (ArticleRef r : d.articles()) arts.add(ref(r));
    ArrayNode tl = n.putArray("timeline");
    for (TimelinePoint p : d.timeline()) {
      tl.addObject().put("day", p.day()).put("source", p.source()).put("articles", p.articles());
    }
    return n;
  }

  /** The story with its {@code versions} (see {@link Versions}) from its stored articles. */
  static ObjectNode detail(StoryDetail d, List<StoredArticle> stored) {
    ObjectNode n = detail(d);
    List<Versions.Article> arts = new ArrayList<>();
    for (StoredArticle s : stored) {
      arts.add(
          new Versions.Article(
              s.article().id(), s.cleanedText(), s.article().published(), s.article().dateOnly()));
    }
    n.set("versions", versions(Versions.defaults().of(arts)));
    n.set("summary", brief(dev.storytrack.store.StoryBrief.of(d, stored)));
    return n;
  }

  /**
   * {@code {people, places, otherNames, lead, outlets}}: see {@link
   * dev.storytrack.store.StoryBrief}.
   */
  static ObjectNode brief(dev.storytrack.store.StoryBrief b) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    b.people().forEach(n.putArray("people")::add);
    b.places().forEach(n.putArray("places")::add);
    b.otherNames().forEach(n.putArray("otherNames")::add);
    n.put("lead", b.lead());
    ObjectNode o = n.putObject("outlets");
    b.outlets().forEach(o::put);
    return n;
  }

  /**
   * As {@link #detail(StoryDetail, List)}, each article with its {@code revisions} (see {@link
   * #revisions}).
   */
  static ObjectNode detail(
      StoryDetail d, List<StoredArticle> stored, Map<String, List<StoredRevision>> revisions) {
    ObjectNode n = detail(d, stored);
    for (JsonNode a : n.get("articles")) {
      ((ObjectNode) a)
          .set("revisions", revisions(revisions.getOrDefault(a.get("id").asText(), List.of())));
    }
    return n;
  }

  /** The article with its {@code revisions}. */
  static ObjectNode article(StoredArticle s, List<StoredRevision> revisions) {
    ObjectNode n = article(s);
    n.set("revisions", revisions(revisions));
    return n;
  }

  /**
   * An article's revisions, oldest first, each with what changed against the one before ({@link
   * Revisions}); {@code changes} is null for the first kept.
   */
  static ArrayNode revisions(List<StoredRevision> stored) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Revision r : Revisions.defaults().of(revisionTexts(stored))) {
      ObjectNode n = out.addObject();
      n.put("revision", r.number());
      n.put("seen", time(r.seen()));
      n.put("published", time(r.published()));
      n.put("title", r.title());
      Revision.Changes c = r.changes();
      if (c == null) {
        n.putNull("changes");
        continue;
      }
      ObjectNode ch = n.putObject("changes");
      if (c.headline() == null) ch.putNull("headline");
      else
        ch.putObject("headline")
            .put("before", c.headline().before())
            .put("after", c.headline().after());
      ch.set("added", segments(c.added()));
      ch.set("dropped", segments(c.dropped()));
      ArrayNode vs = ch.putArray("variants");
      for (Version.Change v : c.variants())
        vs.addObject().put("kind", v.kind()).put("before", v.before()).put("after", v.after());
      ch.put("correction", c.correction());
      ch.put("correctionNote", c.correctionNote());
    }
    return out;
  }

  static List<Revisions.Text> revisionTexts(List<StoredRevision> stored) {
    List<Revisions.Text> out = new ArrayList<>(stored.size());
    for (StoredRevision r : stored) {
      out.add(
          new Revisions.Text(
              r.number(), r.seen(), r.article().published(), r.title(), r.cleanedText()));
    }
    return out;
  }

  static ArrayNode versions(List<Version> versions) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Version v : versions) {
      ObjectNode n = out.addObject();
      n.put("id", v.id());
      n.put("origin", v.origin());
      n.put("reusedShare", v.reusedShare());
      ArrayNode from = n.putArray("reusedFrom");
      for (Version.Source src : v.reusedFrom())
        from.addObject().put("id", src.id()).put("share", src.share());
      n.set("added", segments(v.added()));
      n.set("dropped", segments(v.dropped()));
      ArrayNode changes = n.putArray("changes");
      for (Version.Change c : v.changes())
        changes.addObject().put("kind", c.kind()).put("before", c.before()).put("after", c.after());
    }
    return out;
  }

  private static ArrayNode segments(List<Segment> segments) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Segment g : segments)
      out.addObject().put("text", g.text()).put("start", g.start()).put("end", g.end());
    return out;
  }

  static ObjectNode ref(ArticleRef r) {
    ObjectNode a = Json.MAPPER.createObjectNode();
    a.put("id", r.id());
    a.put("source", r.source());
    a.put("title", r.title());
    a.put("published", time(r));
    a.put("url", r.url());
    return a;
  }

  static ObjectNode article(StoredArticle s) {
    Article a = s.article();
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", a.id());
    n.put("source", a.source());
    n.put("url", a.url());
    n.put("title", a.title());
    n.put("published", time(a.published()));
    n.put("story", s.story());
    n.put("duplicateGroup", s.duplicateGroup());
    n.put("text", s.cleanedText());
    return n;
  }

  static ObjectNode hits(List<SearchHit> hits) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    ArrayNode a = n.putArray("articles");
    for (SearchHit h : hits) {
      ObjectNode o = ref(h.article());
      o.put("story", h.story());
      o.put("score", h.score());
      o.put("snippet", h.snippet());
      ArrayNode marks = o.putArray("highlights");
      for (SearchHit.Highlight m : h.highlights())
        marks.addObject().put("start", m.start()).put("end", m.end());
      a.add(o);
    }
    return n;
  }

  /**
   * A search: {@code query}, {@code order} label, {@code total}, {@code articles}, {@code stories},
   * {@code storiesTotal}.
   */
  static ObjectNode results(dev.storytrack.store.SearchResults r) {
    ObjectNode n = hits(r.articles());
    n.put("order", r.order().label());
    n.put("total", r.totalArticles());
    ArrayNode st = n.putArray("stories");
    for (StorySummary s : r.stories()) st.add(summary(s));
    n.put("storiesTotal", r.totalStories());
    return n;
  }

  /** A curation decision: number, kind, time, by, note, stories, articles, result. */
  static ObjectNode decision(dev.storytrack.store.CurationDecision d) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("number", d.number())
        .put("kind", d.kind().label())
        .put("time", d.time().toString())
        .put("by", d.by())
        .put("note", d.note());
    d.stories().forEach(n.putArray("stories")::add);
    d.articles().forEach(n.putArray("articles")::add);
    n.put("result", d.result());
    return n;
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  /** The ref's time as the source gave it: a date when only the day is known. */
  static String time(ArticleRef r) {
    return r.published() == null ? null : Article.publishedText(r.published(), r.dateOnly());
  }

  /**
   * A time bound: an ISO-8601 instant or a date ({@code 2024-01-31}, UTC midnight).
   *
   * @throws IllegalArgumentException naming the value when it is neither
   */
  static Instant parseTime(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      Instant t =
          s.length() == 10
              ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
              : Instant.parse(s);
      // The store keeps times as epoch milliseconds: a far year would overflow them.
      if (!dev.storytrack.article.ArticleLimits.inRange(t))
        throw new IllegalArgumentException(
            "time '" + Text.abbreviate(s, 40) + "' outside years 0001-9999");
      return t;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "bad time '" + s + "': expected 2024-01-31 or 2024-01-31T12:00:00Z");
    }
  }
}
