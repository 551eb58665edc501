package dev.storytrack.article.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page parsed once: its DOM, and the JSON of each of its JSON-LD scripts, read the first time
 * someone asks for it. The HTML and WARC readers parse a page for its metadata and leave it here
 * ({@link #take}) for the extractor that cleans the same article next on the same thread, so a page
 * read and cleaned is parsed once, not twice, and its JSON-LD read once for the date, the authors
 * and the declared body. The extractor changes the DOM it cleans, so a page is handed over once and
 * then forgotten; held softly, so a page never read again costs no memory the JVM needs.
 */
public final class ParsedPage {
  private static final ObjectMapper JSON = new ObjectMapper(Json.FACTORY);
  private static final ThreadLocal<SoftReference<ParsedPage>> LAST = new ThreadLocal<>();

  /** A script whose JSON-LD was read and is null (no content). */
  private static final Object NULL = new Object();

  private final String html;
  private final Document doc;
  private final Map<Element, Object> json = new IdentityHashMap<>();
  private String headline;

  private ParsedPage(String html, Document doc) {
    this.html = html;
    this.doc = doc;
  }

  /** {@code html} parsed, with no base address. */
  public static ParsedPage parse(String html) {
    return parse(html, "");
  }

  /** {@code html} parsed, links resolved against {@code baseUri}. */
  public static ParsedPage parse(String html, String baseUri) {
    return new ParsedPage(html, Jsoup.parse(html, baseUri == null ? "" : baseUri));
  }

  /** A page already parsed. */
  public static ParsedPage of(Document doc) {
    return new ParsedPage(null, doc);
  }

  /**
   * The page parsed from this very text ({@code html}, the same object) by the last reader on this
   * thread, handed over once; else {@code html} parsed now.
   */
  public static ParsedPage take(String html) {
    SoftReference<ParsedPage> ref = LAST.get();
    ParsedPage last = ref == null ? null : ref.get();
    if (last != null && last.html == html) {
      LAST.remove();
      return last;
    }
    return parse(html);
  }

  /** Whether a page parsed from this very text waits on this thread for {@link #take}. */
  static boolean waiting(String html) {
    SoftReference<ParsedPage> ref = LAST.get();
    ParsedPage last = ref == null ? null : ref.get();
    return last != null && last.html == html;
  }

  /** Offers this page to the next {@link #take} of its text on this thread. */
  public void leave() {
    if (html != null) LAST.set(new SoftReference<>(this));
  }

  public Document document() {
    return doc;
  }

  /**
   * {@link Headline#of} this page, found once: the reader's headline is the extractor's as long as
   * the DOM has not changed in between.
   */
  public String headline() {
    if (headline == null) headline = Headline.of(doc);
    return headline;
  }

  /**
   * The JSON of a script of this page ({@code script.data()}), read once whoever asks: the same
   * tree, or the same exception for JSON that does not parse (broken JSON-LD is common).
   */
  public JsonNode json(Element script) throws IOException {
    Object known = json.get(script);
    if (known == null) {
      try {
        JsonNode n = JSON.readTree(script.data());
        known = n == null ? NULL : n;
      } catch (IOException e) {
        known = e;
      }
      json.put(script, known);
    }
    if (known instanceof IOException e) throw e;
    return known == NULL ? null : (JsonNode) known;
  }
}
