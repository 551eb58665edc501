package dev.storytrack.quote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

/**
 * The word lists that drive the extractor, read like Lucene stop lists (one entry a line, {@code #}
 * comments) from resources beside this class. Multi-word entries are kept as their words joined by
 * one space.
 */
record Lexicon(
    Set<String> cues,
    Set<String> invertedCues,
    Set<String> sourceAfterCues,
    Set<String> participleCues,
    Set<String> questionCues,
    Set<String> pronouns,
    Set<String> personalPronouns,
    Set<String> roles,
    Set<String> adjuncts) {

  /** Longest cue, in words. */
  static final int MAX_CUE_WORDS = 3;

  static Lexicon english() {
    return new Lexicon(
        load("en-cues.txt"),
        load("en-cues-inverted.txt"),
        load("en-cues-source-after.txt"),
        load("en-cues-participle.txt"),
        load("en-cues-question.txt"),
        load("en-pronouns.txt"),
        load("en-pronouns-person.txt"),
        load("en-roles.txt"),
        load("en-cue-adjuncts.txt"));
  }

  private static Set<String> load(String name) {
    try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      CharArraySet words = WordlistLoader.getWordSet(in, StandardCharsets.UTF_8, "#");
      Set<String> out = new HashSet<>();
      for (Object w : words) out.add(w instanceof char[] c ? new String(c) : w.toString());
      return Set.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
