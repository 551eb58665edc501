package dev.storytrack.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AliasesTest {
  @Test
  void curatedAliasesMeet() {
    assertThat(Aliases.key("Daesh"))
        .isEqualTo(Aliases.key("ISIS"))
        .isEqualTo(Aliases.key("ISIL"))
        .isEqualTo(Aliases.key("Islamic State"))
        .isEqualTo(Aliases.key("IS"))
        .isEqualTo(Aliases.key("the Islamic State group"));
    assertThat(Aliases.same("U.S.", "United States")).isTrue();
    assertThat(Aliases.same("US", "the United States")).isTrue();
    assertThat(Aliases.same("Britain", "UK")).isTrue();
    assertThat(Aliases.same("DPRK", "North Korea")).isTrue();
  }

  @Test
  void transliterationVariantsMeetWithoutAList() {
    assertThat(Aliases.same("Mustefa Bali", "Mustafa Bali")).isTrue();
    assertThat(Aliases.same("Mohammed", "Muhammad")).isTrue();
    assertThat(Aliases.same("Baghouz", "Bagouz")).isFalse(); // consonants differ
    assertThat(Aliases.same("Raqqa", "Raqqah")).isFalse();
  }

  @Test
  void differentNamesStayApart() {
    assertThat(Aliases.same("Iraq", "Iran")).isFalse();
    assertThat(Aliases.same("North Korea", "South Korea")).isFalse();
    assertThat(Aliases.same("Syria", "Russia")).isFalse();
    assertThat(Aliases.same("Manbij", "Mosul")).isFalse();
    assertThat(Aliases.key("  ")).isEmpty();
  }

  @Test
  void possessivesAccentsAndCaseAreIgnored() {
    assertThat(Aliases.same("Daesh's", "DAESH")).isTrue();
    assertThat(Aliases.same("Erdoğan", "Erdogan")).isTrue();
  }

  /** Names that meet share one key instance: the clustering statistics find keys by identity. */
  @Test
  void namesThatMeetShareOneKeyInstance() {
    assertThat(Aliases.key("Mustefa Bali")).isSameAs(Aliases.key("Mustafa Bali"));
    assertThat(Aliases.key("non-curated Zyxwvut")).isSameAs(Aliases.key("non-curated zyxwvut"));
  }
}
