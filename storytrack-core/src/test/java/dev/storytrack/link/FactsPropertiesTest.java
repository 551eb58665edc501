package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class FactsPropertiesTest {
  @Provide
  Arbitrary<String> markWordsInAnyCase() {
    List<String> words = new ArrayList<>(Facts.markWords());
    words.sort(null);
    return Arbitraries.of(words)
        .flatMap(
            w ->
                Arbitraries.integers()
                    .between(0, (1 << Math.min(w.length(), 20)) - 1)
                    .map(
                        mask -> {
                          StringBuilder b = new StringBuilder(w);
                          for (int i = 0; i < b.length() && i < 20; i++) {
                            if ((mask & (1 << i)) != 0)
                              b.setCharAt(i, Character.toUpperCase(w.charAt(i)));
                          }
                          return b.toString();
                        }));
  }

  @Property(tries = 500)
  void aMarkWordInAnyCaseIsNeverFilteredOut(
      @ForAll("markWordsInAnyCase") String word,
      @ForAll @StringLength(max = 8) String before,
      @ForAll @StringLength(max = 8) String after) {
    String s = before + word + after;
    assertThat(Facts.mayBeMarkWord(s, before.length(), before.length() + word.length())).isTrue();
  }

  @Property(tries = 1000)
  void aWordFilteredOutIsNoMarkWord(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String w) {
    if (!Facts.mayBeMarkWord(w, 0, w.length())) {
      assertThat(Facts.markWords()).doesNotContain(w.toLowerCase(Locale.ROOT));
    }
  }
}
