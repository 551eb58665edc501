package dev.storytrack.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  /** The cleaning as plain String.replaceAll calls: what {@link Aliases#clean} must equal. */
  private static String cleanReference(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    n = n.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    n = n.replaceAll("'s\\b", "").replace(".", "").replaceAll("[^\\p{L}\\p{N}']+", " ").trim();
    if (n.startsWith("the ")) n = n.substring(4);
    return n;
  }

  @Property(tries = 3000)
  void cleaningIsThatOfTheReference(@ForAll("names") String name) {
    assertThat(Aliases.clean(name)).isEqualTo(cleanReference(name));
  }

  @Provide
  Arbitrary<String> names() {
    // Letters as names have them, accents and marks (precomposed and combining), apostrophes of
    // both kinds, dots, hyphens, digits, and now and then any character at all.
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withChars("abcxyzABCXYZ éÉüñçøİıßʼ'\u2019.-,&0123456789\u0301\u0308Łł")
            .ofMaxLength(30),
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.of(
            "The Islamic State's",
            "Mustefa Bali",
            "Ciudad Juárez",
            "O\u2019Neill's",
            "İstanbul",
            "U.S."));
  }
}
