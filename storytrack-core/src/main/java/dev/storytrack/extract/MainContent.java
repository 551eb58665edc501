package dev.storytrack.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the article in a cleaned page body: scores paragraph elements by their text (length,
 * commas, link share), credits the score to their ancestors, weighted by tag and class/id hints,
 * and picks the best-scoring container, plus those of its siblings that read like body text.
 *
 * <p>The scheme is Readability's (Arc90) candidate scoring, re-derived here rather than borrowed
 * because it has to work on jsoup's DOM with one iterative pass (pages nest 100,000 deep) and to
 * hand its choice to {@link HtmlBlocks}' block flattening.
 */
final class MainContent {
  private MainContent() {}

  /** Per element: visible characters, characters inside links, commas. */
  static final class Stats {
    int chars;
    int linkChars;
    int commas;

    /** Text of its own: direct text nodes and inline children (a text run in a div). */
    int inlineChars;

    int inlineLinkChars;
    int inlineCommas;
    boolean inline;

    /** Holds the headline, a main element or the marked article body (so is no boilerplate). */
    boolean anchor;

    /** Holds a post's content as the hAtom microformat marks it (class {@code entry-content}). */
    boolean entry;

    /** Characters of the largest article element in the subtree (itself included). */
    int articleChars;

    /** Characters of prose below: long, mostly unlinked paragraphs and text runs. */
    int prose;

    /** Linked headings in the subtree: headings that are mostly link text. */
    int linkedHeadings;

    /** Prose of the card children (one linked headline and a short teaser each) counted so far. */
    int cardChildren;

    int cardChildProse;

    /** Prose below that belongs to runs of teaser cards, not to an article. */
    int teaserProse;

    /** Blockquotes in the subtree (itself included), and the characters inside them. */
    int quotes;

    int quoteChars;
    double score;
    boolean candidate;

    double linkDensity() {
      return chars == 0 ? 0 : Math.min(1.0, (double) linkChars / chars);
    }
  }

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private static final Set<String> PARAGRAPHS =
      Set.of("p", "pre", "blockquote", "td", "h2", "h3", "h4");

  /** Share of the page's prose the chosen container must hold, unless it clearly wins. */
  static final double COVERAGE = 0.5;

  private static final Set<String> INLINE =
      Set.of(
          "a", "span", "b", "i", "em", "strong", "font", "small", "big", "u", "sub", "sup", "abbr",
          "cite", "code", "q", "time", "mark", "s", "strike", "del", "ins", "label", "var", "kbd",
          "tt", "dfn", "bdi", "bdo");

  /** Elements whose own text runs count as paragraphs (text written straight into a div). */
  private static final Set<String> RUN_CONTAINERS =
      Set.of("div", "section", "article", "main", "center", "font", "body");

  private static final Set<String> POSITIVE =
      Set.of(
          "article",
          "articlebody",
          "articletext",
          "body",
          "content",
          "entry",
          "hentry",
          "main",
          "post",
          "text",
          "blog",
          "story",
          "storybody",
          "postbody",
          "entrycontent",
          "postcontent",
          "richtext",
          "prose",
          "paywall",
          "page");
  private static final Set<String> NEGATIVE =
      Set.of(
          "hidden",
          "banner",
          "combx",
          "comment",
          "comments",
          "contact",
          "foot",
          "footer",
          "footnote",
          "masthead",
          "media",
          "meta",
          "outbrain",
          "promo",
          "related",
          "scroll",
          "share",
          "shoutbox",
          "sidebar",
          "skyscraper",
          "sponsor",
          "shopping",
          "tags",
          "tool",
          "widget",
          "nav",
          "menu",
          "teaser",
          "teasers",
          "recirc",
          "trending",
          "popular",
          "newsletter",
          "ad",
          "ads",
          "advert",
          "caption",
          "credit",
          "byline",
          "social",
          "rail",
          "aside",
          "breadcrumb");

