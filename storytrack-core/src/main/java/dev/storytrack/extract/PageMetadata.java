package dev.storytrack.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Authors ({@link Bylines}), declared language of a page ({@code <html lang>}, else the
 * content-language or {@code og:locale} meta) and the article body it declares in JSON-LD, read
 * from its markup before cleaning.
 */
final class PageMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** JSON-LD scripts larger than this are not read for a body (no article is that long). */
  private static final int MAX_LD_CHARS = 4_000_000;

  private PageMetadata() {}

  /**
   * @param declaredBody the longest schema.org {@code articleBody} in the page's JSON-LD, as the
   *     page wrote it (plain text, sometimes HTML); empty when there is none
   * @param thread the page says it is a discussion thread: JSON-LD {@code DiscussionForumPosting},
   *     or a canonical address under a forum path ({@link #threadAddress})
   */
  record Found(List<String> authors, String language, String declaredBody, boolean thread) {}

  static Found read(Document doc) {
    List<String> authors = Bylines.authors(doc);
    Element html = doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang");
    if (lang.isBlank()) {
      Element m = doc.selectFirst("meta[http-equiv=content-language], meta[property=og:locale]");
      if (m != null) lang = m.attr("content");
    }
    // One pass over the JSON-LD for the declared body and a thread's type.
    String body = "";
    boolean thread = false;
    for (Element s : doc.select("script[type=application/ld+json]")) {
      String data = s.data();
      thread |= data.contains("DiscussionForumPosting");
      String b = declaredBody(data);
      if (b.length() > body.length()) body = b;
    }
    if (!thread) {
      Element c = doc.selectFirst("link[rel=canonical][href], meta[property=og:url][content]");
      thread = c != null && threadAddress(c.hasAttr("href") ? c.attr("href") : c.attr("content"));
    }
    return new Found(List.copyOf(authors), normaliseLanguage(lang), body, thread);
  }

  /** Path segments of forum software's thread addresses (XenForo, vBulletin, phpBB, others). */
  private static final Pattern THREAD_PATH = Pattern.compile(
      "^https?://[^/]+(?:/[^?#]*)?/(?:forums?|threads?|discussions?|showthread\\.php|viewtopic\\.php)"
          + "(?:[/?#.]|$)", Pattern.CASE_INSENSITIVE);

  /** Whether {@code url} is a thread of a forum ("https://example.org/forum/threads/1234/"). */
  static boolean threadAddress(String url) {
    return url != null && THREAD_PATH.matcher(url.strip()).find();
  }

  /** The longest {@code articleBody} in one JSON-LD script, "" when none or when it is broken. */
  private static String declaredBody(String data) {
    if (data.length() > MAX_LD_CHARS || !data.contains("articleBody")) return "";
    try {
      return articleBody(JSON.readTree(data), 0);
    } catch (Exception e) {
      return ""; // broken JSON-LD is common: the page's markup still has the article
    }
  }

  private static String articleBody(JsonNode n, int depth) {
    if (n == null || depth > 8 || !(n.isArray() || n.isObject())) return "";
    String best = n.path("articleBody").isTextual() ? n.path("articleBody").asText() : "";
    // Nested: {"@graph": [...]}, {"mainEntity": {...}}, arrays of items.
    for (JsonNode c : n) {
      String b = articleBody(c, depth + 1);
      if (b.length() > best.length()) best = b;
    }
    return best;
  }

  /** "en-US" and "en_us" to "en"; "" when it does not look like a language tag. */
  static String normaliseLanguage(String tag) {
    String t = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = t.indexOf('-');
    if (dash > 0) t = t.substring(0, dash);
    return t.matches("[a-z]{2,3}") ? t : "";
  }

  /** Language of a text when the page declares none ({@link Languages}); "" when unclear. */
  static String guessLanguage(String text) {
    return Languages.detect(text);
  }
}
