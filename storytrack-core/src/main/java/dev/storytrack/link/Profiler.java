package dev.storytrack.link;

import dev.storytrack.article.Article;
import dev.storytrack.text.Shingles;
import dev.storytrack.text.internal.Aliases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an article into a {@link Profile}: Lucene's English analysis (stop words, possessives,
 * Porter stemming) for terms, capitalized phrases normalized by {@link Aliases} for entities.
 * Thread-safe.
 */
public final class Profiler {
  // Capitalized because they start a sentence or are calendar words, not because they are names.
  private static final Set<String> NOT_NAMES =
      Set.of(
          "he",
          "she",
          "it",
          "they",
          "we",
          "i",
          "you",
          "his",
          "her",
          "its",
          "their",
          "our",
          "this",
          "that",
          "these",
          "those",
          "there",
          "here",
          "but",
          "and",
          "or",
          "so",
          "if",
          "when",
          "while",
          "after",
          "before",
          "as",
          "at",
          "in",
          "on",
          "for",
          "from",
          "with",
          "by",
          "to",
          "of",
          "the",
          "a",
          "an",
          "mr",
          "mrs",
          "ms",
          "dr",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "what",
          "who",
          "why",
          "how",
          "where",
          "also",
          "some",
          "many",
          "one",
          "two",
          "however",
          "meanwhile",
          "according",
          "photo",
          "image",
          "reuters",
          "ap",
          "afp",
          "read",
          "more",
          "updated",
          "share",
          "said");
  private static final int MAX_TEXT = 20_000;

  /** Words of the text that make its lead (about the first two paragraphs of a news report). */
  static final int LEAD_WORDS = 80;

  private static final Shingles SHINGLES = new Shingles(Shingles.DEFAULT_SIZE);

  /** Most stems kept with a readable word; past this, new stems show as themselves. */
  static final int MAX_SURFACES = 200_000;

  // One per thread, shared by every profiler: a clusterer (a Spark window, a store's batch) makes
  // a profiler of its own, and a memo per profiler would start cold each time.
  private static final ThreadLocal<EnglishTerms> ANALYSIS =
      ThreadLocal.withInitial(EnglishTerms::new);
  private final SentenceEmbedder embedder;
  // Stem to the shortest lower-case word seen for it (ties: first in alphabetical order), so
  // the result does not depend on the order articles come in. Only stems that differ from their
  // word are kept: most terms are their own word.
  private final Map<String, String> surfaces = new ConcurrentHashMap<>();

  /** A profiler without sentence embeddings. */
  public Profiler() {
    this(null);
  }