  /**
   * The elements that hold the article, in document order (never empty: {@code body} itself when
   * nothing scores).
   */
  static List<Element> select(Element body, Map<Element, ?> dropped) {
    Map<Element, Stats> stats = stats(body, dropped);
    // jsoup elements compare by identity; a linked map iterates in document order, so ties (and
    // float sums) come out the same on every run, unlike an IdentityHashMap, whose order follows
    // identity hash codes that change from run to run.
    Map<Element, Stats> candidates = new LinkedHashMap<>();

    for (Map.Entry<Element, Stats> e : stats.entrySet()) {
      Element el = e.getKey();
      Stats s = e.getValue();
      Element a;
      double score;
      if (PARAGRAPHS.contains(el.normalName())) {
        if (s.chars < 25 || insideParagraph(el)) continue;
        score = 1 + s.commas + Math.min(s.chars / 100.0, 3);
        score *= 1 - s.linkDensity();
        a = el.parent();

      } else if (RUN_CONTAINERS.contains(el.normalName()) && s.inlineChars >= 25) {
        // A run of text directly in a div: a paragraph whose container is the div itself.
        score = 1 + s.inlineCommas + Math.min(s.inlineChars / 100.0, 3);
        score *= 1 - Math.min(1.0, (double) s.inlineLinkChars / s.inlineChars);
        a = el;
      } else {
        continue;
      }
      for (int level = 0; a != null && level < 5; level++, a = a.parent()) {
        Stats as = stats.get(a);
        if (as == null) break;
        if (!as.candidate) {
          as.candidate = true;
          as.score = initial(a);
          candidates.put(a, as);
        }
        as.score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
        if (a == body) break;
      }
    }
    Element top = null;
    double best = 0;
    for (Map.Entry<Element, Stats> e : candidates.entrySet()) {
      Stats s = e.getValue();
      double v = s.score * (1 - s.linkDensity());
      s.score = v;
      if (top == null || v > best) {
        top = e.getKey();
        best = v;
      }
    }
    if (top == null || best <= 0) return List.of(body);
    top = climb(body, top, best, candidates, stats);
    Element parent = top.parent();
    if (parent == null || top == body) return List.of(top);
    // Readability's sibling bar, lowered for tiny pages whose best score is itself small.
    double threshold = Math.max(best * 0.2, Math.min(10, best * 0.5));
    String cls = top.className();
    List<Element> out = new ArrayList<>();
    for (Element sib : parent.children()) {
      if (sib == top) {
        out.add(sib);
        continue;
      }
      Stats s = stats.get(sib);
      if (s == null || s.chars == 0) continue;
      double bonus = !cls.isEmpty() && cls.equals(sib.className()) ? best * 0.2 : 0;
      if (s.candidate && s.score + bonus >= threshold) {
        out.add(sib);
      } else if (s.prose - s.teaserProse >= 80 && s.linkDensity() < 0.25 && classWeight(sib) >= 0) {
        // Prose in a neighbouring wrapper: the article continues there.
        out.add(sib);
      } else if (sib.normalName().equals("p")) {
        double ld = s.linkDensity();
        String text = sib.text();
        if ((s.chars > 80 && ld < 0.25) || (s.chars > 0 && ld == 0 && endsSentence(text)))
          out.add(sib);
      }
    }
    // Prose next to the container, one or two levels up (a lead paragraph, a closing note in
    // its own wrapper): kept when it reads as body text, never a list or a link block.
    Element path = parent;
    for (int level = 0; level < 2 && path != body && path.parent() != null; level++) {
      Element up = path.parent();
      List<Element> before = new ArrayList<>();
      List<Element> after = new ArrayList<>();
      boolean seen = false;
      for (Element c : up.children()) {
        if (c == path) {
          seen = true;
          continue;
        }
        if (isProse(c, stats.get(c))) (seen ? after : before).add(c);
      }
      before.addAll(out);
      before.addAll(after);
      out = before;
      path = up;
    }
    // A container that holds little of the page's prose is a wrong guess (a product page, a
    // list of posts): the smallest ancestor that holds enough of it is the safer answer.
    // Teaser cards (a linked headline over a sentence or two, three or more in a row) carry prose
    // that belongs to other articles: it does not count when the choice is an article of its own
    // (several paragraphs), not made of such cards (a listing, an FAQ of linked questions) nor one
    // of them. A short choice beside cards is more likely a box on a landing page of cards.
    Stats ts = stats.get(top);
    boolean teasers =
        ts.prose - ts.teaserProse >= ARTICLE_PROSE
            && ts.teaserProse * 2 < ts.prose
            && !insideCard(top, body, stats);
    double covered = 0;
    for (Element r : out) covered += prose(stats.get(r), teasers);
    double total = prose(stats.get(body), teasers);
    if (total > 0 && covered < total * COVERAGE && !dominant(top, best, candidates)) {
      Element a = top;
      while (a != body
          && a.parent() != null
          && (stats.get(a) == null || prose(stats.get(a), teasers) < total * COVERAGE)) {
        a = a.parent();
      }
      return List.of(a);
    }
    return out;
  }

