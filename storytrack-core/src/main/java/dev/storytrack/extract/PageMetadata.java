package dev.storytrack.extract;

import java.util.ArrayList;
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

  /**
   * Language of a text when the page declares none: the language whose most frequent function
   * words cover the most of the text's words (needs at least 20 words and a clear lead).
   * Hand-written because the ten languages of the evaluation sets need no model.
   */
  static String guessLanguage(String text) {
    // A sample decides the language as well as the whole text would; scanning all of a long text
    // only costs time (this runs for every document dedup and clustering clean). Speed: words are
    // never materialized; each is packed into an int key as it is read (5 bits per character of
    // the function words' alphabet) and looked up in a small open-addressing table, and a word
    // that is longer or uses another character cannot be a function word and skips the lookup.
    int end = Math.min(text.length(), LANGUAGE_SAMPLE);
    char[] cs = new char[end];
    text.getChars(0, end, cs, 0);
    int[] hits = new int[STOPWORDS.length];
    int words = 0;
    int i = 0;
    while (i < end) {
      if (wordCode(cs[i]) < 0) {
        i++;
        continue;
      }
      // One word: a maximal run of letters and apostrophes. The key is only read when the word
      // is short enough for its 5-bit codes to fit and none of them was 0 (no function word).
      int start = i;
      int key = 0;
      boolean other = false;
      int code;
      while (i < end && (code = wordCode(cs[i])) >= 0) {
        key = key << 5 | code;
        other |= code == 0;
        i++;
      }
      if (other || i - start > MAX_STOPWORD) key = 0;
      words++;
      if (key > 0) {
        int langs = lookup(key);
        for (int k = 0; langs != 0; k++, langs >>>= 1) if ((langs & 1) != 0) hits[k]++;
      }
    }
    if (words < 20) return "";
    int bestHits = 0;
    int secondHits = 0;
    String best = "";
    for (int k = 0; k < hits.length; k++) {
      if (hits[k] > bestHits) {
        secondHits = bestHits;
        bestHits = hits[k];
        best = STOPWORDS[k][0];
      } else if (hits[k] > secondHits) {
        secondHits = hits[k];
      }
    }
    return bestHits * 10 >= words && bestHits > secondHits * 3 / 2 ? best : "";
  }

  private static final int LANGUAGE_SAMPLE = 4000;

  /** Language code, then its commonest function words. */
  private static final String[][] STOPWORDS = {
    {"en", "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as", "he", "are", "this", "by", "be", "at"},
    {"de", "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine"},
    {"fr", "le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "qui", "dans", "pour", "pas", "au", "sur", "avec"},
    {"es", "el", "la", "de", "que", "y", "en", "los", "del", "se", "las", "por", "un", "para", "con", "una", "su", "al", "es", "lo"},
    {"it", "il", "di", "che", "e", "la", "per", "un", "in", "del", "della", "non", "una", "sono", "le", "si", "con", "gli", "da", "nel"},
    {"pt", "de", "que", "o", "a", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as"},
    {"nl", "de", "het", "een", "van", "en", "in", "is", "dat", "op", "te", "voor", "met", "zijn", "niet", "aan", "er", "ook", "als", "bij"},
    {"pl", "i", "w", "na", "się", "z", "nie", "do", "to", "że", "jest", "o", "jak", "po", "co", "ale", "od", "za", "przez", "dla"},
  };

  /** Longest function word; longer words skip the lookup. */
  private static final int MAX_STOPWORD = 5;
  /** Character to its 5-bit code (1..31) when some function word uses it, else 0. */
  private static final byte[] CODES = new byte[0x180];
  /** {@link #wordCode} of each ASCII character. */
  private static final int[] ASCII_CODES = new int[0x80];
  /** Open-addressing table: packed function word (0 = empty) and its rows (bit i = row i). */
  private static final int[] KEYS = new int[512];
  private static final int[] LANGS = new int[512];

  static {
    java.util.TreeSet<Character> chars = new java.util.TreeSet<>();
    for (String[] row : STOPWORDS) {
      for (int k = 1; k < row.length; k++) {
        if (row[k].length() > MAX_STOPWORD) throw new AssertionError(row[k]);
        for (char c : row[k].toCharArray()) chars.add(c);
      }
    }
    if (chars.size() > 31 || chars.last() >= CODES.length) throw new AssertionError(chars);
    int code = 0;
    for (char c : chars) CODES[c] = (byte) ++code;
    for (char c = 0; c < 0x80; c++) {
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
      ASCII_CODES[c] = letter ? codeOf(Character.toLowerCase(c)) : c == '\'' ? 0 : -1;
    }
    for (int i = 0; i < STOPWORDS.length; i++) {
      for (int k = 1; k < STOPWORDS[i].length; k++) {
        int key = 0;
        for (char c : STOPWORDS[i][k].toCharArray()) key = key << 5 | codeOf(c);
        int slot = slot(key);
        while (KEYS[slot] != 0 && KEYS[slot] != key) slot = (slot + 1) & (KEYS.length - 1);
        KEYS[slot] = key;
        LANGS[slot] |= 1 << i;
      }
    }
  }

  /** -1 for a character that ends a word, else the code of its lower case (0: none). */
  private static int wordCode(char c) {
    if (c < 0x80) return ASCII_CODES[c];
    if (!Character.isLetter(c)) return -1;
    return codeOf(Character.toLowerCase(c));
  }

  private static int codeOf(char c) {
    return c < CODES.length ? CODES[c] : 0;
  }

  private static int slot(int key) {
    return (key * 0x9E3779B9) >>> 23; // 9 bits: KEYS.length == 512
  }

  private static int lookup(int key) {
    for (int s = slot(key); KEYS[s] != 0; s = (s + 1) & (KEYS.length - 1)) {
      if (KEYS[s] == key) return LANGS[s];
    }
    return 0;
  }
}
