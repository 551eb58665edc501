package dev.storytrack.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The evidence that tells two events of one kind apart when their words agree: which names are
 * people and which are places, and the figures and calendar dates a report states. Two shootings
 * read alike; their victims, towns, ages and weekdays do not.
 *
 * <p>Hand-written rules because no English named-entity model is published on Maven Central
 * (OpenNLP's are not; CoreNLP's are GPL and 460 MB): a name is a place when a gazetteer knows it,
 * when it ends in a place word ("Cook County"), when a place noun and "of" precede it ("the village
 * of Baghouz"), when a state follows it ("Hawthorne, Calif.") or when it opens the text as a
 * dateline ("HAWTHORNE —"); it is a person when a title precedes it ("Officer", "spokesman"), when
 * an age follows it ("John Smith, 23,") or when its last word is used alone elsewhere in the text
 * (news names a person in full, then by surname). The vocabularies are resource files ({@code
 * en-*.txt} beside this class). Thread-safe.
 */
final class Facts {
  enum Kind {
    PERSON,
    PLACE,
    OTHER
  }

  private static final Map<String, String> PLACES = table("en-places.txt");
  private static final Map<String, String> PLACE_SUFFIXES = table("en-place-suffixes.txt");
  private static final Set<String> TITLES = table("en-person-titles.txt").keySet();
  private static final Map<String, String> NUMBERS = table("en-numbers.txt");
  private static final Map<String, String> CALENDAR = table("en-dates.txt");
  private static final Set<String> KICKERS = table("en-kickers.txt").keySet();
  private static final Set<String> PLACE_NOUNS = table("en-place-nouns.txt").keySet();
  private static final Set<String> HEADLINE_WORDS = table("en-headline-words.txt").keySet();
  private static final Set<String> STATES = new HashSet<>();

  static {
    PLACES.forEach(
        (k, v) -> {
          if (v.equals("state")) STATES.add(k);
        });
  }

  private Facts() {}

  /** Whether a word is a title or role that precedes a person's name ("Officer", "Sen."). */
  static boolean isTitle(String word) {
    return TITLES.contains(stripDot(word.toLowerCase(Locale.ROOT)));
  }

  /** Whether a word, as written, is a capitalized preposition or auxiliary ("In", "Is"). */
  static boolean isHeadlineWord(String word) {
    return HEADLINE_WORDS.contains(word);
  }

  /** Whether a word names a weekday or a month, whole or abbreviated ("Nov", "Tuesday"). */
  static boolean isCalendarWord(String word) {
    return CALENDAR.containsKey(stripDot(word.toLowerCase(Locale.ROOT)));
  }

  /** Whether a phrase names a place on its own (a state, a country, "X County"). */
  static boolean knownPlace(String phrase) {
    // The scanner leaves a final dot out of a word ("Calif" of "Calif.").
    if (PLACES.containsKey(phrase) || PLACES.containsKey(phrase + ".")) return true;
    int sp = phrase.lastIndexOf(' ');
    return sp > 0 && PLACE_SUFFIXES.containsKey(phrase.substring(sp + 1));
  }

  /**
   * The kind of the capitalized phrase {@code s[start, end)}; {@code dropped} is the word the
   * scanner dropped before it (a title capitalized by position), or null.
   */
  static Kind kind(String s, int start, int end, String phrase, String dropped) {
    if (knownPlace(phrase)) return Kind.PLACE;
    String before = wordBefore(s, start);
    if (before != null && TITLES.contains(before)) return Kind.PERSON;
    if (dropped != null && TITLES.contains(stripDot(dropped.toLowerCase(Locale.ROOT)))) {
      return Kind.PERSON;
    }
    // "the village of Baghouz", "the city of Raqqa": a place noun and "of" in front.
    if ("of".equals(before)) {
      String noun = wordBefore(s, wordStart(s, start));
      if (noun != null && PLACE_NOUNS.contains(noun)) return Kind.PLACE;
    }
    // "John Smith, 23," names a person by age; "Hawthorne, Calif." a town by its state.
    int i = end;
    if (i < s.length() && s.charAt(i) == ',') {
      int j = i + 1;
      while (j < s.length() && s.charAt(j) == ' ') j++;
      int k = j;
      while (k < s.length() && Character.isDigit(s.charAt(k))) k++;
      if (k > j && k - j <= 3 && k < s.length() && (s.charAt(k) == ',' || s.charAt(k) == ')')) {
        return Kind.PERSON;
      }
      for (int len = 2; len <= 3; len++) {
        String next = words(s, j, len);
        if (next != null && STATES.contains(next)) return Kind.PLACE;
      }
      String one = words(s, j, 1);
      if (one != null && STATES.contains(one)) return Kind.PLACE;
    }
    if (capitalDateline(s, start, end, phrase)) return Kind.PLACE;
    // A dateline: the text opens with the place, then a dash or "(AP)".
    if (start == 0 || onlySpaceBefore(s, start)) {
      int j = end;
      while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == ',')) j++;
      if (j < s.length()
          && (s.charAt(j) == '\u2014'
              || s.charAt(j) == '\u2013'
              || s.charAt(j) == '-'
              || s.charAt(j) == '(')) {
        return Kind.PLACE;
      }
    }
    return Kind.OTHER;
  }

  /** Whether the word right before {@code start} is the definite article. */
  static boolean afterArticle(String s, int start) {
    return "the".equals(wordBefore(s, start));
  }

  /**
   * An agency dateline in capitals: "BEIRUT:", "RAQQA, Syria:", "LONDON, March 3". Capitals alone
   * are not enough: a kicker ("BREAKING:", "UPDATE:") opens a text the same way.
   */
  private static boolean capitalDateline(String s, int start, int end, String phrase) {
    if (!onlySpaceBefore(s, start) || end >= s.length()) return false;
    if (s.charAt(end) != ':' && s.charAt(end) != ',') return false;
    boolean letters = false;
    for (int i = 0; i < phrase.length(); i++) {
      char c = phrase.charAt(i);
      if (Character.isLowerCase(c)) return false;
      letters |= Character.isLetter(c);
    }
    return letters && phrase.length() >= 3 && !KICKERS.contains(phrase.toLowerCase(Locale.ROOT));
  }

  private static boolean onlySpaceBefore(String s, int start) {
    for (int i = 0; i < start; i++) if (!Character.isWhitespace(s.charAt(i))) return false;
    return true;
  }

  /** Where the word right before {@code start} (skipping spaces) begins. */
  private static int wordStart(String s, int start) {
    int j = start - 1;
    while (j >= 0 && s.charAt(j) == ' ') j--;
    while (j >= 0 && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '.')) j--;
    return j + 1;
  }

  /** The lower-case word right before {@code start} (skipping spaces), without a final dot. */
  private static String wordBefore(String s, int start) {
    int end = start;
    while (end > 0 && s.charAt(end - 1) == ' ') end--;
    int begin = wordStart(s, start);
    if (end - begin < 2) return null;
    return stripDot(s.substring(begin, end).toLowerCase(Locale.ROOT));
  }

  private static String stripDot(String w) {
    return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
  }

  /** {@code n} space-separated words from {@code at}, keeping dots ("N.Y."), or null. */
  private static String words(String s, int at, int n) {
    int i = at;
    for (int w = 0; w < n; w++) {
      if (w > 0) {
        if (i >= s.length() || s.charAt(i) != ' ') return null;
        i++;
      }
      int st = i;
      while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '.')) i++;
      if (i == st) return null;
    }
    String r = s.substring(at, i);
    // "Calif." keeps its dot; a sentence-final dot after a full name does not belong to it.
    return PLACES.containsKey(r) || !r.endsWith(".") ? r : r.substring(0, r.length() - 1);
  }

  /**
   * Counts the figures and dates of a text into {@code out}: numbers as values ("seven" and "7"
   * meet; "8,000" is 8000), weekdays, and month-day dates ("March 3", "3 March"). Keys start with
   * "#" so they never meet a name's key.
   */
  static void marks(String s, Map<String, Integer> out) {
    int n = s.length();
    int i = 0;
    String prevMonth = null;
    String prevNumber = null;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        int j = i;
        StringBuilder v = new StringBuilder();
        while (j < n
            && (Character.isDigit(s.charAt(j))
                || (s.charAt(j) == ','
                    && j + 3 < n
                    && Character.isDigit(s.charAt(j + 1))
                    && Character.isDigit(s.charAt(j + 2))
                    && Character.isDigit(s.charAt(j + 3))))) {
          if (s.charAt(j) != ',') v.append(s.charAt(j));
          j++;
        }
        // A decimal or a digit glued to letters ("9mm", "4K") is a measure, not a count: kept
        // whole.
        if (j < n && s.charAt(j) == '.' && j + 1 < n && Character.isDigit(s.charAt(j + 1))) {
          int k = j + 1;
          while (k < n && Character.isDigit(s.charAt(k))) k++;
          v.append('.').append(s, j + 1, k);
          j = k;
        }
        String num = stripZeros(v.toString());
        if (num.length() <= 9) {
          out.merge("#" + num, 1, Integer::sum);
          if (prevMonth != null && num.length() <= 2)
            out.merge("#" + prevMonth + num, 1, Integer::sum);
        }
        prevNumber = num.length() <= 2 ? num : null;
        prevMonth = null;
        i = j;
      } else if (Character.isLetter(c)) {
        int j = i;
        while (j < n && Character.isLetter(s.charAt(j))) j++;
        if (!mayBeMarkWord(s, i, j)) {
          prevMonth = null;
          prevNumber = null;
          i = j;
          continue;
        }
        String w = s.substring(i, j).toLowerCase(Locale.ROOT);
        String num = NUMBERS.get(w);
        String cal = CALENDAR.get(w);
        if (num != null) {
          out.merge("#" + num, 1, Integer::sum);
          prevNumber = null;
          prevMonth = null;
        } else if (cal != null
            && (w.length() > 3 || Character.isUpperCase(c))
            && !(w.equals("may") && !Character.isUpperCase(c))) {
          if (isWeekday(cal)) {
            out.merge("#" + cal, 1, Integer::sum);
            prevMonth = null;
          } else {
            if (prevNumber != null) out.merge("#" + cal + prevNumber, 1, Integer::sum);
            prevMonth = cal;
          }
          prevNumber = null;
        } else {
          prevMonth = null;
          prevNumber = null;
        }
        i = j;
      } else {
        if (c != ' ' && c != '.' && c != ',') {
          prevMonth = null;
          prevNumber = null;
        }
        i++;
      }
    }
  }

  // String hash codes of the number and calendar words, as a 65,536-bit set: nearly every word of
  // a text is neither, and lower-casing a substring of each word to ask the tables was over a
  // tenth of profiling (JFR).
  private static final long[] MARK_WORDS = markWordHashes();

  private static long[] markWordHashes() {
    long[] bits = new long[1 << 10];
    for (Map<String, String> m : List.of(NUMBERS, CALENDAR)) {
      for (String k : m.keySet()) {
        int b = k.hashCode() & 0xFFFF;
        bits[b >>> 6] |= 1L << b;
      }
    }
    return bits;
  }

  /** The words {@link #marks} reads as numbers or calendar words (lower case). */
  static Set<String> markWords() {
    Set<String> all = new HashSet<>(NUMBERS.keySet());
    all.addAll(CALENDAR.keySet());
    return all;
  }

  /**
   * False only when the word {@code s[i, j)}, lower-cased, is a key of neither NUMBERS nor
   * CALENDAR. Hashes the ASCII lower case in place; a word with other characters is left to the
   * tables (lower case outside ASCII may change a word's length).
   */
  static boolean mayBeMarkWord(String s, int i, int j) {
    int h = 0;
    for (int k = i; k < j; k++) {
      char c = s.charAt(k);
      if (c >= 128) return true;
      if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
      h = 31 * h + c;
    }
    int b = h & 0xFFFF;
    return (MARK_WORDS[b >>> 6] & (1L << b)) != 0;
  }

  private static boolean isWeekday(String key) {
    return switch (key) {
      case "mon", "tue", "wed", "thu", "fri", "sat", "sun" -> true;
      default -> false;
    };
  }

  private static String stripZeros(String v) {
    int i = 0;
    while (i < v.length() - 1 && v.charAt(i) == '0' && v.charAt(i + 1) != '.') i++;
    return v.substring(i);
  }

  /** A "key[TAB value]" table from a resource beside this class; "#" lines are comments. */
  private static Map<String, String> table(String name) {
    Map<String, String> m = new HashMap<>();
    try (InputStream in = Facts.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        int tab = line.indexOf('\t');
        if (tab < 0) m.put(line.strip(), "");
        else m.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return Map.copyOf(m);
  }
}
