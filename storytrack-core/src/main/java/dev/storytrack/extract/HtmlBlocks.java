package dev.storytrack.extract;

import dev.storytrack.article.internal.Headline;
import dev.storytrack.article.internal.ParsedPage;
import dev.storytrack.extract.Removed.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * HTML page to blocks: drops non-content subtrees (by element, ARIA role, or class/id tokens),
 * reports the visible ones, and turns the rest of the DOM into paragraph blocks (p, headings, li,
 * blockquote, table cells, div text runs, br-separated lines) that {@link LineRules} then judges.
 *
 * <p>Later main-content scoring (text and link density per block) can grow here: every block
 * already carries its link characters.
 */
final class HtmlBlocks {
  private HtmlBlocks() {}

  /** The page read: blocks, what the DOM pass removed, and title candidates. */
  record Page(String title, List<String> titles, List<Block> blocks, PageMetadata.Found meta) {}

  /**
   * Never visible as text, or not part of it: dropped without a report. Ruby annotations ({@code
   * rt}, {@code rp}: the reading printed above Japanese or Chinese characters) would otherwise run
   * into the base text they annotate ("子こども" for "子ども").
   */
  private static final String SILENT =
      "script, style, noscript, template, svg, iframe, object, embed, canvas, head, link, meta,"
          + " video, audio, map, dialog[aria-hidden=true], rt, rp";

  /** Markup the browser does not show: schema.org copies, collapsed menus, pre-rendered modals. */
  private static final String HIDDEN =
      "[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none],"
          + " [style~=(?i)visibility\\s*:\\s*hidden]";

