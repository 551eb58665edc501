package dev.storytrack.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The digit-by-digit reading of {@code yyyy-MM-ddTHH:mm:ssZ} agrees with the JDK's ISO parser. */
class IsoDatesFastPathTest {
  @Property(tries = 3000)
  void fastPathAgreesWithTheFormatters(@ForAll("utcShaped") String v) {
    Instant general = IsoDates.parseIsoGeneral(v);
    assertThat(IsoDates.parseIso(v)).isEqualTo(general);
    Instant fast = IsoDates.utcSeconds(v);
    if (fast != null) assertThat(fast).isEqualTo(general);
  }

  @Test
  void commonAndOutOfRangeValues() {
    assertThat(IsoDates.utcSeconds("2021-01-03T10:26:40Z"))
        .isEqualTo(Instant.parse("2021-01-03T10:26:40Z"));
    assertThat(IsoDates.utcSeconds("2024-02-29T23:59:59Z"))
        .isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    for (String bad :
        new String[] {
          "2023-02-29T00:00:00Z",
          "2021-13-01T00:00:00Z",
          "2021-01-01T24:00:00Z",
          "2021-01-01T23:59:60Z",
          "2021-01-00T00:00:00Z",
          "2021-01-01T00:00:00+",
          "2021-01-01 00:00:00Z",
          "２021-01-01T00:00:00Z"
        }) {
      assertThat(IsoDates.utcSeconds(bad)).as(bad).isNull();
      assertThat(IsoDates.parseIso(bad)).as(bad).isEqualTo(IsoDates.parseIsoGeneral(bad));
    }
    assertThat(IsoDates.isDate(" 2021-01-01 ")).isTrue();
    assertThat(IsoDates.isDate("2021-01-01T00:00:00Z")).isFalse();
  }

  /**
   * Twenty characters in the shape, fields drawn over and beyond their ranges, separators sometimes
   * wrong.
   */
  @Provide
  Arbitrary<String> utcShaped() {
    Arbitrary<String> two =
        Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
    Arbitrary<String> year =
        Arbitraries.integers().between(0, 9999).map(i -> String.format("%04d", i));
    Arbitrary<Character> sep = Arbitraries.of('-', '-', '-', ':', 'T', 'Z', '+', ' ', '1');
    Arbitrary<String> shaped =
        Combinators.combine(year, two.list().ofSize(5), sep.list().ofSize(6))
            .as(
                (y, f, s) ->
                    y + s.get(0) + f.get(0) + s.get(1) + f.get(1) + "T" + f.get(2) + ":" + f.get(3)
                        + ":" + f.get(4) + "Z");
    Arbitrary<String> valid =
        Arbitraries.longs()
            .between(-62135596800L, 253402300799L)
            .map(s -> Instant.ofEpochSecond(s).toString())
            .filter(s -> s.length() == 20);
    return Arbitraries.oneOf(
        shaped, valid, Arbitraries.strings().withChars("0123456789-T:Z").ofLength(20));
  }
}
