package dev.storytrack.link;

import dev.storytrack.article.Article;
import dev.storytrack.text.Aliases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns an article into a {@link Profile}: Lucene's English analysis (stop words, possessives,
 * Porter stemming) for terms, capitalized phrases normalized by {@link Aliases} for entities.
 * Thread-safe.
 */
public final class Profiler {
  // A capitalized phrase: capitalized words or acronyms, joined by a few lower-case name particles.
  private static final Pattern PHRASE = Pattern.compile(
      "\\b(?:\\p{Lu}[\\p{L}'\u2019.-]*)(?:\\s+(?:(?:of|al|bin|de|la|von|van|el)\\s+)?"
          + "\\p{Lu}[\\p{L}'\u2019.-]*)*");
  // Capitalized because they start a sentence or are calendar words, not because they are names.
  private static final Set<String> NOT_NAMES = Set.of(
      "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this",
      "that", "these", "those", "there", "here", "but", "and", "or", "so", "if", "when", "while",
      "after", "before", "as", "at", "in", "on", "for", "from", "with", "by", "to", "of", "the",
      "a", "an", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "what", "who", "why", "how",
      "where", "also", "some", "many", "one", "two", "however", "meanwhile", "according",
      "photo", "image", "reuters", "ap", "afp", "read", "more", "updated", "share", "said");
  private static final int MAX_TEXT = 20_000;

  private final Analyzer analyzer;

  public Profiler() {
    this.analyzer = new EnglishAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, CharArraySet.EMPTY_SET);
  }

  /** The profile of {@code a} (title and text as given; clean them first). */
  public Profile profile(Article a) {
    String text = a.text().length() > MAX_TEXT ? a.text().substring(0, MAX_TEXT) : a.text();
    Map<String, Float> title = unit(logTf(counts(a.title())));
    Map<String, Integer> tc = counts(text);
    counts(a.title()).forEach((k, v) -> tc.merge(k, v, Integer::sum));
    Map<String, Float> terms = unit(logTf(tc));
    Map<String, Integer> ec = new HashMap<>();
    entities(a.title(), ec);
    entities(text, ec);
    Map<String, Float> ents = unit(logTf(ec));
    return new Profile(terms, title, ents, a.published());
  }

  Map<String, Integer> counts(String s) {
    Map<String, Integer> m = new HashMap<>();
    if (s.isEmpty()) return m;
    try (TokenStream ts = analyzer.tokenStream("t", s)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() < 2 || isNumber(term)) continue;
        m.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  private static boolean isNumber(CharSequence t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!Character.isDigit(c) && c != '.' && c != ',') return false;
    }
    return true;
  }

  static void entities(String s, Map<String, Integer> out) {
    Set<String> lower = lowerCaseWords(s);
    Matcher m = PHRASE.matcher(s);
    while (m.find()) {
      String phrase = m.group().replaceAll("[.'\u2019-]+$", "");
      String[] words = phrase.split("\\s+");
      // Drop leading words capitalized only by position: "The", "On", or any word the text also
      // uses in lower case ("Spokesman Mustafa Bali" -> "Mustafa Bali").
      int start = 0;
      while (start < words.length) {
        String w = words[start].toLowerCase(Locale.ROOT);
        if (!NOT_NAMES.contains(w) && !(words.length - start > 1 && lower.contains(w))) break;
        start++;
      }
      if (start == words.length) continue;
      String name = String.join(" ", java.util.Arrays.copyOfRange(words, start, words.length));
      if (name.length() < 2) continue;
      String key = Aliases.key(name);
      if (!key.isEmpty()) out.merge(key, 1, Integer::sum);
    }
  }

  private static Set<String> lowerCaseWords(String s) {
    Set<String> words = new java.util.HashSet<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c) && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
        int j = i;
        while (j < n && Character.isLetter(s.charAt(j))) j++;
        words.add(s.substring(i, j));
        i = j;
      } else {
        i++;
      }
    }
    return words;
  }

  private static Map<String, Float> logTf(Map<String, Integer> counts) {
    Map<String, Float> m = new HashMap<>(counts.size() * 2);
    counts.forEach((k, v) -> m.put(k, (float) (1 + Math.log(v))));
    return m;
  }

  private static Map<String, Float> unit(Map<String, Float> m) {
    double n = 0;
    for (float v : m.values()) n += v * v;
    if (n == 0) return m;
    float inv = (float) (1 / Math.sqrt(n));
    m.replaceAll((k, v) -> v * inv);
    return m;
  }
}
