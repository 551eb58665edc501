package dev.storytrack.article;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storytrack.article.internal.ParsedPage;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * When a page was published, from the most to the least explicit evidence: the standard meta keys,
 * JSON-LD {@code datePublished}, microdata, other meta keys that name publication, {@code <time>},
 * publication keys in the page's script data, a date in the URL path, and last a date written next
 * to the headline in the page's language. Dates before the web (1991) or after next year are
 * placeholders ({@code 0001-01-01}, the Unix epoch, template defaults), not publication times, and
 * are skipped. Modification dates are never taken: a page updated years later would move its story.
 */
final class PageDates {
  /** Meta keys (property, name or itemprop, lower-cased) that give the publication time. */
  private static final List<String> PUBLISHED_KEYS =
      List.of(
          "article:published_time",
          "og:article:published_time",
          "og:published_time",
          "article:published",
          "datepublished",
          "pubdate",
          "publishdate",
          "publish-date",
          "publish_date",
          "published-date",
          "published_date",
          "publication_date",
          "date",
          "dc.date.issued",
          "dcterms.issued",
          "dcterms.created",
          "dc.date.created",
          "dc.date",
          "sailthru.date",
          "parsely-pub-date",
          "citation_publication_date",
          "citation_date");

  // Other meta keys that name publication ("w-published-date", "date-pub", "pub_date"), not the
  // publisher or a modification.
  private static final Pattern PUBLISH_KEY =
      Pattern.compile(
          "(?:^|[^a-z])(?:publish(?:ed|ing)?(?!er)|pub)(?:[^a-z]|$)|(?:^|[^a-z])pubdate",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MODIFIED_KEY =
      Pattern.compile("modif|updat|revis|expir|crawl|index", Pattern.CASE_INSENSITIVE);

  // "datePublished": "...", "publishedAt": "...", "first_publication_date": "..." in script data
  // (JSON, possibly escaped inside a string). The first one is the page's own in practice.
  private static final Pattern SCRIPT_KEY =
      Pattern.compile(
          "\\\\*[\"']\\s*(?:datePublished|publishedAt|published_at|publishedDate|publishDate|publish_date|"
              + "published_on|publishedOn|first_publication_date|firstPublishedAt|publicationDate|"
              + "publication_date|pubDate)\\\\*[\"']\\s*:\\s*\\\\*[\"']([^\"'\\\\]{8,40})");

  private static final Pattern URL_DATE =
      Pattern.compile(
          "(?:^|[/_\\-.])((?:19|20)\\d{2})(?:[/_\\-.]?)(0[1-9]|1[0-2])(?:[/_\\-.]?)(0[1-9]|[12]\\d|3[01])(?=$|[/_\\-.?#%+])");
  private static final Pattern URL_YEAR_MONTH_DAY =
      Pattern.compile("/((?:19|20)\\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\\d|3[01])/");

  private static final Pattern LEADING_ISO_DAY =
      Pattern.compile("^((?:19|20)\\d{2})-(\\d{2})-(\\d{2})");

  // Written dates: "September 4, 2025", "4 Sept. 2025", "4. September 2025", "4 de septiembre de
  // 2025", "2025-09-04", "04.09.2025". Month words are matched without accents, lower-cased.
  private static final Pattern WORD_DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b([0-3]?\\d)(?:st|nd|rd|th|er|º|\\.)?\\s+(?:de\\s+)?([a-z]{3,10})\\.?,?\\s+(?:de\\s+)?((?:19|20)\\d{2})\\b");
  private static final Pattern WORD_MONTH_DAY_YEAR =
      Pattern.compile(
          "\\b([a-z]{3,10})\\.?\\s+([0-3]?\\d)(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b");
  private static final Pattern NUMERIC_ISO =
      Pattern.compile("\\b((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})\\b");
  private static final Pattern NUMERIC_DMY =
      Pattern.compile("\\b(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?((?:19|20)\\d{2})\\b");

  private static final Map<String, Integer> MONTHS = months();

  /** Class or id words of elements that show a date next to the headline. */
  private static final Pattern DATE_ELEMENT =
      Pattern.compile("date|time|publish|posted|byline|meta|datum|fecha", Pattern.CASE_INSENSITIVE);

  private static final Pattern UPDATED_LABEL =
      Pattern.compile(
          "updated|modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt",
          Pattern.CASE_INSENSITIVE);

  /** Elements after the headline looked at for a written date (a byline block is near). */
  private static final int NEAR_HEADLINE = 40;

  private static final int MAX_DATE_TEXT = 200;

  /** An unlabelled line under the headline is taken as a date line up to this length. */
  private static final int MAX_BARE_DATE = 40;

  private PageDates() {}

  static Instant published(ParsedPage page, Map<String, String> meta, String url, String headline) {
    Document doc = page.document();
    for (String key : PUBLISHED_KEYS) {
      Instant t = plausible(parse(meta.get(key)));
      if (t != null) return t;
    }
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        Instant t = plausible(parse(datePublished(page.json(script))));
        if (t != null) return t;
      } catch (IOException e) {
        // broken JSON-LD is common; other sources may still give the time
      }
    }
    for (Element e : doc.select("[itemprop=datePublished]")) {
      String v =
          e.hasAttr("content")
              ? e.attr("content")
              : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      Instant t = plausible(parse(v));
      if (t == null) t = plausible(writtenDate(e.text()));
      if (t != null) return t;
    }
    for (Map.Entry<String, String> m : meta.entrySet()) {
      if (PUBLISH_KEY.matcher(m.getKey()).find() && !MODIFIED_KEY.matcher(m.getKey()).find()) {
        Instant t = plausible(parse(m.getValue()));
        if (t != null) return t;
      }
    }
    for (Element time : doc.select("time[pubdate], time[datetime]")) {
      if (updatedLabel(time)) continue;
      Instant t = plausible(parse(time.attr("datetime")));
      if (t == null && time.hasAttr("pubdate")) t = plausible(writtenDate(time.text()));
      if (t != null) return t;
    }
    for (Element script : doc.select("script")) {
      Matcher m = SCRIPT_KEY.matcher(script.data());
      if (m.find()) {
        Instant t = plausible(parse(m.group(1)));
        if (t != null) return t;
      }
    }
    Instant fromUrl = plausible(urlDate(url));
    if (fromUrl != null) return fromUrl;
    return plausible(nearHeadline(doc, headline));
  }

  /** A date in a URL path: {@code /2019/04/02/}, {@code /2019-04-02-title}, {@code /20190402/}. */
  static Instant urlDate(String url) {
    if (url == null || url.isBlank()) return null;
    String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
    Matcher m = URL_YEAR_MONTH_DAY.matcher(path);
    if (m.find()) return day(m.group(1), m.group(2), m.group(3));
    m = URL_DATE.matcher(path.replace("%2F", "/").replace("%2f", "/"));
    return m.find() ? day(m.group(1), m.group(2), m.group(3)) : null;
  }

  /**
   * A date written near the headline: in a short element whose class or id says date, time, byline
   * or meta, among the first elements after the {@code h1} (else before it), not one labelled as an
   * update.
   */
  private static Instant nearHeadline(Document doc, String headline) {
    Element h1 = headlineElement(doc, headline);
    List<Element> all = doc.getAllElements();
    int at = h1 == null ? 0 : all.indexOf(h1);
    Instant before = null;
    for (int i = Math.max(0, at - NEAR_HEADLINE);
        i < Math.min(all.size(), at + NEAR_HEADLINE * 4);
        i++) {
      Element e = all.get(i);
      boolean named =
          e.normalName().equals("time")
              || DATE_ELEMENT.matcher(e.className() + " " + e.id()).find();
      // Right under the headline, a line that is only a date needs no class to say so.
      boolean bare = !named && i > at && i <= at + NEAR_HEADLINE && e.childrenSize() == 0;
      if (!named && !bare) continue;
      String text = shortText(e);
      if (text == null || text.isEmpty() || UPDATED_LABEL.matcher(text).find()) continue;
      if (bare && text.length() > MAX_BARE_DATE) continue;
      Instant t = plausible(writtenDate(text));
      if (t == null) continue;
      if (i >= at) return t;
      before = t;
    }
    return before;
  }

  /** The h1 that shows the headline, else the first h1, else null. */
  private static Element headlineElement(Document doc, String headline) {
    Element first = null;
    for (Element h : doc.select("h1")) {
      if (first == null) first = h;
      if (h.text().strip().replaceAll("\\s+", " ").equals(headline)) return h;
    }
    return first;
  }

  /**
   * The element's text when it is at most MAX_DATE_TEXT chars, else null (found without building
   * more).
   */
  private static String shortText(Element e) {
    StringBuilder b = new StringBuilder();
    boolean[] tooLong = {false};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              if (b.length() > 0) b.append(' ');
              b.append(t.text().strip());
              if (b.length() > MAX_DATE_TEXT) {
                tooLong[0] = true;
                return FilterResult.STOP;
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        e);
    return tooLong[0] ? null : b.toString().strip();
  }

  private static boolean updatedLabel(Element time) {
    Element p = time.parent();
    String around =
        (p == null ? time.text() : p.ownText() + " " + time.text())
            + " "
            + time.className()
            + " "
            + time.attr("itemprop");
    return UPDATED_LABEL.matcher(around).find();
  }

  /** The first date written in {@code text} in one of the common forms, or null. */
  static Instant writtenDate(String text) {
    String t =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    Matcher m = WORD_MONTH_DAY_YEAR.matcher(t);
    while (m.find()) {
      Integer month = MONTHS.get(m.group(1));
      if (month != null) return day(m.group(3), month.toString(), m.group(2));
    }
    m = WORD_DAY_MONTH_YEAR.matcher(t);
    while (m.find()) {
      Integer month = MONTHS.get(m.group(2));
      if (month != null) return day(m.group(3), month.toString(), m.group(1));
    }
    m = NUMERIC_ISO.matcher(t);
    if (m.find()) return day(m.group(1), m.group(2), m.group(3));
    m = NUMERIC_DMY.matcher(t);
    if (m.find()) return day(m.group(3), m.group(2), m.group(1));
    return null;
  }

  /** Lenient ISO parsing, plus the day of a value that at least starts with one. */
  private static Instant parse(String s) {
    if (s == null || s.isBlank()) return null;
    Instant t = IsoDates.parseLenient(s);
    if (t != null) return t;
    Matcher m = LEADING_ISO_DAY.matcher(s.strip());
    return m.find() ? day(m.group(1), m.group(2), m.group(3)) : null;
  }

  private static Instant day(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@code t} when it can be a web page's publication time, else null. */
  static Instant plausible(Instant t) {
    if (t == null) return null;
    int year = t.atOffset(ZoneOffset.UTC).getYear();
    return year >= 1991 && year <= Year.now(ZoneOffset.UTC).getValue() + 1 ? t : null;
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

  private static Map<String, Integer> months() {
    String[][] names = {
      {
        "january",
        "jan",
        "januar",
        "janner",
        "janvier",
        "enero",
        "gennaio",
        "janeiro",
        "januari",
        "stycznia",
        "styczen"
      },
      {
        "february",
        "feb",
        "februar",
        "fevrier",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
        "lutego",
        "luty"
      },
      {"march", "mar", "marz", "mars", "marzo", "marco", "maart", "marca", "marzec"},
      {"april", "apr", "avril", "abril", "aprile", "kwietnia", "kwiecien"},
      {"may", "mai", "mayo", "maggio", "maio", "mei", "maja", "maj"},
      {"june", "jun", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec"},
      {"july", "jul", "juli", "juillet", "julio", "luglio", "julho", "lipca", "lipiec"},
      {"august", "aug", "aout", "agosto", "augustus", "sierpnia", "sierpien"},
      {
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
        "wrzesnia",
        "wrzesien"
      },
      {
        "october",
        "oct",
        "oktober",
        "octobre",
        "octubre",
        "ottobre",
        "outubro",
        "pazdziernika",
        "pazdziernik",
        "okt"
      },
      {"november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad"},
      {
        "december",
        "dec",
        "dezember",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
        "grudnia",
        "grudzien",
        "dez"
      },
    };
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.length; i++) for (String n : names[i]) m.put(n, i + 1);
    return Map.copyOf(m);
  }
}
