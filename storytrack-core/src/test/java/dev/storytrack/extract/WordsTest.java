package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WordsTest {
  private static List<String> lettered(String s) {
    List<String> out = new ArrayList<>();
    Words.lettered(
        s,
        new Words.Sink() {
          @Override
          public boolean word(String t, int start, int end) {
            out.add(t.substring(start, end));
            return true;
          }

          @Override
          public boolean number() {
            out.add("#");
            return true;
          }
        });
    return out;
  }

  @Test
  void letterWordsDropPossessivesAndReportNumbersApart() {
    assertThat(lettered("Share this on Facebook! 12,500 readers' site's"))
        .containsExactly("Share", "this", "on", "Facebook", "#", "readers'", "site");
  }

  @Test
  void spacedWordsAreTheRunsBetweenSpaces() {
    List<String> out = new ArrayList<>();
    Words.spaced("  Police  said\nnothing. ", (s, a, b) -> out.add(s.substring(a, b)));
    assertThat(out).containsExactly("Police", "said", "nothing.");
    assertThat(Words.count("  Police  said\nnothing. ")).isEqualTo(3);
  }

  @Test
  void aSinkStopsTheScan() {
    List<String> seen = new ArrayList<>();
    boolean all =
        Words.spaced("a b c", (s, a, b) -> seen.add(s.substring(a, b)) && seen.size() < 2);
    assertThat(all).isFalse();
    assertThat(seen).containsExactly("a", "b");
  }

  @Property
  void countIsTheNumberOfSpacedWords(@ForAll String s) {
    int[] n = {0};
    Words.spaced(
        s,
        (t, a, b) -> {
          assertThat(b).isGreaterThan(a);
          n[0]++;
          return true;
        });
    assertThat(n[0]).isEqualTo(Words.count(s));
  }

  @Property
  void letterWordsStartWithALetterAndHoldOnlyLettersAndApostrophes(@ForAll String s) {
    for (String w : lettered(s)) {
      if (w.equals("#")) continue;
      assertThat(Character.isLetter(w.charAt(0))).as(w).isTrue();
      assertThat(w.chars().allMatch(c -> Character.isLetter(c) || c == '\'')).as(w).isTrue();
    }
  }
}
