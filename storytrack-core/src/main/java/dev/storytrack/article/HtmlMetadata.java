package dev.storytrack.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One decoded web page and the article metadata its head declares: title, publication time,
 * canonical URL and site name. Shared by the HTML and WARC readers.
 */
final class HtmlMetadata {
  /** Meta keys (property, name or itemprop, lower-cased) that give the publication time. */
  private static final List<String> PUBLISHED_KEYS =
      List.of(
          "article:published_time",
          "og:article:published_time",
          "og:published_time",
          "datepublished",
          "pubdate",
          "publishdate",
          "publish-date",
          "date",
          "dc.date.issued",
          "dcterms.issued",
          "dc.date",
          "sailthru.date",
          "parsely-pub-date");

  private static final ObjectMapper JSON = new ObjectMapper(ArticleJson.FACTORY);

  final String html;
  final String title;
  final Instant published;
  final String url;
  final String siteName;

  private HtmlMetadata(String html, Document doc) {
    this.html = html;
    Map<String, String> meta = metaByKey(doc);
    this.title = firstNonBlank(meta.get("og:title"), doc.title(), firstText(doc, "h1"));
    this.published = published(doc, meta);
    this.url = url(doc, meta);
    this.siteName = meta.getOrDefault("og:site_name", "");
  }

  /**
   * Decodes ({@link PageCharset}: BOM, {@code charsetHint} from an HTTP header, meta charset,
   * detection) and parses a page. The bytes are decoded once; the text kept in {@link #html} is
   * what was parsed.
   */
  static HtmlMetadata parse(byte[] bytes, String charsetHint, String baseUri) {
    String html = PageCharset.decode(bytes, charsetHint).text();
    return new HtmlMetadata(html, Jsoup.parse(html, baseUri == null ? "" : baseUri));
  }

  /** The host of {@code url}, or "" when it has none. */
  static String host(String url) {
    if (url == null || url.isBlank()) return "";
    try {
      String h = new URI(url.strip()).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (Exception e) {
      return "";
    }
  }

  private static Map<String, String> metaByKey(Document doc) {
    Map<String, String> meta = new HashMap<>();
    for (Element m : doc.select("meta")) {
      String content = m.hasAttr("content") ? m.attr("content") : m.attr("datetime");
      if (content.isBlank()) continue;
      for (String attr : new String[] {"property", "name", "itemprop"}) {
        String key = m.attr(attr).strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) meta.putIfAbsent(key, content.strip());
      }
    }
    return meta;
  }

  private static Instant published(Document doc, Map<String, String> meta) {
    for (String key : PUBLISHED_KEYS) {
      Instant t = IsoDates.parseLenient(meta.get(key));
      if (t != null) return t;
    }
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        Instant t = IsoDates.parseLenient(datePublished(JSON.readTree(script.data())));
        if (t != null) return t;
      } catch (IOException e) {
        // broken JSON-LD is common; other sources may still give the time
      }
    }
    for (Element time : doc.select("time[datetime]")) {
      Instant t = IsoDates.parseLenient(time.attr("datetime"));
      if (t != null) return t;
    }
    return null;
  }

  /**
   * {@code datePublished} of the page's own entity: top-level objects, arrays of them and {@code
   * @graph} members, not nested ones (a comment or a related article has its own date).
   */
  private static String datePublished(JsonNode node) {
    if (node == null) return null;
    if (node.isArray()) {
      for (JsonNode n : node) {
        String d = datePublished(n);
        if (d != null) return d;
      }
      return null;
    }
    if (!node.isObject()) return null;
    JsonNode d = node.get("datePublished");
    if (d != null && d.isTextual() && !d.asText().isBlank()) return d.asText();
    return datePublished(node.get("@graph"));
  }

  private static String url(Document doc, Map<String, String> meta) {
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null) {
      String abs = canonical.attr("abs:href");
      if (!abs.isBlank()) return abs.strip();
      String raw = canonical.attr("href").strip();
      if (raw.contains("://")) return raw;
    }
    return meta.getOrDefault("og:url", "");
  }

  private static String firstText(Document doc, String css) {
    Element e = doc.selectFirst(css);
    return e == null ? "" : e.text();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v.strip().replaceAll("\\s+", " ");
    return "";
  }
}
