package dev.storytrack.article.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A page's headline: the one its readers see. Pages declare a title for search engines and sharing
 * ({@code og:title}, {@code <title>}, often "Headline | Site" or a reworded SEO title) and show the
 * headline in an {@code h1}. The {@code h1} wins when it agrees with the declared title without its
 * site name (at least half of the shorter one's words in common), since sites reword the declared
 * one, not the visible one; an {@code h1} that shares nothing with it is usually the site's logo or
 * a section name. Without such an {@code h1}, the declared title without its site name.
 */
public final class Headline {
  private static final int MAX_H1 = 5;
  private static final int MAX_LENGTH = 300;
  private static final String[] SEPARATORS = {
    " | ", " - ", " – ", " — ", " • ", " · ", " :: ", " // "
  };

  private Headline() {}

  /** The headline of a parsed page, or "" when it declares and shows none. */
  public static String of(Document doc) {
    String declared = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"), doc.title());
    String siteName = meta(doc, "og:site_name");
    List<String> h1s = new ArrayList<>();
    for (Element h : doc.select(H1)) {
      String t = clean(h.text());
      if (!t.isEmpty() && t.length() <= MAX_LENGTH) h1s.add(t);
      if (h1s.size() == MAX_H1) break;
    }
    if (declared.isEmpty()) return h1s.isEmpty() ? "" : h1s.get(0);
    String head = withoutSiteName(declared, siteName);
    Set<String> headWords = words(head);
    // What the site-name cut removed ("Daily News"): an h1 of only those words is the logo.
    Set<String> siteWords = words(declared);
    siteWords.removeAll(headWords);
    siteWords.addAll(words(siteName));
    for (String h : h1s) {
      Set<String> hw = words(h);
      if (!siteWords.isEmpty() && siteWords.containsAll(hw)) continue;
      if (agree(hw, headWords)) return h;
    }
    return head;
  }

  /**
   * {@code title} without a site name at either end: the part equal to {@code siteName}, else the
   * last part after a separator when it is no longer than the rest (a name, not a subtitle), or a
   * short first part before " | " ("Opinion | ...", "The Agency | ...").
   */
  static String withoutSiteName(String title, String siteName) {
    String t = clean(title);
    String site = clean(siteName).toLowerCase(Locale.ROOT);
    if (!site.isEmpty()) {
      for (String sep : SEPARATORS) {
        int last = t.lastIndexOf(sep);
        if (last > 0
            && t.substring(last + sep.length()).strip().toLowerCase(Locale.ROOT).equals(site)) {
          return t.substring(0, last).strip();
        }
        int first = t.indexOf(sep);
        if (first > 0 && t.substring(0, first).strip().toLowerCase(Locale.ROOT).equals(site)) {
          return t.substring(first + sep.length()).strip();
        }
      }
    }
    for (String sep : SEPARATORS) {
      int last = t.lastIndexOf(sep);
      if (last > 0) {
        int tail = words(t.substring(last + sep.length())).size();
        String head = t.substring(0, last).strip();
        if (tail <= 4 && words(head).size() >= Math.max(1, tail)) return head;
      }
      int first = t.indexOf(sep);
      if (first > 0 && sep.equals(" | ")) {
        int lead = words(t.substring(0, first)).size();
        String rest = t.substring(first + sep.length()).strip();
        if (lead <= 3 && words(rest).size() >= 2 * Math.max(1, lead)) return rest;
      }
    }
    return t;
  }

  private static boolean agree(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) return false;
    int common = 0;
    for (String w : a) if (b.contains(w)) common++;
    return 2 * common >= Math.min(a.size(), b.size());
  }

  /** Lower-cased words of three letters or more, and all numbers: what two wordings share. */
  static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        w.append(Character.toLowerCase(c));
        continue;
      }
      if (w.length() >= 3 || w.length() > 0 && Character.isDigit(w.charAt(0)))
        out.add(w.toString());
      w.setLength(0);
    }
    return out;
  }

  /**
   * The selector of each meta key asked for, parsed once (jsoup parses a query string per call).
   */
  private static final java.util.Map<String, Evaluator> META =
      java.util.Map.of(
          "og:title",
          metaQuery("og:title"),
          "twitter:title",
          metaQuery("twitter:title"),
          "og:site_name",
          metaQuery("og:site_name"));

  private static Evaluator metaQuery(String key) {
    return QueryParser.parse("meta[property=" + key + "], meta[name=" + key + "]");
  }

  private static String meta(Document doc, String key) {
    Element m = doc.selectFirst(META.get(key));
    return m == null ? "" : clean(m.attr("content"));
  }

  private static final Evaluator H1 = QueryParser.parse("h1");

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      String c = clean(v);
      if (!c.isEmpty()) return c;
    }
    return "";
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
  }
}