  // Selectors parsed once: jsoup parses a query string on every call.
  private static final Evaluator SILENT_QUERY = QueryParser.parse(SILENT);
  private static final Evaluator HIDDEN_QUERY = QueryParser.parse(HIDDEN);
  private static final Evaluator STREAMED = QueryParser.parse("div[hidden][id^=S:]");
  private static final Evaluator TEMPLATES = QueryParser.parse("template[id]");
  private static final Evaluator BODY_TEMPLATES =
      QueryParser.parse("[itemprop=articleBody] > script[type~=(?i)^text/(x-)?template$]");
  private static final Evaluator OG_TITLE =
      QueryParser.parse("meta[property=og:title], meta[name=og:title]");
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator PICTURE = QueryParser.parse("img, picture");

  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "table",
          "tr",
          "caption",
          "figure",
          "figcaption",
          "header",
          "footer",
          "nav",
          "aside",
          "address",
          "hr",
          "form",
          "fieldset",
          "details",
          "summary",
          "center",
          "body",
          "tbody",
          "thead",
          "tfoot",
          "legend",
          "hgroup",
          "menu",
          "picture",
          "br");

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /** Never removed for their class: they are the content containers themselves. */
  private static final Set<String> CONTAINERS = Set.of("html", "body", "article", "main");

  /**
   * Class/id tokens (split on '-', '_', spaces and camelCase; matched whole, so "shadow" is not
   * "ad" and "commentary" is not "comment") and the reason they stand for. Strong tokens remove
   * even large subtrees; weak (layout) tokens only small ones, see {@link #keepAnyway}.
   */
  private static final Map<String, Removed.Reason> STRONG_TOKENS =
      tokens(
          Reason.COMMENTS,
          "comment comments disqus respond reply replies commentlist commentform" + " discussion",
          Reason.SHARE,
          "share sharing social sharebar sharetools socialshare sharedaddy addthis"
              + " sharethis shares",
          Reason.RELATED,
          "related relatedposts recommended recommendations readmore outbrain"
              + " taboola trending popular",
          Reason.SUBSCRIBE,
          "newsletter subscribe subscription signup newsletterbox",
          Reason.COOKIE,
          "cookie cookies consent gdpr cookiebanner cookieconsent",
          Reason.WIDGET,
          "advert advertisement advertising ad ads adsbygoogle adslot adunit sponsor"
              + " sponsored promo promotion donate popup modal",
          Reason.CAPTION,
          "caption figcaption",
          Reason.BYLINE,
          "byline bio authorbio dateline");

  private static final Map<String, Removed.Reason> WEAK_TOKENS =
      tokens(
          Reason.NAVIGATION,
              "nav navbar navigation menu breadcrumb breadcrumbs pagination pager"
                  + " tags tagcloud masthead footer header toolbar skip",
          Reason.WIDGET, "sidebar widget widgets banner aside rail",
          Reason.BYLINE, "author meta");

  /**
   * React's streaming server rendering (Next.js and others) sends each suspended part of the page
   * later in the document as {@code <div hidden id="S:n">}, and a script moves it into the place
   * held by {@code <template id="B:n">} (or {@code P:n}) once it arrives. Saved pages hold the
   * whole article in such a div; without this it counts as hidden markup and the page as empty. The
   * move is done here as the browser's script would do it (document order, so segments that arrive
   * inside other segments land too); a segment without its placeholder is only unhidden.
   */
  static boolean revealStreamedSegments(Document doc) {
    var segments = doc.select(STREAMED);
    if (segments.isEmpty()) return false;
    // One pass for the placeholders: a lookup per segment would make the move quadratic.
    Map<String, Element> slots = new java.util.HashMap<>();
    for (Element t : doc.select(TEMPLATES)) slots.putIfAbsent(t.id(), t);
    for (Element seg : segments) {
      String n = seg.id().substring(2);
      if (n.isEmpty() || !n.chars().allMatch(Character::isDigit)) continue;
      Element slot = slots.get("B:" + n);
      if (slot == null) slot = slots.get("P:" + n);
      seg.removeAttr("hidden");
      if (slot == null || slot.parent() == null) continue;
      List<Node> kids = new ArrayList<>(seg.childNodes());
      for (Node k : kids) slot.before(k);
      slot.remove();
      seg.remove();
    }
    return true;
  }

  /**
   * An HTML template script inside the element the page marks as its article body is that body,
   * rendered by script when the page loads (Blogger's themes, Google's own blogs among them, ship
   * every post this way). Parsed in place; any other script stays out with the rest. True when the
   * page has such a script.
   */
  static boolean revealBodyTemplates(Document doc) {
    boolean found = false;
    for (Element s : doc.select(BODY_TEMPLATES)) {
      found = true;
      String html = s.data();
      if (html.isBlank()) continue;
      Element parsed = Jsoup.parseBodyFragment(html).body();
      for (Node k : new ArrayList<>(parsed.childNodes())) s.before(k);
      s.remove();
    }
    return found;
  }

  /**
   * Removes what is never shown ({@link #SILENT}, {@link #HIDDEN}), subtrees whole, in one walk.
   */
  private static void removeUnseen(Document doc) {
    List<Element> unseen = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) return FilterResult.SKIP_CHILDREN;
            if (SILENT_QUERY.matches(doc, el) || HIDDEN_QUERY.matches(doc, el)) {
              unseen.add(el);
              return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        doc);
    for (Element el : unseen) el.remove();
  }

  private static Map<String, Removed.Reason> tokens(Object... reasonAndWords) {
    Map<String, Removed.Reason> m = new java.util.HashMap<>();
    for (int i = 0; i < reasonAndWords.length; i += 2) {
      for (String w : ((String) reasonAndWords[i + 1]).split(" ")) {
        m.put(w, (Removed.Reason) reasonAndWords[i]);
      }
    }
    return Map.copyOf(m);
  }

  static Page read(String html) {
    return read(html, false);
  }

  /**
   * @param thread read the page as a discussion thread: its posts are the content, so containers
   *     named after comments or replies stay (forum software names the thread that way)
   */
  static Page read(String html, boolean thread) {
    // The reader's parse of the same text when it is at hand: a page is parsed once.
    ParsedPage parsed = ParsedPage.take(html);
    Document doc = parsed.document();
    boolean revealed = revealStreamedSegments(doc);
    revealed |= revealBodyTemplates(doc);
    PageMetadata.Found meta = PageMetadata.read(parsed);
    List<String> titles = new ArrayList<>();
    Element og = doc.selectFirst(OG_TITLE);
    if (og != null) titles.add(Normalize.whitespace(og.attr("content")));
    Element h1 = doc.selectFirst(H1);
    if (h1 != null) titles.add(Normalize.whitespace(h1.text()));
    String docTitle = Normalize.whitespace(doc.title());
    if (!docTitle.isEmpty()) {
      titles.add(docTitle);
      // "Headline | Site": the headline part is what the page repeats.
      for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
        int at = docTitle.lastIndexOf(sep);
        if (at > 0) titles.add(docTitle.substring(0, at).trim());
      }
    }
    titles.removeIf(String::isEmpty);
    // The headline readers see (the reader's choice too, so JSONL records with HTML get the same;
    // the reader's own when nothing was revealed since it read the page).
    String title = revealed ? Headline.of(doc) : parsed.headline();
    if (title.isEmpty()) {
      title = titles.isEmpty() ? "" : titles.get(0);
    } else if (!titles.contains(title)) {
      titles.add(title);
    }

    removeUnseen(doc);
    Element body = doc.body();
    if (body == null) return new Page(title, titles, List.of(), meta);

    Map<Element, Integer> words = new IdentityHashMap<>();
    Map<Element, Integer> prose = new IdentityHashMap<>();
    wordCounts(body, words, prose);
    Map<Element, MainContent.Stats> stats = MainContent.stats(body, Map.of());
    int total = Math.max(1, words.getOrDefault(body, 0));
    Map<Element, Removed.Reason> dropped = new IdentityHashMap<>();
    // One filtered walk that skips dropped subtrees: linear even on a DOM 100,000 levels deep.
    NodeTraversor.filter(
        new NodeFilter() {
          int articles;

          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element el)) return FilterResult.SKIP_CHILDREN;
            if (el == body) return FilterResult.CONTINUE;
            int p = prose.getOrDefault(el, 0);
            // An article's own header (HTML5: a header inside an article) holds its headline, lead
            // and byline, not the site's banner: one with prose stays, its lines judged one by one.
            Removed.Reason reason =
                articles > 0 && p > 0 && el.normalName().equals("header")
                    ? null
                    : reasonFor(el, words.getOrDefault(el, 0), p, total, stats, thread);
            if (reason == null) {
              if (el.normalName().equals("article")) articles++;
              return FilterResult.CONTINUE;
            }
            dropped.put(el, reason);
            return FilterResult.SKIP_ENTIRELY;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el && el != body && el.normalName().equals("article"))
              articles--;
            return FilterResult.CONTINUE;
          }
        },
        body);
    List<Element> roots = MainContent.select(body, dropped);
    return new Page(title, titles, LinkLists.mark(blocks(body, dropped, roots)), meta);
  }

  private static Removed.Reason reasonFor(
      Element el,
      int words,
      int prose,
      int total,
      Map<Element, MainContent.Stats> stats,
      boolean thread) {
    String tag = el.normalName();
    if (CONTAINERS.contains(tag)) return null;
    Removed.Reason reason =
        switch (tag) {
          case "nav", "header", "footer", "menu" -> Reason.NAVIGATION;
          case "aside" -> Reason.WIDGET;
          case "form", "button", "select", "input", "textarea", "label", "option" -> Reason.FORM;
          case "figcaption" -> Reason.CAPTION;
          // A figure is a photo with its caption; pull quotes and tables also come as figures.
          case "figure" -> words <= 80 && el.selectFirst(PICTURE) != null ? Reason.CAPTION : null;
          default -> null;
        };
    boolean strong = false;
    boolean byName = false;
    if (reason == null) {
      // Class names are more specific than ARIA roles (a cookie banner is also a dialog).
      ClassReason found = classReason(el);
      if (found != null && found.strong()) {
        reason = found.reason();
        strong = true;
        byName = true;
      } else {
        reason =
            switch (el.attr("role").toLowerCase(Locale.ROOT)) {
              case "navigation", "banner", "contentinfo", "menu", "menubar" -> Reason.NAVIGATION;
              case "complementary", "dialog", "alertdialog" -> Reason.WIDGET;
              case "search", "form" -> Reason.FORM;
              default -> null;
            };
        if (reason == null && found != null) {
          reason = found.reason();
          byName = true;
        }
      }
    }
    if (reason == null || thread && byName && reason.equals(Reason.COMMENTS)) return null;
    // A post embedded from a social network (the quoted tweet, the Instagram caption) sits in a
    // wrapper named "social", "share" or "widget", but it is a quotation the article makes, not
    // a share bar or a widget of the site: a wrapper whose text is (mostly) that quotation.
    MainContent.Stats own = stats.get(el);
    // A page column (sidebar, aside, rail) holding a quotation is the site's motto or a
    // testimonial, never an embed.
    if (byName
        && (reason.equals(Reason.SHARE) || reason.equals(Reason.WIDGET))
        && own != null
        && own.quotes > 0
        && own.quoteChars * 10L >= own.chars * 7L
        && !column(el)) {
      return null;
    }
    if (byName && reason.equals(Reason.COMMENTS) && wholeBody(el, own, stats)) return null;
    if (byName && reason.equals(Reason.BYLINE) && inlineDateline(el)) return null;
    return keepAnyway(el, reason, words, prose, total, strong, stats.get(el), stats.get(body(el)))
        ? null
        : reason;
  }

  /**
   * A dateline set inline at the start of the first paragraph ({@code <p><span class="dateline">
   * KOBE &ndash; </span>A total of ...}) is the report's first words, as it is in plain text
   * ("BEIRUT: A US-backed force ..."); a dateline box of its own (the date above the story) is not.
   */
  private static boolean inlineDateline(Element el) {
    Element p = el.parent();
    if (p == null || !p.normalName().equals("p") || !INLINE_TAGS.contains(el.normalName()))
      return false;
    if (!splitTokens(el.className() + " " + el.id()).contains("dateline")) return false;
    String own = el.text().strip();
    String all = p.text().strip();
    return !own.isEmpty() && all.startsWith(own) && all.length() - own.length() >= 40;
  }

  /** Text-styling tags only (narrower than MainContent's inline set: no links, no times). */
  private static final Set<String> INLINE_TAGS = Set.of("span", "strong", "b", "em", "i", "small");

  private static final Set<String> BODY_TOKENS = Set.of("body", "content", "text", "entry");

  /**
   * A comment-named wrapper that is nearly all of the article body it sits in (a "comment on
   * selection" layer around a post) is that body: comment sections come beside the body, not as all
   * of it. The body is recognised by its name (body, content, text, entry) and by not being named
   * after comments itself ("comment-body" is one comment).
   */
  private static boolean wholeBody(
      Element el, MainContent.Stats own, Map<Element, MainContent.Stats> stats) {
    Element parent = el.parent();
    if (own == null || parent == null || own.prose == 0) return false;
    MainContent.Stats ps = stats.get(parent);
    if (ps == null || own.chars * 3L < ps.chars * 2L) return false;
    ClassReason pr = classReason(parent);
    if (pr != null && pr.strong()) return false;
    for (String tok : splitTokens(parent.className() + " " + parent.id())) {
      if (BODY_TOKENS.contains(tok)) return true;
    }
    return false;
  }

  /**
   * The guard against wrappers: an element that holds the headline or an article/main element, or
   * (unless its name is a strong signal) most of the page's words, is a layout container
   * ("content-with-sidebar", an ASP.NET page-wide form), not boilerplate. Nor is one that holds
   * several paragraphs of prose (long unlinked text runs), whatever its name says ("widget",
   * "promo", "banner" wrappers around articles), except for comment sections and author bios, which
   * are prose by nature. Its children are still judged one by one.
   */
  private static boolean keepAnyway(
      Element el,
      Removed.Reason reason,
      int words,
      int prose,
      int total,
      boolean strong,
      MainContent.Stats own,
      MainContent.Stats page) {
    if (prose >= PROSE_WORDS_KEPT
        && !reason.equals(Reason.COMMENTS)
        && !reason.equals(Reason.BYLINE)) {
      return true;
    }
    // Precomputed per subtree (a select() here would make deep pages quadratic). Teaser lists
    // are made of small article elements: only a big one is the story itself.
    if (own != null && page != null && (own.anchor || own.articleChars * 3L > page.chars)) {
      return true;
    }
    // A layout name ("widget", "sidebar") on a wrapper of the post itself: Blogger puts every
    // post in "widget Blog", marked inside by the hAtom class entry-content as WordPress does.
    if (!strong && own != null && own.entry) return true;
    return !strong && words * 2 > total;
  }

  private static Element body(Element el) {
    Element b = el.ownerDocument() == null ? null : el.ownerDocument().body();
    return b == null ? el : b;
  }

  /** Words of prose (unlinked text runs of at least {@link #PROSE_RUN} words) that mark content. */
  static final int PROSE_WORDS_KEPT = 80;

  static final int PROSE_RUN = 12;

  private static final Set<String> COLUMNS = Set.of("sidebar", "aside", "rail");

  private static boolean column(Element el) {
    for (String tok : splitTokens(el.className() + " " + el.id()))
      if (COLUMNS.contains(tok)) return true;
    return false;
  }

  private record ClassReason(Removed.Reason reason, boolean strong) {}

  /** The reason class and id tokens give, strong or weak, or null. */
  private static ClassReason classReason(Element el) {
    String cls = el.className();
    String id = el.id();
    if (cls.isEmpty() && id.isEmpty()) return null;
    Removed.Reason weak = null;
    for (String tok : splitTokens(cls + " " + id)) {
      Removed.Reason r = STRONG_TOKENS.get(tok);
      if (r != null) return new ClassReason(r, true);
      if (weak == null) weak = WEAK_TOKENS.get(tok);
    }
    return weak == null ? null : new ClassReason(weak, false);
  }

  static List<String> splitTokens(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean boundary = !Character.isLetterOrDigit(c);
      boolean camel = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(s.charAt(i - 1));
      if (boundary || camel) {
        if (cur.length() > 0) out.add(cur.toString());
        cur.setLength(0);
      }
      if (!boundary) cur.append(Character.toLowerCase(c));
    }
    if (cur.length() > 0) out.add(cur.toString());
    return out;
  }

  /**
   * Words per element subtree, all and prose only, by one iterative post-order pass (no recursion,
   * so deep DOMs cannot overflow the stack).
   */
  private static void wordCounts(
      Element root, Map<Element, Integer> counts, Map<Element, Integer> prose) {
    NodeTraversor.traverse(
        new NodeVisitor() {
          int linkDepth;

          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element el && el.normalName().equals("a")) linkDepth++;
          }

          @Override
          public void tail(Node node, int depth) {
            int own;
            int ownProse;
            if (node instanceof TextNode tn) {
              own = Words.count(Normalize.whitespace(tn.getWholeText()));
              ownProse = linkDepth == 0 && own >= PROSE_RUN ? own : 0;
            } else if (node instanceof Element el) {
              if (el.normalName().equals("a")) linkDepth--;
              own = counts.getOrDefault(el, 0);
              ownProse = prose.getOrDefault(el, 0);
            } else {
              return;
            }
            Node parent = node.parentNode();
            if (parent instanceof Element p) {
              if (own > 0) counts.merge(p, own, Integer::sum);
              if (ownProse > 0) prose.merge(p, ownProse, Integer::sum);
            }
          }
        },
        root);
  }

  /**
   * Flattens the DOM into blocks: each block-level element or br closes the current run. A dropped
   * subtree becomes one block already marked removed, so reports keep document order; so does text
   * outside the main content ({@code mainContent}, see {@link MainContent}).
   */
  private static List<Block> blocks(
      Element body, Map<Element, Removed.Reason> dropped, List<Element> mainContent) {
    List<Block> out = new ArrayList<>();
    Set<Element> roots = Collections.newSetFromMap(new IdentityHashMap<>());
    roots.addAll(mainContent);
    NodeTraversor.filter(
        new NodeFilter() {
          final StringBuilder run = new StringBuilder();
          int linkDepth;
          int linkChars;
          int headingDepth;
          boolean runHeading;
          int inRoot;

          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode tn) {
              String s = tn.getWholeText();
              if (run.length() == 0 && s.isBlank()) return FilterResult.CONTINUE;
              if (linkDepth > 0) linkChars += s.strip().length();
              if (headingDepth > 0) runHeading = true;
              run.append(s);
            } else if (node instanceof Element el) {
              Removed.Reason reason = dropped.get(el);
              if (reason != null) {
                flush();
                String text = Normalize.whitespace(el.text());
                if (!text.isEmpty()) out.add(new Block(text, false, 0, reason));
                return FilterResult.SKIP_ENTIRELY;
              }
              String tag = el.normalName();
              if (roots.contains(el)) {
                flush();
                inRoot++;
              }
              if (BLOCK_TAGS.contains(tag)) flush();
              // A table row is one line: its cells are separated, not split into blocks.
              else if ((tag.equals("td") || tag.equals("th")) && run.length() > 0) run.append(' ');
              if (HEADINGS.contains(tag)) headingDepth++;
              if (tag.equals("a")) linkDepth++;
              // Inline images carry no text; an alt text is not body.
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el) {
              String tag = el.normalName();
              if (tag.equals("a")) linkDepth--;
              if (BLOCK_TAGS.contains(tag)) flush();
              if (HEADINGS.contains(tag)) headingDepth--;
              if (roots.contains(el)) {
                flush();
                inRoot--;
              }
            }
            if (node == body) flush();
            return FilterResult.CONTINUE;
          }

          void flush() {
            if (run.length() > 0) {
              String text = Normalize.whitespace(run, 0, run.length());
              if (!text.isEmpty()) {
                out.add(
                    new Block(
                        text,
                        runHeading,
                        Math.min(linkChars, text.length()),
                        inRoot > 0 ? null : Reason.OUTSIDE));
              }
            }
            run.setLength(0);
            linkChars = 0;
            runHeading = false;
          }
        },
        body);
    return out;
  }
}
