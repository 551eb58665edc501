package dev.storytrack.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariantKindsTest {
  private final Aligner aligner = Aligner.defaults();

  static final String BEFORE =
      "The coalition said on Sunday that its aircraft struck positions near the border town, ";
  static final String AFTER =
      " and the fighting went on through the night according to local officials in the province.";

  /** The one variant between two texts that differ only in {@code x} vs {@code y}. */
  private Variant only(String x, String y) {
    Alignment al = aligner.align(BEFORE + x + AFTER, BEFORE + y + AFTER);
    assertThat(al.variants()).as("%s vs %s", x, y).hasSize(1);
    return al.variants().get(0);
  }

  @Test
  void changedCountsAndAmountsAreFigures() {
    Variant v = only("killing 8,000 people in the attack", "killing 9,000 people in the attack");
    assertThat(v.a()).isEqualTo("8,000");
    assertThat(v.b()).isEqualTo("9,000");
    assertThat(v.kind()).isEqualTo(VariantKinds.FIGURE);
    assertThat(
            only("killing seven people in the attack", "killing eight people in the attack").kind())
        .isEqualTo(VariantKinds.FIGURE);
    assertThat(
            only("killing 12 people in the attack", "killing twelve people in the attack").kind())
        .isEqualTo(VariantKinds.FIGURE);
  }

  @Test
  void changedDaysMonthsAndYearsAreDates() {
    assertThat(
            only(
                    "which began on Monday with heavy shelling",
                    "which began on Tuesday with heavy shelling")
                .kind())
        .isEqualTo(VariantKinds.DATE);
    Variant day =
        only(
            "which began on March 3 with heavy shelling",
            "which began on March 4 with heavy shelling");
    assertThat(day.a()).isEqualTo("3");
    assertThat(day.kind()).isEqualTo(VariantKinds.DATE);
    assertThat(
            only(
                    "which began in May 2018 with heavy shelling",
                    "which began in May 2019 with heavy shelling")
                .kind())
        .isEqualTo(VariantKinds.DATE);
    assertThat(
            only(
                    "which began yesterday with heavy shelling",
                    "which began on Friday with heavy shelling")
                .kind())
        .isEqualTo(VariantKinds.DATE);
  }

  @Test
  void lowerCaseMonthWordsAreVerbsNotDates() {
    assertThat(
            only("as thousands march through the streets", "as thousands rally through the streets")
                .kind())
        .isEqualTo(VariantKinds.WORDING);
  }

  @Test
  void anotherCapitalizedNameIsANameButACloseSpellingIsSpelling() {
    assertThat(
            only("spokesman Mustefa Bali told reporters", "spokesman Mustafa Bali told reporters")
                .kind())
        .isEqualTo(VariantKinds.SPELLING);
    Variant other =
        only("spokesman Kino Gabriel told reporters", "spokesman Mustafa Bali told reporters");
    assertThat(other.kind()).isEqualTo(VariantKinds.NAME);
    assertThat(
            only("as Daesh fighters fled into the desert", "as IS fighters fled into the desert")
                .kind())
        .as("an acronym that spells a function word")
        .isEqualTo(VariantKinds.NAME);
  }

  @Test
  void otherWordsAreWording() {
    assertThat(
            only("as militants fled into the desert", "as jihadists fled into the desert").kind())
        .isEqualTo(VariantKinds.WORDING);
  }

  @Test
  void numbersInDigitsAndWordsAreRecognized() {
    for (String n : List.of("8,000", "3.5", "25th", "seven", "dozens", "1990s")) {
      assertThat(VariantKinds.isNumber(n)).as(n).isTrue();
    }
    for (String w : List.of("seventh-day", "people", "mustafa", "")) {
      assertThat(VariantKinds.isNumber(w)).as(w).isFalse();
    }
  }
}
