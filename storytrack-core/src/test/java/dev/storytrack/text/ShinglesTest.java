package dev.storytrack.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ShinglesTest {
  private final Shingles five = new Shingles(5);

  @Test
  void normalizesCaseAndPunctuationForTheExactHash() {
    Shingles.Hashed a = five.hash("The Mayor, said: \"No!\"  Then left.");
    Shingles.Hashed b = five.hash("the mayor said no then left");
    assertThat(a.exactHigh()).isEqualTo(b.exactHigh());
    assertThat(a.exactLow()).isEqualTo(b.exactLow());
    assertThat(a.words()).isEqualTo(6);
    assertThat(a.shingles()).containsExactly(b.shingles());
    assertThat(five.hash("the mayor said yes then left").exactLow()).isNotEqualTo(b.exactLow());
  }

  @Test
  void oneShinglePerWindowAndOneForShortTexts() {
    assertThat(five.hash("a b c d e f g").shingles()).hasSize(3);
    assertThat(five.hash("a b").shingles()).hasSize(1);
    assertThat(five.hash(" ,.; ").shingles()).isEmpty();
    assertThat(five.hash(" ,.; ").words()).isZero();
  }

  @Test
  void hashedShinglesMatchStringShinglesIncludingNonAscii() {
    String text = "Größe ÉCOLE straße İstanbul 東京 tower, 2024 — a b c d e f: Größe école";
    long[] hashed = five.hash(text).shingles();
    assertThat(new HashSet<>(Arrays.stream(hashed).boxed().toList()))
        .hasSize(five.shingleStrings(text).size());
    assertThat(Shingles.words("Größe ÉCOLE")).containsExactly("größe", "école");
    assertThat(five.hash("ÉCOLE A B C D").exactLow())
        .isEqualTo(five.hash("école a b c d").exactLow());
  }

  /**
   * The table-driven scan agrees with the code-point reference, also on surrogates: pairs that are
   * letters (U+1D400..) or not (emoji U+1F600..), and lone halves.
   */
  @Property(tries = 500)
  void hashAgreesWithTheReferenceNormalization(
      @ForAll
          @StringLength(max = 80)
          @CharRange(from = ' ', to = '~')
          @CharRange(from = '\u00c0', to = '\u017f')
          @CharRange(from = '\u2000', to = '\u2070')
          @CharRange(from = '\u0370', to = '\u04ff')
          @CharRange(from = '\u4e00', to = '\u4e10')
          @CharRange(from = '\u0130', to = '\u0131')
          @CharRange(from = '\ud835', to = '\ud835')
          @CharRange(from = '\udc00', to = '\udc10')
          @CharRange(from = '\ud83d', to = '\ud83d')
          @CharRange(from = '\ude00', to = '\ude05')
          String text) {
    Shingles.Hashed fast = five.hash(text);
    Shingles.Hashed reference = five.hash(Shingles.normalize(text));
    assertThat(fast.words()).isEqualTo(Shingles.words(text).size());
    assertThat(fast.exactLow()).isEqualTo(reference.exactLow());
    assertThat(fast.shingles()).containsExactly(reference.shingles());
  }

  /** The BMP lookup table agrees with the Character methods on every char of the plane. */
  @Test
  void everyBmpCharNormalizesAsTheReferenceDoes() {
    for (char c = 0x80; c < 0xFFFF; c++) {
      if (Character.isSurrogate(c)) continue;
      String text = "a" + c + "b";
      Shingles.Hashed fast = five.hash(text);
      assertThat(fast.words()).as("U+%04X", (int) c).isEqualTo(Shingles.words(text).size());
      assertThat(fast.exactLow())
          .as("U+%04X", (int) c)
          .isEqualTo(five.hash(Shingles.normalize(text)).exactLow());
    }
  }
}
