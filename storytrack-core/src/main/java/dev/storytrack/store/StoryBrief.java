package dev.storytrack.store;

import dev.storytrack.article.Article;
import dev.storytrack.link.Profile;
import dev.storytrack.link.Profiler;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    List<String> people = new ArrayList<>();
    List<String> places = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String k : keys) {
      int person = personVotes.getOrDefault(k, 0);
      int place = placeVotes.getOrDefault(k, 0);
      List<String> into = person > 0 && person >= place ? people : place > 0 ? places : other;
      String name = shown.get(k);
      if (into.size() < NAMES && !Profiler.compoundAdjective(name)) into.add(name);
    }
    String lead = "";
    String earliest = d.earliest();
    for (StoredArticle s : stored) {
      if (s.article().id().equals(earliest)) lead = firstSentence(s.cleanedText());
    }
    if (lead.isEmpty() && !stored.isEmpty()) lead = firstSentence(stored.get(0).cleanedText());
    return new StoryBrief(people, places, other, lead, d.story().sources());
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