  /**
   * Moves from the best candidate to an ancestor when the ancestor is the article: when several
   * near-best candidates share it (a live blog's entries, an article split in sections), or when
   * the candidate is its only child.
   */
  private static Element climb(
      Element body,
      Element top,
      double best,
      Map<Element, Stats> candidates,
      Map<Element, Stats> stats) {
    List<Element> rivals = new ArrayList<>();
    for (Map.Entry<Element, Stats> e : candidates.entrySet()) {
      Element r = e.getKey();
      if (e.getValue().score >= best * 0.75 && !isAncestor(top, r) && !isAncestor(r, top))
        rivals.add(r);
    }
    // One rival is enough when it is a twin: the same element and class as the best, as when a
    // story is cut in two sections around an advert.
    String cls = top.className();
    boolean twin = false;
    for (Map.Entry<Element, Stats> e : candidates.entrySet()) {
      Element r = e.getKey();
      if (!cls.isEmpty()
          && e.getValue().score >= best * 0.3
          && r != top
          && r.normalName().equals(top.normalName())
          && r.className().equals(cls)
          && !isAncestor(top, r)
          && !isAncestor(r, top)) {
        if (!rivals.contains(r)) rivals.add(r);
        twin = true;
      }
    }
    int needed = twin ? 1 : 2;
    if (rivals.size() >= needed) {
      for (Element a = top.parent(); a != null && a != body; a = a.parent()) {
        int shared = 0;
        for (Element r : rivals) if (isAncestor(a, r)) shared++;
        if (shared >= needed) {
          top = a;
          break;
        }
      }
    }
    while (top != body && top.parent() != null) {
      Element p = top.parent();
      Stats ps = stats.get(p);
      if (ps == null || p == body) break;
      // A wrapper: the only child element, and nearly all of the parent's text.
      if (p.childrenSize() != 1 || ps.chars > stats.get(top).chars * 1.1 + 10) break;
      top = p;
    }
    return top;
  }

  /** Longest card, in characters: a headline, a byline and a teaser of a few sentences. */
  static final int CARD_CHARS = 1200;

  /** Characters of prose that make a choice an article rather than a box beside the cards. */
  static final int ARTICLE_PROSE = 1000;

  /** Cards in a row that make a teaser list. */
  static final int MIN_CARDS = 3;

  private static double prose(Stats s, boolean withoutTeasers) {
    return withoutTeasers ? s.prose - s.teaserProse : s.prose;
  }

  /** A linked headline with its teaser and nothing else of its kind. */
  static boolean card(Stats s) {
    return s.linkedHeadings == 1 && s.prose > 0 && s.chars <= CARD_CHARS;
  }

  /** Whether {@code el} or an ancestor is a card: then the cards are what the page is made of. */
  private static boolean insideCard(Element el, Element body, Map<Element, Stats> stats) {
    for (Element a = el; a != null && a != body; a = a.parent()) {
      Stats s = stats.get(a);
      if (s != null && card(s)) return true;
    }
    return false;
  }

  /** Whether {@code a} is {@code d} or one of its ancestors, looking at most 64 levels up. */
  private static boolean isAncestor(Element a, Element d) {
    int level = 0;
    for (Element x = d; x != null && level < 64; x = x.parent(), level++) if (x == a) return true;
    return false;
  }

  /** Whether the choice scores well above every candidate outside it (teasers, widgets). */
  private static boolean dominant(Element top, double best, Map<Element, Stats> candidates) {
    double second = 0;
    for (Map.Entry<Element, Stats> e : candidates.entrySet()) {
      double v = e.getValue().score;
      if (v <= second || isAncestor(top, e.getKey()) || isAncestor(e.getKey(), top)) continue;
      second = v;
    }
    return best >= 2 * second;
  }

  private static boolean isProse(Element el, Stats s) {
    if (s == null || s.chars < 80 || s.linkDensity() >= 0.25) return false;
    String tag = el.normalName();
    boolean paragraph =
        tag.equals("p") || (RUN_CONTAINERS.contains(tag) && s.inlineChars * 10 >= s.chars * 9);
    return paragraph && endsSentence(el.text());
  }

