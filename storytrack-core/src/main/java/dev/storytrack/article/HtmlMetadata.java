package dev.storytrack.article;

import dev.storytrack.article.internal.ParsedPage;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One decoded web page and the article metadata its head declares: title, publication time,
 * canonical URL and site name. Shared by the HTML and WARC readers.
 */
final class HtmlMetadata {
  final String html;
  final String title;
  final Instant published;
  final String url;
  final String siteName;

  private HtmlMetadata(String html, ParsedPage page) {
    this.html = html;
    Document doc = page.document();
    Map<String, String> meta = metaByKey(doc);
    this.title = page.headline();
    this.url = url(doc, meta);
    this.published = PageDates.published(page, meta, url.isEmpty() ? doc.location() : url, title);
    this.siteName = meta.getOrDefault("og:site_name", "");
  }

  /**
   * Decodes ({@link PageCharset}: BOM, {@code charsetHint} from an HTTP header, meta charset,
   * detection) and parses a page. The bytes are decoded once; the text kept in {@link #html} is
   * what was parsed, and the parsed page is left for the extractor ({@link ParsedPage#take}).
   */
  static HtmlMetadata parse(byte[] bytes, String charsetHint, String baseUri) {
    String html = PageCharset.decode(bytes, charsetHint).text();
    ParsedPage page = ParsedPage.parse(html, baseUri);
    HtmlMetadata m = new HtmlMetadata(html, page);
    page.leave();
    return m;
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
    Map<String, String> meta = new java.util.LinkedHashMap<>();
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
}