  /** A profiler that also embeds title and lead with {@code embedder} (null: none). */
  public Profiler(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  /** The profile of {@code a} (title and text as given; clean them first). */
  public Profile profile(Article a) {
    String text = a.text().length() > MAX_TEXT ? a.text().substring(0, MAX_TEXT) : a.text();
    Map<String, Integer> titleCounts = counts(a.title());
    // One analysis pass over the text fills both the whole-text and the lead counts.
    Map<String, Integer> tc = new HashMap<>();
    Map<String, Integer> lc = new HashMap<>();
    int leadEnd = leadEnd(text);
    count(text, leadEnd, tc, lc);
    titleCounts.forEach(
        (k, v) -> {
          tc.merge(k, v, Integer::sum);
          lc.merge(k, v, Integer::sum);
        });
    Map<String, String> names = new HashMap<>();
    Names found = new Names(names);
    entities(a.title(), found);
    found.leadEnd = leadEnd;
    entities(text, found);
    found.resolveSurnames();
    Map<String, Integer> mc = new HashMap<>();
    Facts.marks(a.title(), mc);
    Facts.marks(text, mc);
    Map<String, Integer> leadMarks = new HashMap<>();
    Facts.marks(a.title(), leadMarks);
    Facts.marks(text.substring(0, leadEnd), leadMarks);
    Profile p =
        Profile.of(
            tc,
            titleCounts,
            lc,
            found.counts,
            found.people,
            found.places,
            mc,
            found.lead,
            leadMarks,
            names,
            shingleSample(text),
            a.published());
    if (embedder != null) p.embedding = embedder.embed(a.title(), text);
    return p;
  }

  /**
   * The weights a profile gives the terms of a title on its own (log TF, unit length): the map
   * {@code profile(Article.ofText(id, title, "")).terms()} returns, entries in the same order,
   * without the names, figures and shingles a whole profile also takes. A story's representative
   * title is chosen with it, for every member's title.
   */
  public Map<String, Float> titleTerms(String title) {
    Map<String, Integer> tc = new HashMap<>();
    counts(title == null ? "" : title).forEach((k, v) -> tc.merge(k, v, Integer::sum));
    Map<String, Float> weights = unit(logTf(tc));
    // As a profile's vector holds them and gives them back: inserted in this order into a map of
    // the size Vec.toMap makes.
    Map<String, Float> out = new HashMap<>(Math.max(16, weights.size() * 2));
    weights.forEach(out::put);
    return Collections.unmodifiableMap(out);
  }

  /** The first {@link #LEAD_WORDS} words of a text (whitespace-separated). */
  static String leadOf(String text) {
    return text.substring(0, leadEnd(text));
  }

  /**
   * Where the word after the first {@link #LEAD_WORDS} words starts (the text's length if none).
   */
  static int leadEnd(String text) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !in && ++words > LEAD_WORDS) return i;
      in = !space;
    }
    return text.length();
  }

  /** Sorted distinct 32-bit hashes of the text's 5-word shingles, the smallest SHINGLE_SAMPLE. */
  static int[] shingleSample(String text) {
    long[] h = SHINGLES.hash(text).shingles();
    int[] v = new int[h.length];
    for (int i = 0; i < h.length; i++) v[i] = (int) (h[i] ^ (h[i] >>> 32));
    RadixSort.sort(v);
    int n = 0;
    for (int i = 0; i < v.length; i++) if (n == 0 || v[i] != v[n - 1]) v[n++] = v[i];
    return Arrays.copyOf(v, Math.min(n, Profile.SHINGLE_SAMPLE));
  }

  Map<String, Integer> counts(String s) {
    Map<String, Integer> m = new HashMap<>();
    count(s, 0, m, null);
    return m;
  }

  /**
   * Counts the analyzed terms of {@code s} into {@code all}, and those before {@code leadEnd} into
   * {@code lead}.
   */
  private void count(String s, int leadEnd, Map<String, Integer> all, Map<String, Integer> lead) {
    if (s.isEmpty()) return;
    ANALYSIS
        .get()
        .analyze(
            s,
            (t, start, end) -> {
              // A term's first occurrence in the text is enough to learn its word.
              if (all.merge(t.term, 1, Integer::sum) == 1 && t.offeredTo != surfaces) {
                noteSurface(t.term, s, start, end);
                t.offeredTo = surfaces;
              }
              if (lead != null && start < leadEnd) lead.merge(t.term, 1, Integer::sum);
            });
  }

  /**
   * A readable word for an analyzed term ("warplan" -> "warplanes", "coalit" -> "coalition"): the
   * shortest word this profiler has seen for it, or the term itself.
   */
  public String surface(String term) {
    return surfaces.getOrDefault(term, term);
  }

  private void noteSurface(String stem, String text, int start, int end) {
    int len = end - start;
    if (len <= 0 || end > text.length()) return;
    if (len == stem.length() && text.regionMatches(true, start, stem, 0, len)) return;
    String known = surfaces.get(stem);
    // Seen before as this word or a shorter one: nothing to learn, and nothing to allocate.
    if (known != null
        && (known.length() < len
            || known.length() == len && text.regionMatches(true, start, known, 0, len))) {
      return;
    }
    if (known == null && surfaces.size() >= MAX_SURFACES) return;
    // Possessives and other forms the analyzer folds keep their apostrophe; the plain word reads
    // better, and is seen elsewhere.
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (c == '\'' || c == '\u2019') return;
    }
    String word = text.substring(start, end).toLowerCase(Locale.ROOT);
    surfaces.merge(
        stem,
        word,
        (a, b) ->
            b.length() < a.length() || (b.length() == a.length() && b.compareTo(a) < 0) ? b : a);
  }

  private static final Set<String> PARTICLES =
      Set.of("of", "al", "bin", "de", "la", "von", "van", "el");
  private static final int MAX_PARTICLE =
      PARTICLES.stream().mapToInt(String::length).max().orElse(0);

  /** What one scan of a text finds: entity counts, and the keys known to be people or places. */
  static final class Names {
    final Map<String, Integer> counts = new HashMap<>();
    final Map<String, String> wordings;
    final Map<String, Integer> people = new HashMap<>();
    final Map<String, Integer> places = new HashMap<>();
    // Names starting before offset leadEnd of the text being scanned (the title and the lead).
    final Map<String, Integer> lead = new HashMap<>();
    int leadEnd = Integer.MAX_VALUE;
    // Names used alone as one word with no article in front: candidate surnames.
    final Set<String> bare = new HashSet<>();
    // Full names with no kind yet and the key of their last word: a person when the text also
    // names the last word alone (news gives a name in full, then the surname).
    final List<String[]> unresolved = new ArrayList<>();

    Names(Map<String, String> wordings) {
      this.wordings = wordings;
    }

    void resolveSurnames() {
      for (String[] u : unresolved) {
        // "Syria's Raqqa", then "Raqqa": a place named again, not a surname.
        if (bare.contains(u[1]) && !places.containsKey(u[0]) && !places.containsKey(u[1])) {
          people.merge(u[0], 1, Integer::sum);
          people.merge(u[1], 1, Integer::sum);
        }
      }
      unresolved.clear();
    }
  }

  /**
   * Capitalized phrases: runs of capitalized words (or acronyms), optionally joined by one name
   * particle ("Bank of England", "Abu Bakr al Baghdadi"). A hand scanner rather than a regular
   * expression: this runs on every article and a regex was the largest cost of profiling. Counts go
   * to {@code out}; {@code names} (if not null) gets each key's first wording.
   */
  static void entities(String s, Map<String, Integer> out, Map<String, String> names) {
    Names n = new Names(names);
    entities(s, n);
    n.counts.forEach((k, v) -> out.merge(k, v, Integer::sum));
  }

  /** As {@link #entities(String, Map, Map)}, also sorting the names into people and places. */
  static void entities(String s, Names out) {
    LowerCaseWords lower = new LowerCaseWords(s);
    List<String> phrase = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    String pendingParticle = null;
    int pendingAt = 0;
    int n = s.length();
    int i = 0;
    while (i <= n) {
      // next word: letters plus inner apostrophes, dots and hyphens
      while (i < n && !Character.isLetterOrDigit(s.charAt(i))) {
        char c = s.charAt(i);
        if (c != ' ' && !phrase.isEmpty()) {
          // punctuation other than a space ends a phrase
          emit(s, phrase, spans, lower, out);
          pendingParticle = null;
        }
        i++;
      }
      if (i >= n) break;
      int j = i;
      while (j < n
          && (Character.isLetterOrDigit(s.charAt(j))
              || ((s.charAt(j) == '\''
                      || s.charAt(j) == '\u2019'
                      || s.charAt(j) == '-'
                      || s.charAt(j) == '.')
                  && j + 1 < n
                  && Character.isLetter(s.charAt(j + 1))))) {
        j++;
      }
      // A substring only for words that may be kept: most words are lower case and no particle.
      if (Character.isUpperCase(s.charAt(i))) {
        String w = s.substring(i, j);
        if (pendingParticle != null) {
          phrase.add(pendingParticle);
          spans.add(new int[] {pendingAt, pendingAt + pendingParticle.length()});
        }
        pendingParticle = null;
        phrase.add(w);
        spans.add(new int[] {i, j});
      } else if (!phrase.isEmpty()
          && pendingParticle == null
          && j - i <= MAX_PARTICLE
          && PARTICLES.contains(s.substring(i, j))) {
        pendingParticle = s.substring(i, j);
        pendingAt = i;
      } else {
        emit(s, phrase, spans, lower, out);
        pendingParticle = null;
      }
      i = j;
    }
    emit(s, phrase, spans, lower, out);
  }

  /**
   * The key under which profiles count a name: lower case, accents, possessives and dots removed,
   * known aliases folded ("Daesh" and "IS" meet). Two names with one key are one entity.
   */
  public static String nameKey(String name) {
    return Aliases.key(name);
  }

  /** Whether a word names a weekday or a month, whole or abbreviated ("Nov", "Tuesday"). */
  public static boolean calendarWord(String word) {
    return Facts.isCalendarWord(word);
  }

  /**
   * Whether a word, as written, is a preposition or auxiliary capitalized as a headline writes it
   * ("In", "Is"; {@code en-headline-words.txt}).
   */
  public static boolean headlineWord(String word) {
    return Facts.isHeadlineWord(word);
  }

  /** Whether a word is a title or role written before a person's name ("Sgt.", "Officer"). */
  public static boolean personTitle(String word) {
    return Facts.isTitle(word);
  }

  /**
   * A capitalized hyphen compound whose last part is lower case: "US-backed", "Iraqi-born". It
   * qualifies a name and is none itself; profiles keep it as an entity all the same, because the
   * link model was learned with it there (dropping it lowered the held-out F1 on ECB+).
   */
  public static boolean compoundAdjective(String w) {
    int h = w.lastIndexOf('-');
    return h > 0 && h + 1 < w.length() && Character.isLowerCase(w.charAt(h + 1));
  }

  private static void emit(
      String s, List<String> words, List<int[]> spans, LowerCaseWords lower, Names out) {
    if (words.isEmpty()) return;
    // Drop leading words capitalized only by position: "The", "On", or any word the text also
    // uses in lower case ("Spokesman Mustafa Bali" -> "Mustafa Bali"), a word alone too ("Police
    // said" where the text writes "police"), unless in capitals ("US" beside "told us").
    int start = 0;
    while (start < words.size()) {
      String written = words.get(start);
      String w = written.toLowerCase(Locale.ROOT);
      if (!NOT_NAMES.contains(w)
          && !((words.size() - start > 1 || !written.equals(written.toUpperCase(Locale.ROOT)))
              && lower.contains(spanHash(w, 0, w.length())))) {
        break;
      }
      start++;
    }
    // A title in front ("Officer Jane Doe", "Sen. Ted Cruz") is no part of the name, and names a
    // person.
    boolean titled = false;
    while (start < words.size() - 1 && Facts.isTitle(words.get(start))) {
      start++;
      titled = true;
    }
    if (start < words.size()) {
      String name = String.join(" ", words.subList(start, words.size()));
      if (name.length() >= 2) {
        String key = Aliases.key(name);
        if (!key.isEmpty()) {
          out.counts.merge(key, 1, Integer::sum);
          if (spans.get(start)[0] < out.leadEnd) out.lead.merge(key, 1, Integer::sum);
          // "Bali said" may be a surname used alone; "the Observatory said" is not.
          if (words.size() - start == 1
              && !(start > 0 && words.get(start - 1).equalsIgnoreCase("the"))
              && !Facts.afterArticle(s, spans.get(start)[0])) {
            out.bare.add(key);
          }
          if (out.wordings != null) out.wordings.putIfAbsent(key, name);
          Facts.Kind kind =
              titled
                  ? Facts.Kind.PERSON
                  : Facts.kind(
                      s,
                      spans.get(start)[0],
                      spans.get(words.size() - 1)[1],
                      name,
                      start > 0 ? words.get(start - 1) : null);
          if (kind == Facts.Kind.PLACE) {
            out.places.merge(key, 1, Integer::sum);
          } else if (kind == Facts.Kind.PERSON) {
            out.people.merge(key, 1, Integer::sum);
          } else if (words.size() - start >= 2 && words.size() - start <= 4) {
            String last = Aliases.key(words.get(words.size() - 1));
            if (!last.isEmpty() && !last.equals(key)) out.unresolved.add(new String[] {key, last});
          }
        }
      }
    }
    words.clear();
    spans.clear();
  }

  /**
   * The words a text writes in lower case, as a set of 64-bit hashes of their char spans (a
   * substring per word was a tenth of the profiling cost; a 64-bit collision among a few hundred
   * words is negligible). An open-addressing table rather than a sorted array: sorting every word's
   * hash was ~6% of profiling (JFR). Built on first use: short texts such as titles seldom ask.
   */
  private static final class LowerCaseWords {
    private final String s;
    private long[] table;

    LowerCaseWords(String s) {
      this.s = s;
    }

    boolean contains(long h) {
      if (table == null) table = build(s);
      long key = h == 0 ? 1 : h;
      int mask = table.length - 1;
      for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
        if (table[i] == key) return true;
        if (table[i] == 0) return false;
      }
    }

    private static long[] build(String s) {
      long[] words = new long[64];
      int count = 0;
      int i = 0;
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (Character.isLowerCase(c) && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
          // j starts past c: some lower-case characters are not letters (small roman numerals,
          // circled letters such as the "ⓒ" of copyright lines), and an empty span never advanced.
          int j = i + 1;
          while (j < n && Character.isLetter(s.charAt(j))) j++;
          if (count == words.length) words = Arrays.copyOf(words, count * 2);
          words[count++] = spanHash(s, i, j);
          i = j;
        } else {
          i++;
        }
      }
      // At most half full, so a probe ends at an empty slot (0; a hash of 0 is stored as 1).
      long[] table = new long[Integer.highestOneBit(Math.max(1, count) * 2) * 2];
      int mask = table.length - 1;
      for (int k = 0; k < count; k++) {
        long key = words[k] == 0 ? 1 : words[k];
        int at = (int) (key ^ (key >>> 32)) & mask;
        while (table[at] != 0 && table[at] != key) at = (at + 1) & mask;
        table[at] = key;
      }
      return table;
    }
  }

  /** A 64-bit hash (FNV-1a over UTF-16 units, then a finalizer) of {@code s[from, to)}. */
  private static long spanHash(String s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    return h ^ (h >>> 33);
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
