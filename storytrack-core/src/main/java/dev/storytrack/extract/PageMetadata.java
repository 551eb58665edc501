package dev.storytrack.extract;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Authors ({@link Bylines}) and declared language of a page ({@code <html lang>}, else the
 * content-language or {@code og:locale} meta), read from its markup before cleaning.
 */
final class PageMetadata {

  private PageMetadata() {}

  record Found(List<String> authors, String language) {}

  static Found read(Document doc) {
    List<String> authors = Bylines.authors(doc);
    Element html = doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang");
    if (lang.isBlank()) {
      Element m = doc.selectFirst("meta[http-equiv=content-language], meta[property=og:locale]");
      if (m != null) lang = m.attr("content");
    }
    return new Found(List.copyOf(authors), normaliseLanguage(lang));
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
