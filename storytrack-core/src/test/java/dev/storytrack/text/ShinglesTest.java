package dev.storytrack.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
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
    assertThat(five.hash("ÉCOLE A B C D").exactLow()).isEqualTo(five.hash("école a b c d").exactLow());
  }
}
