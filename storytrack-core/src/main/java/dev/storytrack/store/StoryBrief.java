package dev.storytrack.store;

import dev.storytrack.article.Article;
import dev.storytrack.link.Profile;
import dev.storytrack.link.Profiler;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a story is about, for people: its key names by kind, its lead sentence and its outlets.
 * Computed when read from the stored articles (the store keeps no entities), with the linker's
 * {@link Profiler}, whose rules tell people and places from other names.
 *
 * @param people the people most articles name, most first
 * @param places the places most articles name
 * @param otherNames other names (organisations, groups, events) most articles name
 * @param lead the first sentence of the earliest article
 * @param outlets articles per source, most first
 */
public record StoryBrief(
    List<String> people,
    List<String> places,
    List<String> otherNames,
    String lead,
    Map<String, Integer> outlets) {
  /** Names listed per kind. */
  public static final int NAMES = 6;

  /** Articles read for the names: the earliest ones; more add cost, rarely a key name. */
  public static final int MAX_ARTICLES = 200;

  private static final int MAX_LEAD = 400;

  /** The brief of {@code d} from its stored articles (in {@link StoryDetail#articles()} order). */
  public static StoryBrief of(StoryDetail d, List<StoredArticle> stored) {
    Profiler profiler = new Profiler();
    Map<String, Integer> articlesNaming = new HashMap<>();
    Map<String, Double> weight = new HashMap<>();
    Map<String, String> shown = new HashMap<>();
    Map<String, Integer> personVotes = new HashMap<>();
    Map<String, Integer> placeVotes = new HashMap<>();
    for (StoredArticle s : stored.subList(0, Math.min(stored.size(), MAX_ARTICLES))) {
      Article a = s.article().withText(s.cleanedText());
      Profile p = profiler.profile(a);
      p.entities()
          .forEach(
              (k, v) -> {
                articlesNaming.merge(k, 1, Integer::sum);
                weight.merge(k, (double) v, Double::sum);
                shown.putIfAbsent(k, p.name(k));
              });
      p.people().keySet().forEach(k -> personVotes.merge(k, 1, Integer::sum));
      p.places().keySet().forEach(k -> placeVotes.merge(k, 1, Integer::sum));
    }
    List<String> keys = new ArrayList<>(articlesNaming.keySet());
    keys.sort(
        Comparator.comparing((String k) -> -articlesNaming.get(k))
            .thenComparing(k -> -weight.get(k))
            .thenComparing(Comparator.naturalOrder()));
    Words words = new Words(stored.subList(0, Math.min(stored.size(), MAX_ARTICLES)));
    // A surname used alone ("Crump said") is the person named in full elsewhere ("Sgt. Trent
    // Crump"): the best-ranked full name of a person whose last word it is.
    Map<String, String> fullName = new HashMap<>();
    for (String k : keys) {
      if (!isPerson(k, personVotes, placeVotes)) continue;
      String name = shown(shown.get(k));
      int sp = name.lastIndexOf(' ');
      if (sp > 0) fullName.putIfAbsent(Profiler.nameKey(name.substring(sp + 1)), name);
    }
    List<String> people = new ArrayList<>();
    List<String> places = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String k : keys) {
      String name = shown(shown.get(k));
      if (Profiler.compoundAdjective(name) || words.notAName(name)) continue;
      List<String> into;
      if (name.indexOf(' ') < 0 && fullName.containsKey(k)) {
        name = fullName.get(k);
        into = people;
      } else if (words.onlyOpensSentences(name)) {
        continue;
      } else if (isPerson(k, personVotes, placeVotes)) {
        into = people;
      } else {
        into = placeVotes.getOrDefault(k, 0) > 0 ? places : other;
      }
      if (into.size() < NAMES && !people.contains(name) && !into.contains(name)) into.add(name);
    }
    String lead = "";
    String earliest = d.earliest();
    for (StoredArticle s : stored) {
      if (s.article().id().equals(earliest)) lead = firstSentence(s.cleanedText());
    }
    if (lead.isEmpty() && !stored.isEmpty()) lead = firstSentence(stored.get(0).cleanedText());
    return new StoryBrief(people, places, other, lead, d.story().sources());
  }

  private static boolean isPerson(
      String key, Map<String, Integer> personVotes, Map<String, Integer> placeVotes) {
    int person = personVotes.getOrDefault(key, 0);
    return person > 0 && person >= placeVotes.getOrDefault(key, 0);
  }

  /** A name as shown: without the possessive of the wording first seen ("Holt's" -> "Holt"). */
  static String shown(String name) {
    if (name.length() > 2 && name.endsWith("s")) {
      char a = name.charAt(name.length() - 2);
      if (a == '\'' || a == '\u2019') return name.substring(0, name.length() - 2);
    }
    return name;
  }

  /** What the articles' titles and texts do with single words, to tell names from other words. */
  static final class Words {
    private final Set<String> lowerCase = new HashSet<>();
    private final Set<String> capitalizedInside = new HashSet<>();

    Words(List<StoredArticle> stored) {
      for (StoredArticle s : stored) {
        scan(s.article().title());
        scan(s.cleanedText());
      }
    }

    /**
     * A name that is none for a reader: a headline's words ({@link #headline}), or a single word
     * that is a title alone ("Sgt"), a month or weekday ("Nov"), or a word the articles also write
     * in lower case, capitalized here only by its place at the start of a sentence ("Police said").
     */
    boolean notAName(String name) {
      if (name.indexOf(' ') >= 0) return headline(name);
      return Profiler.personTitle(name)
          || Profiler.calendarWord(name)
          || lowerCase.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * A run of words from a headline or a line in title case, not a name: "Injured In Florida City
     * Shooting", "Anyone With Information Is Asked To Call". A capitalized preposition or auxiliary
     * inside it gives it away; names write these in lower case ("Bank of America").
     */
    static boolean headline(String name) {
      String[] words = name.split(" ");
      for (int i = 1; i < words.length; i++) if (Profiler.headlineWord(words[i])) return true;
      return false;
    }

    /**
     * A single word, not all capitals, that no article capitalizes inside a sentence: "Anyone with
     * information", "Investigators say", "Initially". Asked of every kind: a surname used alone is
     * first matched with the person's full name, and a dateline is in capitals.
     */
    boolean onlyOpensSentences(String name) {
      if (name.indexOf(' ') >= 0 || name.equals(name.toUpperCase(Locale.ROOT))) return false;
      return !capitalizedInside.contains(name);
    }

    private void scan(String s) {
      if (s == null) return;
      int n = s.length();
      int i = 0;
      while (i < n) {
        if (Character.isLetter(s.charAt(i)) && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
          int j = i + 1;
          while (j < n && Character.isLetter(s.charAt(j))) j++;
          if (Character.isLowerCase(s.charAt(i))) {
            lowerCase.add(s.substring(i, j));
          } else if (Character.isUpperCase(s.charAt(i)) && insideSentence(s, i)) {
            capitalizedInside.add(s.substring(i, j));
          }
          i = j;
        } else {
          i++;
        }
      }
    }

    /**
     * Whether the word at {@code i} stands inside its sentence on its own: after a word in lower
     * case or a comma ("in Perris", "and Minneapolis"), not after a capitalized word of a longer
     * name or a house number ("Olive Street", "96th Avenue" say nothing of "Street", "Avenue").
     */
    private static boolean insideSentence(String s, int i) {
      int k = i - 1;
      while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) k--;
      if (k < 0 || k == i - 1) return false;
      char c = s.charAt(k);
      if (c == ',' || c == ';') return true;
      if (!Character.isLetter(c)) return false;
      while (k > 0 && !Character.isWhitespace(s.charAt(k - 1))) k--;
      return Character.isLowerCase(s.charAt(k));
    }
  }

  /** The first sentence of the first non-blank line, whitespace collapsed, at most 400 chars. */
  static String firstSentence(String text) {
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) continue;
      BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
      it.setText(l);
      int end = it.next();
      String s =
          (end == BreakIterator.DONE ? l : l.substring(0, end)).replaceAll("\\s+", " ").strip();
      return s.length() <= MAX_LEAD ? s : s.substring(0, MAX_LEAD - 1) + "\u2026";
    }
    return "";
  }
}
