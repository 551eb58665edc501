package dev.storytrack.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storytrack.article.internal.ParsedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Authors ({@link Bylines}), declared language of a page ({@code <html lang>}, else the
 * content-language or {@code og:locale} meta) and the article body it declares in JSON-LD, read
 * from its markup before cleaning.
 */
final class PageMetadata {
  /** JSON-LD scripts larger than this are not read for a body (no article is that long). */
  private static final int MAX_LD_CHARS = 4_000_000;

  // Selectors parsed once: jsoup parses a query string on every call.
  private static final Evaluator HTML = QueryParser.parse("html");
  private static final Evaluator DECLARED_LANGUAGE =
      QueryParser.parse("meta[http-equiv=content-language], meta[property=og:locale]");
  static final Evaluator JSON_LD = QueryParser.parse("script[type=application/ld+json]");
  private static final Evaluator ADDRESS =
      QueryParser.parse("link[rel=canonical][href], meta[property=og:url][content]");

  private PageMetadata() {}

  /**
   * @param declaredBody the longest schema.org {@code articleBody} in the page's JSON-LD, as the
   *     page wrote it (plain text, sometimes HTML); empty when there is none
   * @param thread the page says it is a discussion thread: JSON-LD {@code DiscussionForumPosting},
   *     or a canonical address under a forum path ({@link #threadAddress})
   */
  record Found(List<String> authors, String language, String declaredBody, boolean thread) {}

  /**
   * Reads the page's metadata before it is cleaned. Its JSON-LD scripts are walked once, for the
   * authors, the declared body and a thread's type, each read as JSON at most once ({@link
   * ParsedPage#json}, shared with the reader's date).
   */
  static Found read(ParsedPage page) {
    Document doc = page.document();
    Element html = doc.selectFirst(HTML);
    String lang = html == null ? "" : html.attr("lang");
    if (lang.isBlank()) {
      Element m = doc.selectFirst(DECLARED_LANGUAGE);
      if (m != null) lang = m.attr("content");
    }
    String body = "";
    boolean thread = false;
    List<JsonNode> withAuthors = new ArrayList<>();
    for (Element s : doc.select(JSON_LD)) {
      String data = s.data();
      thread |= data.contains("DiscussionForumPosting");
      boolean authors = Bylines.mayNameAuthors(data);
      boolean declares = data.length() <= MAX_LD_CHARS && data.contains("articleBody");
      if (!authors && !declares) continue;
      JsonNode json;
      try {
        json = page.json(s);
      } catch (Exception e) {
        continue; // broken JSON-LD is common: the page's markup still has the article
      }
      if (authors && json != null) withAuthors.add(json);
      if (declares) {
        String b = articleBody(json, 0);
        if (b.length() > body.length()) body = b;
      }
    }
    List<String> authors = Bylines.authors(doc, withAuthors);
    if (!thread) {
      Element c = doc.selectFirst(ADDRESS);
      thread = c != null && threadAddress(c.hasAttr("href") ? c.attr("href") : c.attr("content"));
    }
    return new Found(List.copyOf(authors), normaliseLanguage(lang), body, thread);
  }

  /** Path segments of forum software's thread addresses (XenForo, vBulletin, phpBB, others). */
  private static final Pattern THREAD_PATH =
      Pattern.compile(
          "^https?://[^/]+(?:/[^?#]*)?/(?:forums?|threads?|discussions?|showthread\\.php|viewtopic\\.php)"
              + "(?:[/?#.]|$)",
          Pattern.CASE_INSENSITIVE);

  /** Whether {@code url} is a thread of a forum ("https://example.org/forum/threads/1234/"). */
  static boolean threadAddress(String url) {
    return url != null && THREAD_PATH.matcher(url.strip()).find();
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
