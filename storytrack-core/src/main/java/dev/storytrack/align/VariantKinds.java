package dev.storytrack.align;

import dev.storytrack.text.Token;
import dev.storytrack.text.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * The kind of a variant, from the words that differ between its two sides. Checked in this order,
 * the first that holds wins:
 *
 * <ol>
 *   <li>{@link #DATE}: a month or weekday name (capitalized: "may" and "march" are verbs too), a
 *       relative day word ("yesterday") or a year (1900–2099) differs, or a day number (1–31)
 *       beside a month name ("March 3" vs "March 4");
 *   <li>{@link #FIGURE}: a number differs, in digits ("8,000" vs "9,000") or words ("seven" vs
 *       "eight"); before spelling, because a changed toll is a small edit distance apart;
 *   <li>{@link #SPELLING}: the same number of words, each within edit-distance similarity 0.7 of
 *       its partner ("Mustefa" vs "Mustafa");
 *   <li>{@link #NAME}: every differing content word (or acronym) is capitalized on both sides
 *       (another person, place or group: "Daesh" vs "IS");
 *   <li>{@link #WORDING}: anything else.
 * </ol>
 *
 * The vocabularies are resource files beside this class ({@code number-words.txt}, {@code
 * calendar-names.txt}, {@code relative-days.txt}).
 */
public final class VariantKinds {
  public static final String WORDING = "wording";
  public static final String SPELLING = "spelling";
  public static final String FIGURE = "figure";
  public static final String DATE = "date";
  public static final String NAME = "name";

  static final double SPELLING_SIMILARITY = 0.7;

  private static final Set<String> NUMBER_WORDS = words("number-words.txt");
  private static final Set<String> CALENDAR_NAMES = words("calendar-names.txt");
  private static final Set<String> RELATIVE_DAYS = words("relative-days.txt");
  private static final Pattern DIGITS = Pattern.compile("\\d[\\d.,]*(st|nd|rd|th|s)?");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\ds?");

  private VariantKinds() {}

  /**
   * The kind of the variant {@code ta[a0,a1)} vs {@code tb[b0,b1)}, tokens of {@code a} and {@code
   * b}.
   */
  static String of(
      String a, String b, List<Token> ta, List<Token> tb, int a0, int a1, int b0, int b1) {
    List<Token> da = new ArrayList<>(ta.subList(a0, a1));
    List<Token> db = new ArrayList<>(tb.subList(b0, b1));
    removeCommon(da, db);
    if (isDate(a, ta, a0, a1, da) || isDate(b, tb, b0, b1, db)) return DATE;
    if (da.stream().anyMatch(t -> isNumber(t.term()))
        || db.stream().anyMatch(t -> isNumber(t.term()))) {
      return FIGURE;
    }
    if (isSpelling(ta, a0, a1, tb, b0, b1)) return SPELLING;
    if (allCapitalized(a, da) && allCapitalized(b, db)) return NAME;
    return WORDING;
  }

  /** True for a number in digits or words: "8,000", "3.5", "25th", "seven", "dozens". */
  public static boolean isNumber(String term) {
    return NUMBER_WORDS.contains(term) || DIGITS.matcher(term).matches();
  }

  /** The words two stretches share (as multisets) leave both lists. */
  private static void removeCommon(List<Token> da, List<Token> db) {
    for (int i = da.size() - 1; i >= 0; i--) {
      String t = da.get(i).term();
      for (int j = 0; j < db.size(); j++) {
        if (db.get(j).term().equals(t)) {
          db.remove(j);
          da.remove(i);
          break;
        }
      }
    }
  }

  private static boolean isDate(
      String text, List<Token> tokens, int from, int to, List<Token> differing) {
    for (Token t : differing) {
      if (isCalendarWord(text, t) || YEAR.matcher(t.term()).matches()) return true;
    }
    boolean dayNumber = differing.stream().anyMatch(t -> isDayNumber(t.term()));
    if (!dayNumber) return false;
    // "March 3" vs "March 4": the month is shared, so it lies beside the variant, not in it.
    for (int k = Math.max(0, from - 1); k < Math.min(tokens.size(), to + 1); k++) {
      if (CALENDAR_NAMES.contains(tokens.get(k).term()) && capitalized(text, tokens.get(k)))
        return true;
    }
    return false;
  }

  private static boolean isCalendarWord(String text, Token t) {
    return RELATIVE_DAYS.contains(t.term())
        || (CALENDAR_NAMES.contains(t.term()) && capitalized(text, t));
  }

  private static boolean isDayNumber(String term) {
    String digits = term.replaceFirst("(st|nd|rd|th)$", "");
    if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(Character::isDigit))
      return false;
    int d = Integer.parseInt(digits);
    return d >= 1 && d <= 31;
  }

  private static boolean allCapitalized(String text, List<Token> differing) {
    boolean any = false;
    for (Token t : differing) {
      // An acronym counts even when it spells a function word ("IS", "US").
      if (Tokens.isFunctionWord(t.term()) && !acronym(text, t)) continue;
      if (!capitalized(text, t)) return false;
      any = true;
    }
    return any;
  }

  private static boolean acronym(String text, Token t) {
    if (t.end() - t.start() < 2) return false;
    for (int k = t.start(); k < t.end(); k++)
      if (!Character.isUpperCase(text.charAt(k))) return false;
    return true;
  }

  private static boolean capitalized(String text, Token t) {
    return t.start() < text.length() && Character.isUpperCase(text.charAt(t.start()));
  }

  /** Same number of words and each pair close in edit distance: Mustefa/Mustafa, Qaeda/Qaida. */
  private static boolean isSpelling(
      List<Token> ta, int a0, int a1, List<Token> tb, int b0, int b1) {
    if (a1 - a0 != b1 - b0) return false;
    LevenshteinDistance lev = new LevenshteinDistance();
    for (int k = 0; k < a1 - a0; k++) {
      if (lev.getDistance(ta.get(a0 + k).term(), tb.get(b0 + k).term()) < SPELLING_SIMILARITY)
        return false;
    }
    return true;
  }

  private static Set<String> words(String resource) {
    try (InputStream in = VariantKinds.class.getResourceAsStream(resource)) {
      if (in == null)
        throw new IllegalStateException(
            "missing resource " + resource + " beside " + VariantKinds.class);
      Set<String> out = new HashSet<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) out.add(w);
      }
      return Set.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