  private static boolean endsSentence(String text) {
    String t = text.strip();
    return !t.isEmpty() && ".!?\"”".indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  /** A p inside an li (or a li inside a blockquote) counts once, as the outer one. */
  private static boolean insideParagraph(Element el) {
    Element p = el.parent();
    for (int i = 0; p != null && i < 3; i++, p = p.parent()) {
      if (PARAGRAPHS.contains(p.normalName())) return true;
    }
    return false;
  }

  private static double initial(Element el) {
    double s =
        switch (el.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    if (el.normalName().equals("article")) s += 10;
    String prop = el.attr("itemprop");
    if (prop.equalsIgnoreCase("articleBody") || prop.equalsIgnoreCase("text")) s += 40;
    return s + classWeight(el);
  }

  static double classWeight(Element el) {
    double w = 0;
    for (String raw : new String[] {el.className(), el.id()}) {
      if (raw.isEmpty()) continue;
      boolean pos = false;
      boolean neg = false;
      List<String> toks = HtmlBlocks.splitTokens(raw);
      for (String t : toks) {
        if (POSITIVE.contains(t)) pos = true;
        if (NEGATIVE.contains(t)) neg = true;
      }
      // joined forms: "article-body" -> "articlebody"
      for (int i = 0; i + 1 < toks.size(); i++)
        if (POSITIVE.contains(toks.get(i) + toks.get(i + 1))) pos = true;
      if (neg) w -= 25;
      if (pos) w += 25;
    }
    return w;
  }

  /** Character, link-character and comma counts per element, by one iterative post-order pass. */
  static Map<Element, Stats> stats(Element root, Map<Element, ?> skip) {
    Map<Element, Stats> out = new LinkedHashMap<>();
    NodeTraversor.filter(
        new NodeFilter() {
          int linkDepth;

          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element el) {
              if (skip.containsKey(el)) return FilterResult.SKIP_ENTIRELY;
              Stats st = new Stats();
              st.inline = INLINE.contains(el.normalName());
              out.put(el, st);
              if (el.normalName().equals("a")) linkDepth++;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            Stats own;
            if (node instanceof TextNode tn) {
              String s = tn.getWholeText();
              int chars = 0;
              int commas = 0;
              for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!Normalize.isSpace(c)) chars++;
                if (c == ',' || c == '\uFF0C' || c == '\u060C' || c == '\u3001') commas++;
              }
              if (chars == 0) return FilterResult.CONTINUE;
              own = new Stats();
              own.chars = chars;
              own.commas = commas;
              if (linkDepth > 0) own.linkChars = chars;
            } else if (node instanceof Element el) {
              own = out.get(el);
              String tag = el.normalName();
              if (tag.equals("a")) linkDepth--;
              if (tag.equals("h1")
                  || tag.equals("main")
                  || el.attr("itemprop").equalsIgnoreCase("articleBody")) {
                own.anchor = true;
              }
              if (el.hasClass("entry-content")) own.entry = true;
              if (tag.equals("article")) own.articleChars = Math.max(own.articleChars, own.chars);
              if (tag.equals("blockquote")) {
                own.quotes++;
                own.quoteChars = own.chars;
              }
              if (HEADINGS.contains(tag) && own.chars > 0 && own.linkChars * 10 >= own.chars * 6) {
                own.linkedHeadings++;
              }
              if (own.cardChildren >= MIN_CARDS) own.teaserProse += own.cardChildProse;
              if (PARAGRAPHS.contains(tag)) {
                if (own.chars >= 80 && own.linkDensity() < 0.25) own.prose = own.chars;
              } else if (RUN_CONTAINERS.contains(tag)
                  && own.inlineChars >= 80
                  && own.inlineLinkChars * 4 < own.inlineChars) {
                own.prose += own.inlineChars;
              }
            } else {
              return FilterResult.CONTINUE;
            }
            if (node.parentNode() instanceof Element p && node != root) {
              Stats ps = out.get(p);
              if (ps != null) {
                ps.chars += own.chars;
                ps.linkChars += own.linkChars;
                ps.commas += own.commas;
                ps.prose += own.prose;
                ps.linkedHeadings += own.linkedHeadings;
                ps.teaserProse += own.teaserProse;
                ps.quotes += own.quotes;
                ps.quoteChars += own.quoteChars;
                if (node instanceof Element && card(own)) {
                  ps.cardChildren++;
                  ps.cardChildProse += own.prose;
                }
                ps.anchor |= own.anchor;
                ps.entry |= own.entry;
                ps.articleChars = Math.max(ps.articleChars, own.articleChars);
                if (node instanceof TextNode || own.inline) {
                  ps.inlineChars += own.chars;
                  ps.inlineLinkChars += own.linkChars;
                  ps.inlineCommas += own.commas;
                }
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    return out;
  }
}
