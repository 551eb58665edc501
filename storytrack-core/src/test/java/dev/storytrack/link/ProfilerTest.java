package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.text.internal.Aliases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProfilerTest {
  @Test
  void aWordCapitalizedOnlyToOpenASentenceIsNoName() {
    Map<String, Integer> out = new HashMap<>();
    Profiler.entities(
        "Police said the man fled. Investigators asked the police for help. "
            + "US officials told us that Anyone Street was closed. Witnesses saw him.",
        out,
        null);
    // "police" and "us" are written in lower case too; "US" in capitals is an acronym all the
    // same; "Investigators" and "Witnesses" are never written in lower case here, so stay.
    assertThat(out)
        .doesNotContainKey(Aliases.key("Police"))
        .containsKeys(
            Aliases.key("US"),
            Aliases.key("Anyone Street"),
            Aliases.key("Investigators"),
            Aliases.key("Witnesses"));
  }

  // Lower-case characters that are not letters: a small roman numeral (category Nl) and circled
  // letters (So), as in Korean sites' copyright lines. The lower-case word scan used to stop on
  // them without advancing and grew its array until the heap ran out.
  @Test
  @Timeout(10)
  void lowerCaseNonLettersDoNotStallTheScan() {
    String text =
        "Seoul police said \u24d2 Yonhap News, section \u2170 of the report, "
            + "named Kim Jong Un and the Korea Herald.";
    Profile p = new Profiler().profile(Article.ofText("k", "North Korea", text));
    assertThat(p.entities()).isNotEmpty();
    Map<String, Integer> out = new HashMap<>();
    Profiler.entities(text, out, null);
    assertThat(out).containsKey(Aliases.key("Yonhap News"));
  }

  // Any text, including every kind of letter, mark, symbol and surrogate: profiling finishes and
  // every entity key is non-empty.
  @Property(tries = 300)
  void anyTextProfiles(
      @ForAll
          @Chars({' ', '.', '-', '\''})
          @CharRange(from = 'A', to = 'z')
          @CharRange(from = '\u00a0', to = '\u2fff')
          @CharRange(from = '\ud800', to = '\udfff')
          String text) {
    Profile p = new Profiler().profile(Article.ofText("x", "T", text));
    assertThat(p.entities().keySet()).allMatch(k -> !k.isEmpty());
  }

  /**
   * Profilers on one thread share its memo of analyzed tokens, but each learns readable words of
   * its own: a second profiler meeting the same text still learns "warplanes" for "warplan".
   */
  @Test
  void eachProfilerLearnsReadableWordsOfItsOwn() {
    Article a = Article.ofText("w", "Coalition warplanes strike", "Coalition warplanes struck.");
    Profiler first = new Profiler();
    Profiler second = new Profiler();
    assertThat(second.surface("warplan")).isEqualTo("warplan");
    first.profile(a);
    assertThat(first.surface("warplan")).isEqualTo("warplanes");
    assertThat(second.surface("warplan")).isEqualTo("warplan");
    second.profile(a);
    assertThat(second.surface("warplan")).isEqualTo("warplanes");
    assertThat(second.surface("coalit")).isEqualTo("coalition");
  }

  /** A title's term weights are a title-only profile's terms, entry for entry and in order. */
  @Property(tries = 300)
  void titleTermsAreATitleOnlyProfilesTerms(@ForAll("titles") String title) {
    Profiler profiler = new Profiler();
    Map<String, Float> expected = profiler.profile(Article.ofText("t", title, "")).terms();
    Map<String, Float> actual = profiler.titleTerms(title);
    assertThat(new ArrayList<>(actual.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
  }

  @Provide
  Arbitrary<String> titles() {
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.of(
                "Car",
                "bomb",
                "kills",
                "10",
                "in",
                "Syria's",
                "Raqqa",
                "as",
                "Daesh",
                "claims",
                "attack",
                "attacks",
                "the",
                "US-backed",
                "force",
                "tracks",
                "extremists",
                "caliphate",
                "falls",
                "bombing",
                "bombs",
                "Killed"),
            Arbitraries.strings().alpha().ofMaxLength(9));
    return word.list().ofMaxSize(30).map(l -> String.join(" ", l));
  }
}
