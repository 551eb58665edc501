package dev.storytrack.text.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalizes names of people, places and organisations so that one entity written several ways gets
 * one key: a small curated table of well-known aliases (Daesh = ISIS = Islamic State, US = United
 * States, ...) and, for every other name, a transliteration-tolerant key per word.
 *
 * <p>The per-word key keeps the first letter and the consonant skeleton of long words (vowels
 * dropped, doubled letters collapsed, a few spelling equivalences such as q/k and ph/f). Names
 * transliterated from Arabic, Russian and other scripts mostly differ in their vowels (Mustefa /
 * Mustafa, Mohammed / Muhammad, Gaddafi / Qaddafi), so they meet on one key without a list of
 * spellings. Short words (fewer than five letters) are kept whole: their skeletons collide too
 * often. Thread-safe and stateless.
 */
public final class Aliases {
  private static final Map<String, String> TABLE = new HashMap<>();

  // Compiled once (String.replaceAll compiles at every call): a stream meets new names all the
  // time.
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern POSSESSIVE = Pattern.compile("'s\\b");
  private static final Pattern NOT_NAME_CHARS = Pattern.compile("[^\\p{L}\\p{N}']+");

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
    return true;
  }

  static {
    group(
        "isis",
        "isil",
        "is",
        "islamic state",
        "daesh",
        "daish",
        "islamic state group",
        "islamic state of iraq and the levant",
        "islamic state of iraq and syria",
        "da'esh");
    group("united states", "us", "usa", "united states of america", "america", "u.s.", "u.s.a.");
    group("united kingdom", "uk", "britain", "great britain", "u.k.");
    group("north korea", "dprk", "democratic people's republic of korea", "pyongyang regime");
    group("south korea", "rok", "republic of korea");
    group("european union", "eu", "e.u.");
    group("united nations", "un", "u.n.");
    group("russia", "russian federation");
    group("china", "prc", "people's republic of china");
    group("syrian democratic forces", "sdf");
    group("al qaeda", "al-qaeda", "al-qaida", "al qaida", "alqaeda");
    group("hezbollah", "hizbollah", "hizbullah", "hizballah");
    group("nato", "north atlantic treaty organization");
    group("white house", "the white house");
    group("donald trump", "trump", "president trump");
    group("kim jong un", "kim jong-un", "kim");
  }

  private Aliases() {}

  private static void group(String canonical, String... others) {
    TABLE.put(clean(canonical), clean(canonical));
    for (String o : others) TABLE.put(clean(o), clean(canonical));
  }

  // Names repeat across a stream; normalizing (Unicode decomposition, regexes) is the costly part.
  private static final java.util.concurrent.ConcurrentHashMap<String, String> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int CACHE_MAX = 200_000;

  /** The normalization key of a name: equal keys mean the same entity. Empty for blank input. */
  public static String key(String name) {
    if (name == null) return "";
    String cached = CACHE.get(name);
    if (cached != null) return cached;
    // One instance per key in the process (the cache starts over, and several names share a key):
    // the clustering statistics' dictionary then finds it by identity, without reading characters
    // long out of cache.
    String k = computeKey(name).intern();
    if (CACHE.size() >= CACHE_MAX) CACHE.clear();
    CACHE.put(name, k);
    return k;
  }

  private static String computeKey(String name) {
    String c = clean(name);
    if (c.isEmpty()) return "";
    String t = TABLE.get(c);
    if (t != null) return t;
    String[] words = c.split(" ");
    StringBuilder b = new StringBuilder(c.length());
    for (String w : words) {
      if (b.length() > 0) b.append(' ');
      b.append(w.length() >= 5 ? skeleton(w) : w);
    }
    return b.toString();
  }

  /** True when the two names normalize to the same key. */
  public static boolean same(String a, String b) {
    String ka = key(a);
    return !ka.isEmpty() && ka.equals(key(b));
  }

  /** Every alias in the curated table (for documentation and tests). */
  public static List<String> curated() {
    return TABLE.keySet().stream().sorted().toList();
  }

  /** Lower case, accents and possessives removed, dots dropped, hyphens and spaces collapsed. */
  static String clean(String s) {
    if (s == null) return "";
    // Decomposition leaves ASCII as it is and finds no marks in it: most names skip both.
    String n =
        ascii(s) ? s : MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    n = n.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    n = POSSESSIVE.matcher(n).replaceAll("").replace(".", "");
    n = NOT_NAME_CHARS.matcher(n).replaceAll(" ").trim();
    if (n.startsWith("the ")) n = n.substring(4);
    return n;
  }

  /** First letter plus consonant skeleton with a few transliteration equivalences. */
  static String skeleton(String w) {
    String s =
        w.replace("ph", "f")
            .replace("ck", "k")
            .replace("kh", "k")
            .replace("q", "k")
            .replace("dh", "d")
            .replace("'", "");
    if (s.isEmpty()) return s;
    StringBuilder b = new StringBuilder();
    b.append(s.charAt(0));
    char last = s.charAt(0);
    for (int i = 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if ("aeiouy".indexOf(ch) >= 0) {
        continue;
      }
      if (ch != last) b.append(ch);
      last = ch;
    }
    return b.toString();
  }
}
