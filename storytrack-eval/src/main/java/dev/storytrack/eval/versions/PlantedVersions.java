package dev.storytrack.eval.versions;

import dev.storytrack.align.VariantKinds;
import dev.storytrack.article.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Planted versions of real articles: each story starts from one real article and grows by copies of
 * earlier versions with known edits, so the parent and the edits of every version are known.
 *
 * <p>Edits (1 to 3 per copy): a paragraph of another real article added; a paragraph dropped; a
 * figure changed (a number in digits or words); a date changed (a weekday or month name); a name
 * changed (a capitalized word in mid-sentence replaced by one from another article); a quote
 * altered (a word inside quotation marks replaced) or trimmed (its last words cut); a sentence
 * reworded (a lower-case word outside quotes replaced by one from another article). A copy's parent
 * is any earlier version of its story (so chains of copies of copies occur); its publication time
 * is 1 to 12 hours after the latest version so far. With probability {@value #INDEPENDENT} a new
 * version is instead another real article: an independent report, with no parent.
 *
 * <p>Deterministic for a given list of bases and seed.
 */
public final class PlantedVersions {
  public static final String ADDED = "added";
  public static final String DROPPED = "dropped";
  public static final String FIGURE = "figure";
  public static final String DATE = "date";
  public static final String NAME = "name";
  public static final String QUOTE = "quote";
  public static final String WORDING = "wording";
  static final String[] KINDS = {ADDED, DROPPED, FIGURE, DATE, NAME, QUOTE, WORDING};

  static final double INDEPENDENT = 0.1;
  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
  public static final int MIN_WORDS = 150;
  public static final int MIN_PARAGRAPHS = 4;
  static final int MIN_PARAGRAPH_WORDS = 8;

  private static final String[] NUMBER_WORDS = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty"
  };
  private static final String[] WEEKDAYS = names(java.time.DayOfWeek.values());
  // May is left out: it is also a verb, so a planted "May" would be ambiguous.
  private static final String[] MONTHS =
      java.util.Arrays.stream(names(java.time.Month.values()))
          .filter(m -> !m.equals("May"))
          .toArray(String[]::new);
  private static final Pattern DIGITS =
      Pattern.compile("(?<![\\w.,$:/-])\\d{1,3}(,\\d{3})*(?![\\w.,:/%-]|\\.\\d)");
  private static final Pattern NUMBER_WORD =
      Pattern.compile("\\b(" + String.join("|", NUMBER_WORDS) + ")\\b");
  private static final Pattern CALENDAR =
      Pattern.compile(
          "\\b(" + String.join("|", WEEKDAYS) + "|" + String.join("|", MONTHS) + ")\\b");

  /** A capitalized word after a lower-case word: a name, not a sentence start. */
  private static final Pattern MID_NAME =
      Pattern.compile("(?<=\\b[a-z]{2,20} )([A-Z][a-z]{3,})\\b");

  private static final Pattern LOWER_WORD = Pattern.compile("(?<=[a-z,] )([a-z]{5,})(?= [a-z])");
  private static final String MONTH_OR_ABBREVIATION =
      "(" + String.join("|", MONTHS) + "|May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
  private static final Pattern MONTH_BEFORE =
      Pattern.compile("\\b" + MONTH_OR_ABBREVIATION + "\\.? $");
  private static final Pattern MONTH_AFTER =
      Pattern.compile("^ (of )?" + MONTH_OR_ABBREVIATION + "\\b");
  private static final Pattern RELATIVE_DAYS =
      Pattern.compile("today|tonight|yesterday|tomorrow|weekend");
  private static final Pattern QUOTED =
      Pattern.compile("[\"\u201c]([^\"\u201c\u201d\n]{30,300})[\"\u201d]");

  private PlantedVersions() {}

  private static String[] names(Enum<?>[] values) {
    return java.util.Arrays.stream(values)
        .map(v -> v.name().charAt(0) + v.name().substring(1).toLowerCase(java.util.Locale.ROOT))
        .toArray(String[]::new);
  }

  /** One known edit: what the parent had and what the copy has ({@code ""} for none). */
  public record Edit(String kind, String before, String after) {}

  /**
   * One planted version.
   *
   * @param id article id
   * @param story the story it belongs to
   * @param text its text (paragraphs one a line)
   * @param published its publication time
   * @param parent id of the version it copies, or null for an origin
   * @param edits its edits against the parent
   */
  public record Planted(
      String id, String story, String text, Instant published, String parent, List<Edit> edits) {
    public Planted {
      edits = List.copyOf(edits);
    }
  }

  /** Real articles long enough to serve as bases: at least 150 words in 4 paragraphs of 8 words. */
  public static List<String> bases(List<Article> articles) {
    List<String> out = new ArrayList<>();
    for (Article a : articles) {
      List<String> ps = paragraphs(a.text());
      long words = ps.stream().mapToLong(PlantedVersions::words).sum();
      if (ps.size() >= MIN_PARAGRAPHS && words >= MIN_WORDS) out.add(String.join("\n", ps));
    }
    return out;
  }

  /** {@code n} stories of 3 to 7 versions each. */
  public static List<List<Planted>> generate(List<String> bases, int n, long seed) {
    checkBases(bases);
    Random r = new Random(seed);
    List<List<Planted>> stories = new ArrayList<>();
    for (int s = 0; s < n; s++)
      stories.add(story("s" + s, 3 + r.nextInt(5), bases, r, T0.plus(Duration.ofDays(s))));
    return stories;
  }

  /** One story of {@code size} versions (for benchmarks of large stories). */
  public static List<Planted> story(List<String> bases, int size, long seed) {
    checkBases(bases);
    return story("s0", size, bases, new Random(seed), T0);
  }

  private static void checkBases(List<String> bases) {
    if (bases.size() < 2)
      throw new IllegalArgumentException("need at least 2 base articles, got " + bases.size());
  }

  private static List<Planted> story(
      String story, int size, List<String> bases, Random r, Instant t) {
    List<Planted> vs = new ArrayList<>();
    vs.add(
        new Planted(story + "-v0", story, bases.get(r.nextInt(bases.size())), t, null, List.of()));
    for (int v = 1; v < size; v++) {
      t = t.plus(Duration.ofHours(1 + r.nextInt(12)));
      String id = story + "-v" + v;
      if (r.nextDouble() < INDEPENDENT) {
        vs.add(new Planted(id, story, bases.get(r.nextInt(bases.size())), t, null, List.of()));
        continue;
      }
      Planted parent = vs.get(r.nextInt(vs.size()));
      List<String> ps = new ArrayList<>(paragraphs(parent.text()));
      List<Edit> edits = new ArrayList<>();
      int want = 1 + r.nextInt(3);
      for (int tries = 0; edits.size() < want && tries < 20; tries++) {
        Edit e = edit(KINDS[r.nextInt(KINDS.length)], ps, bases, r, edits);
        if (e != null) edits.add(e);
      }
      vs.add(new Planted(id, story, String.join("\n", ps), t, parent.id(), edits));
    }
    return vs;
  }

  /**
   * Applies one edit of {@code kind} to the paragraphs; null when the text offers no place for it.
   */
  static Edit edit(String kind, List<String> ps, List<String> bases, Random r, List<Edit> done) {
    switch (kind) {
      case ADDED:
        {
          List<String> other = paragraphs(bases.get(r.nextInt(bases.size())));
          String p = other.get(r.nextInt(other.size()));
          if (words(p) < MIN_PARAGRAPH_WORDS || ps.contains(p)) return null;
          ps.add(r.nextInt(ps.size() + 1), p);
          return new Edit(ADDED, "", p);
        }
      case DROPPED:
        {
          if (ps.size() <= 2) return null;
          int i = r.nextInt(ps.size());
          if (words(ps.get(i)) < MIN_PARAGRAPH_WORDS || holdsEdit(ps.get(i), done)) return null;
          return new Edit(DROPPED, ps.remove(i), "");
        }
      case FIGURE:
        {
          return r.nextBoolean()
              ? replace(FIGURE, ps, DIGITS, m -> bumped(m, r), r, done)
              : replace(FIGURE, ps, NUMBER_WORD, m -> other(NUMBER_WORDS, m, r), r, done);
        }
      case DATE:
        return replace(
            DATE,
            ps,
            CALENDAR,
            m -> other(List.of(WEEKDAYS).contains(m) ? WEEKDAYS : MONTHS, m, r),
            r,
            done);
      case NAME:
        {
          String donor = bases.get(r.nextInt(bases.size()));
          List<String> names = all(MID_NAME, donor);
          if (names.isEmpty()) return null;
          String name = names.get(r.nextInt(names.size()));
          if (CALENDAR.matcher(name).matches()
              || VariantKinds.isNumber(name.toLowerCase(java.util.Locale.ROOT))) return null;
          return replace(
              NAME,
              ps,
              MID_NAME,
              m -> m.equals(name) || CALENDAR.matcher(m).matches() ? null : name,
              r,
              done);
        }
      case WORDING:
        {
          List<String> words = all(LOWER_WORD, bases.get(r.nextInt(bases.size())));
          if (words.isEmpty()) return null;
          String w = words.get(r.nextInt(words.size()));
          if (!plainWord(w)) return null;
          return replace(
              WORDING, ps, LOWER_WORD, m -> m.equals(w) || !plainWord(m) ? null : w, r, done);
        }
      case QUOTE:
        return quote(ps, r, done);
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  private static Edit quote(List<String> ps, Random r, List<Edit> done) {
    List<int[]> at = matches(ps, QUOTED);
    at.removeIf(m -> holdsEdit(ps.get(m[0]), done));
    if (at.isEmpty()) return null;
    int[] m = at.get(r.nextInt(at.size()));
    String p = ps.get(m[0]);
    String inner = p.substring(m[1] + 1, m[2] - 1);
    String[] w = inner.split(" ");
    if (w.length < 6) return null;
    String changed;
    if (r.nextBoolean()) {
      int keep = w.length - 2 - r.nextInt(Math.max(1, w.length / 3));
      changed = String.join(" ", List.of(w).subList(0, Math.max(3, keep)));
    } else {
      int k = 1 + r.nextInt(w.length - 2);
      String[] c = w.clone();
      c[k] =
          c[k].length() > 4 ? new StringBuilder(c[k]).reverse().toString().toLowerCase() : "very";
      if (c[k].equals(w[k])) return null;
      changed = String.join(" ", c);
    }
    ps.set(m[0], p.substring(0, m[1] + 1) + changed + p.substring(m[2] - 1));
    return new Edit(QUOTE, inner, changed);
  }

  private interface Replacement {
    String of(String match);
  }

  /**
   * True when the paragraph holds what an earlier edit of this copy wrote: edits stay apart, so
   * each one's before and after can be found as planted.
   */
  private static boolean holdsEdit(String paragraph, List<Edit> done) {
    return done.stream().anyMatch(e -> !e.after().isEmpty() && paragraph.contains(e.after()));
  }

  /** Not a number or a relative day: a word whose change is neither a figure nor a date. */
  private static boolean plainWord(String w) {
    return !VariantKinds.isNumber(w) && !RELATIVE_DAYS.matcher(w).matches();
  }

  /**
   * Replaces one match of {@code pattern} outside quotes, not in a paragraph an earlier edit wrote
   * to and not a day number beside a month (a date, not a figure); null when none or no
   * replacement.
   */
  private static Edit replace(
      String kind, List<String> ps, Pattern pattern, Replacement with, Random r, List<Edit> done) {
    List<int[]> at = matches(ps, pattern);
    at.removeIf(m -> insideQuote(ps.get(m[0]), m[1]));
    at.removeIf(m -> holdsEdit(ps.get(m[0]), done));
    if (kind.equals(FIGURE)) at.removeIf(m -> besideMonth(ps.get(m[0]), m[1], m[2]));
    if (at.isEmpty()) return null;
    int[] m = at.get(r.nextInt(at.size()));
    String p = ps.get(m[0]);
    String before = p.substring(m[1], m[2]);
    String after = with.of(before);
    if (after == null || after.equals(before)) return null;
    ps.set(m[0], p.substring(0, m[1]) + after + p.substring(m[2]));
    return new Edit(kind, before, after);
  }

  private static boolean besideMonth(String p, int start, int end) {
    return MONTH_BEFORE.matcher(p.substring(Math.max(0, start - 12), start)).find()
        || MONTH_AFTER.matcher(p.substring(end, Math.min(p.length(), end + 14))).find();
  }

  private static String bumped(String number, Random r) {
    long v = Long.parseLong(number.replace(",", ""));
    long step = Math.max(1, (long) Math.pow(10, Math.max(0, String.valueOf(v).length() - 1)));
    long w = v + step * (1 + r.nextInt(3));
    return number.contains(",") ? String.format(java.util.Locale.ROOT, "%,d", w) : Long.toString(w);
  }

  private static String other(String[] pool, String current, Random r) {
    String o = pool[r.nextInt(pool.length)];
    return o.equals(current) ? null : o;
  }

  private static List<int[]> matches(List<String> ps, Pattern pattern) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      Matcher m = pattern.matcher(ps.get(i));
      while (m.find()) out.add(new int[] {i, m.start(), m.end()});
    }
    return out;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  static boolean insideQuote(String p, int at) {
    boolean open = false;
    for (int k = 0; k < at; k++) {
      char c = p.charAt(k);
      if (c == '"') open = !open;
      else if (c == '\u201c') open = true;
      else if (c == '\u201d') open = false;
    }
    return open;
  }

  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\\s*\\n\\s*")) {
      String s = p.strip().replaceAll("[ \\t]+", " ");
      if (!s.isEmpty()) out.add(s);
    }
    return out;
  }

  static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
