package dev.storytrack.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words, phrases and pattern alternatives the line rules and bylines look for, per language,
 * read once from resource files beside this class: {@code <language>-<list>.txt}, as Lucene keeps
 * its stop lists ({@code en-share-words.txt}, {@code de-related-headers.txt}). One entry a line;
 * lines starting with {@code #} are comments, blank lines are skipped, and each line is trimmed
 * (read with Lucene's {@code WordlistLoader}), except that an entry in double quotes keeps the
 * spaces inside them ({@code "ein abo "}). A language without a file has no entries for that list.
 *
 * <p>Adding a language is adding its files; no rule names a language.
 */
final class Lexicon {
  private Lexicon() {}

  /**
   * The languages with lists, in the order their entries are joined: pattern alternatives are tried
   * in this order, English first.
   */
  static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "pl", "pt", "nl");

  /** Every language's entries of {@code list}, in {@link #LANGUAGES} order, then file order. */
  static List<String> entries(String list) {
    List<String> out = new ArrayList<>();
    for (String lang : LANGUAGES) {
      String name = lang + "-" + list + ".txt";
      try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
        if (in == null) continue;
        for (String line :
            org.apache.lucene.analysis.WordlistLoader.getLines(in, StandardCharsets.UTF_8)) {
          out.add(unquote(line));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("extract lexicon " + name + ": " + e.getMessage(), e);
      }
    }
    if (out.isEmpty())
      throw new IllegalStateException("extract lexicon: no entries for list '" + list + "'");
    return List.copyOf(out);
  }

  private static String unquote(String line) {
    return line.length() >= 2 && line.startsWith("\"") && line.endsWith("\"")
        ? line.substring(1, line.length() - 1)
        : line;
  }

  /** The entries of {@code list} as a set of words or phrases. */
  static Set<String> set(String list) {
    return Set.copyOf(new java.util.LinkedHashSet<>(entries(list)));
  }

  /** The entries of {@code list}, for {@link Phrases}. */
  static String[] phrases(String list) {
    return entries(list).toArray(new String[0]);
  }

  /** The entries of {@code list} as one regular-expression alternation, without a group. */
  static String alternatives(String list) {
    return String.join("|", entries(list));
  }
}
