package dev.storytrack.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storytrack.article.internal.Headline;
import dev.storytrack.article.internal.ParsedPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A page's authors, from the most to the least explicit: meta tags, JSON-LD {@code author} of the
 * page's own entity, then the byline shown under the headline ({@code rel=author}, {@code
 * itemprop=author}, an element named author or byline, a link to an author page, a "By ..." line).
 * Only the byline near the headline counts, so the authors of teasers, related articles and
 * comments further down do not. Names are cleaned: no "By", no site name after a " | ", no user
 * names or placeholders, no repeats; the site itself is dropped when people are named.
 */
final class Bylines {
  /** Longest plausible author name: longer "names" are sentences or lists of tags. */
  private static final int MAX_NAME = 80;

  /** Elements after the headline searched for the byline. */
  private static final int NEAR_HEADLINE = 120;

  private static final int MAX_AUTHORS = 10;

  private static final Pattern LEAD_IN =
      Pattern.compile(
          "^(?:(?:"
              + Lexicon.alternatives("author-lead-in-prefixes")
              + ")\\s+)?(?:"
              + Lexicon.alternatives("author-lead-ins")
              + ")(?:\\s*:\\s*|\\s+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BYLINE_ELEMENT =
      Pattern.compile(Lexicon.alternatives("byline-classes"), Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_BYLINE_ELEMENT =
      Pattern.compile(Lexicon.alternatives("not-byline-classes"), Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTHOR_LINK =
      Pattern.compile(
          "/(?:" + Lexicon.alternatives("author-paths") + ")/", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME_SEPARATOR =
      Pattern.compile(
          "\\s*(?:;|\\s&\\s|\\s(?:" + Lexicon.alternatives("name-conjunctions") + ")\\s)\\s*");
  // Dates, reading times and sections that share the byline's line.
  private static final String TRAILER_WORDS = Lexicon.alternatives("byline-trailers");
  private static final Pattern TRAILER =
      Pattern.compile(
          "(?:\\s+[|•·—–-]\\s.*|\\s*,\\s*(?:"
              + TRAILER_WORDS
              + ")\\b.*|\\s+(?:"
              + TRAILER_WORDS
              + ")\\s.*"
              + "|\\s+\\d{1,2}\\s*min.*|\\s+\\d{4}-\\d{2}.*|\\s+(?:"
              + Lexicon.alternatives("month-abbreviations")
              + ")[a-z]*\\.?\\s+\\d.*)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_NAME =
      Pattern.compile("^[\\p{L}\\d]+(?:[._\\-]?[\\p{L}\\d]+)*$");

  // Selectors parsed once: jsoup parses a query string on every call.
  private static final Evaluator AUTHOR_META =
      QueryParser.parse(
          "meta[name=author], meta[property=article:author], meta[name=dc.creator],"
              + " meta[name=parsely-author], meta[name=sailthru.author], meta[name=byl]");
  private static final Evaluator ITEM_NAME = QueryParser.parse("[itemprop=name]");
  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator SITE_NAME = QueryParser.parse("meta[property=og:site_name]");

  private Bylines() {}

  /** The authors of a page whose JSON-LD has not been read. */
  static List<String> authors(Document doc) {
    ParsedPage page = ParsedPage.of(doc);
    List<JsonNode> json = new ArrayList<>();
    for (Element s : doc.select(PageMetadata.JSON_LD)) {
      if (!mayNameAuthors(s.data())) continue;
      try {
        JsonNode n = page.json(s);
        if (n != null) json.add(n);
      } catch (Exception e) {
        // broken JSON-LD is common; the other sources still count
      }
    }
    return authors(doc, json);
  }

  /** Whether a JSON-LD script is worth reading for authors: not huge, names an author. */
  static boolean mayNameAuthors(String data) {
    return data.length() <= 200_000 && data.contains("author");
  }

  /**
   * The authors of a page, {@code jsonLd} its JSON-LD scripts that {@link #mayNameAuthors}, read,
   * in page order.
   */
  static List<String> authors(Document doc, List<JsonNode> jsonLd) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Element m : doc.select(AUTHOR_META)) {
      add(names, m.attr("content"));
    }
    for (JsonNode n : jsonLd) {
      try {
        jsonAuthors(n, names, 0);
      } catch (RuntimeException e) {
        // an odd JSON-LD shape; the other sources still count
      }
    }
    if (names.isEmpty()) shown(doc, names);
    return withoutSite(doc, names);
  }

  /** The byline shown near the headline: the first element there that names someone. */
  private static void shown(Document doc, Map<String, String> names) {
    List<Element> all = doc.getAllElements();
    int at = Math.max(0, headlineIndex(doc, all));
    for (int i = Math.max(0, at - 20); i < Math.min(all.size(), at + NEAR_HEADLINE); i++) {
      Element e = all.get(i);
      String marks = e.className() + " " + e.id();
      boolean byline =
          e.attr("rel").equalsIgnoreCase("author")
              || e.attr("itemprop").equalsIgnoreCase("author")
              || (e.normalName().equals("a") && AUTHOR_LINK.matcher(e.attr("href")).find())
              || (BYLINE_ELEMENT.matcher(marks).find()
                  && !NOT_BYLINE_ELEMENT.matcher(marks).find());
      if (!byline || e.childrenSize() > 6) continue;
      Element name = e.selectFirst(ITEM_NAME);
      String text = (name != null ? name : e).text();
      if (text.length() > 2 * MAX_NAME) continue;
      int before = names.size();
      String line =
          TRAILER
              .matcher(LEAD_IN.matcher(Normalize.whitespace(text)).replaceFirst(""))
              .replaceFirst("");
      String[] parts = NAME_SEPARATOR.split(line);
      for (int p = 0; p < parts.length; p++) {
        for (String n : commaNames(parts[p].strip(), p > 0)) addName(names, n);
      }
      if (names.size() > before) {
        // Co-authors are linked side by side: take the following siblings' links too.
        for (Element s = e.nextElementSibling();
            s != null && names.size() < MAX_AUTHORS;
            s = s.nextElementSibling()) {
          if (!(s.normalName().equals("a") && AUTHOR_LINK.matcher(s.attr("href")).find())) break;
          String n = personName(Normalize.whitespace(s.text()));
          if (n != null) addName(names, n);
        }
        return;
      }
    }
  }

  /**
   * The names in one part of a shown byline: "Ann Lee, Bo Chen, Cy Diaz" (before the last "and")
   * lists people when every piece is a name of at least two words and nothing else; otherwise only
   * the name at its start ("Ann Lee, Staff Writer", "Lee, Ann", "Ann Lee, Home Editor"). After an
   * "and" ({@code afterAnd}), capitalized words that end in a role are the role's title ("Paul
   * Frew, Home and Digital Security Expert"), not a second name.
   */
  static List<String> commaNames(String part, boolean afterAnd) {
    String[] pieces = part.split("\\s*,\\s*");
    if (pieces.length > 1) {
      List<String> out = new java.util.ArrayList<>();
      for (String piece : pieces) {
        String n = personName(piece);
        if (n == null || !n.equals(piece) || !n.contains(" ")) {
          out = null;
          break;
        }
        out.add(n);
      }
      if (out != null) return out;
    }
    String n = personName(part);
    if (n == null) return List.of();
    String rest =
        part.startsWith(n) ? part.substring(n.length()).strip().toLowerCase(Locale.ROOT) : "";
    if (afterAnd && !rest.isEmpty() && !rest.contains(" ") && ROLE_WORDS.contains(rest))
      return List.of();
    return List.of(n);
  }

  /**
   * The name at the start of a shown byline ("Jane van Doe", "J. R. Smith"), cut before what
   * follows it on the line (a role, "Last updated"), or null when the line does not start with a
   * name: capitalized words and initials, name particles between them, at most four, no digits.
   */
  static String personName(String line) {
    if (line.isEmpty() || line.chars().anyMatch(Character::isDigit)) return null;
    String[] tokens = line.split(" ");
    StringBuilder b = new StringBuilder();
    int capitalized = 0;
    for (String t : tokens) {
      String w = t.replaceAll("[,;:]+$", "");
      boolean particle = PARTICLES.contains(w.toLowerCase(Locale.ROOT)) && capitalized > 0;
      boolean cap =
          !w.isEmpty()
              && Character.isUpperCase(w.codePointAt(0))
              && !ROLE_WORDS.contains(w.toLowerCase(Locale.ROOT));
      if (!cap && !particle) break;
      if (cap && ++capitalized > 4) return null;
      if (b.length() > 0) b.append(' ');
      b.append(w);
      if (!w.equals(t)) break; // a comma or colon ends the name
    }
    if (capitalized == 0) return null;
    String n = b.toString();
    if (capitalized == 1 && n.length() < 3) return null; // "I review ...", a lone initial
    // A trailing particle belongs to what was cut off.
    while (n.contains(" ")
        && PARTICLES.contains(n.substring(n.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT))) {
      n = n.substring(0, n.lastIndexOf(' '));
    }
    return LEAD_IN.matcher(n + " x").find() ? null : n;
  }

  private static final java.util.Set<String> PARTICLES =
      java.util.Set.of(
          "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "la", "le",
          "bin", "al", "el", "ter", "ten", "zu", "y");

  /** Words that follow a name in a byline rather than belong to it. */
  private static final java.util.Set<String> ROLE_WORDS =
      java.util.Set.of(
          "last",
          "updated",
          "published",
          "posted",
          "reviewed",
          "edited",
          "staff",
          "writer",
          "editor",
          "contributor",
          "correspondent",
          "reporter",
          "senior",
          "sr.",
          "head",
          "content",
          "expert",
          "director",
          "manager",
          "founder",
          "ceo",
          "team",
          "articles",
          "read",
          "more",
          "follow",
          "view",
          "profile",
          "share");

  private static int headlineIndex(Document doc, List<Element> all) {
    String headline = Headline.of(doc);
    Element first = null;
    for (Element h : doc.select(H1)) {
      if (first == null) first = h;
      if (Normalize.whitespace(h.text()).equals(headline)) return all.indexOf(h);
    }
    return first == null ? 0 : all.indexOf(first);
  }

  /** Drops the site's own name (an organization as author) when people are also named. */
  private static List<String> withoutSite(Document doc, Map<String, String> names) {
    if (names.size() < 2) return List.copyOf(names.values());
    Element site = doc.selectFirst(SITE_NAME);
    String siteKey = site == null ? "" : key(site.attr("content"));
    List<String> out = new ArrayList<>();
    names.forEach(
        (k, v) -> {
          if (siteKey.isEmpty() || !k.equals(siteKey)) out.add(v);
        });
    return List.copyOf(out);
  }

  private static void jsonAuthors(JsonNode n, Map<String, String> out, int depth) {
    if (n == null || depth > 6) return;
    if (n.isArray()) {
      for (JsonNode c : n) jsonAuthors(c, out, depth + 1);
      return;
    }
    if (!n.isObject()) return;
    JsonNode a = n.get("author");
    if (a != null) {
      for (JsonNode x : a.isArray() ? a : List.of(a)) {
        if (x.isTextual()) add(out, x.asText());
        else if (x.isObject()) add(out, x.path("name").asText(""));
      }
    }
    JsonNode graph = n.get("@graph");
    if (graph != null) jsonAuthors(graph, out, depth + 1);
  }

  /** Adds the names in one author string ("A", "A & B", "A and B", "By A | Site"). */
  private static void add(Map<String, String> out, String raw) {
    String s = Normalize.whitespace(raw == null ? "" : raw.replace("&amp;", "&"));
    s = LEAD_IN.matcher(s).replaceFirst("");
    int bar = s.indexOf(" | ");
    if (bar > 0) s = s.substring(0, bar).strip();
    for (String part : NAME_SEPARATOR.split(s)) addName(out, part.strip());
  }

  private static void addName(Map<String, String> out, String s) {
    if (out.size() >= MAX_AUTHORS) return;
    if (s.isEmpty() || s.length() > MAX_NAME || s.contains("://") || s.contains("@")) return;
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals("undefined")
        || lower.equals("null")
        || lower.equals("admin")
        || lower.equals("unknown")) return;
    // "jane-doe", "andrew.keaveney", "user123": a login or URL slug, not how a byline names
    // someone.
    if (!s.contains(" ")
        && USER_NAME.matcher(s).matches()
        && (s.chars().anyMatch(Character::isDigit)
            || s.contains("-")
            || s.contains(".")
            || s.contains("_")
            || s.equals(lower))) {
      return;
    }
    out.putIfAbsent(key(s), s);
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
