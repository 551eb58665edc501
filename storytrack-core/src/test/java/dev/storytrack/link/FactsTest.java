package dev.storytrack.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactsTest {
  private static Profile profile(String title, String text) {
    return new Profiler()
        .profile(
            new Article("x", "", "", title, Instant.parse("2015-03-02T12:00:00Z"), text, null));
  }

  @Test
  void sortsNamesIntoPeopleAndPlaces() {
    Profile p =
        profile(
            "Man shot in Hawthorne",
            "HAWTHORNE — Police said Bernard Gillis, 20, was killed at a party in Hawthorne, Calif., "
                + "early Sunday. Officer Jane Doe said the suspect fled toward Los Angeles County. "
                + "Gillis was a student, said Maria Lopez. Lopez said he had no enemies.");
    assertThat(p.people().keySet())
        .contains(key("Bernard Gillis"), key("Jane Doe"), key("Maria Lopez"));
    assertThat(p.places().keySet())
        .contains(key("Hawthorne"), key("Los Angeles County"), key("Calif."));
    assertThat(p.people().keySet()).doesNotContain(key("Hawthorne"));
    assertThat(p.places().keySet()).doesNotContain(key("Bernard Gillis"));
  }

  @Test
  void aNameWithNoEvidenceHasNoKind() {
    Profile p = profile("", "The Lakers beat the Celtics at Staples Center on Friday.");
    assertThat(p.people()).isEmpty();
    assertThat(p.places()).isEmpty();
    assertThat(p.entities()).isNotEmpty();
  }

  @Test
  void figuresMeetWrittenOrInDigits() {
    Map<String, Integer> a = new HashMap<>();
    Map<String, Integer> b = new HashMap<>();
    Facts.marks("Seven people died and 8,000 fled on Monday, March 3.", a);
    Facts.marks("7 people died and 8000 fled on Monday, 3 March 2014.", b);
    assertThat(a).containsKeys("#7", "#8000", "#mon", "#mar3");
    assertThat(b).containsKeys("#7", "#8000", "#mon", "#mar3", "#2014");
  }

  @Test
  void mayAsAVerbIsNoDate() {
    Map<String, Integer> m = new HashMap<>();
    Facts.marks("He may testify on 12 counts.", m);
    assertThat(m).containsOnlyKeys("#12");
  }

  @Test
  void differentVictimsAndTownsTellEventsApart() {
    TermStats stats = TermStats.empty();
    Profile a =
        profile(
            "3-year-old killed in accidental shooting",
            "DAYTON, Ohio — Tyler Brown, 3, was killed Tuesday when he found a gun in "
                + "Dayton, police said.");
    Profile b =
        profile(
            "3-year-old killed in accidental shooting",
            "TULSA, Okla. — Amy White, 3, was killed Friday when she found a gun in "
                + "Tulsa, police said.");
    Profile c =
        profile(
            "Boy, 3, dies after finding gun",
            "Tyler Brown, 3, died Tuesday in Dayton after he found his father's gun, police said.");
    stats.add(a);
    stats.add(b);
    stats.add(c);
    double[] ab = PairFeatures.compute(a, b, stats);
    double[] ac = PairFeatures.compute(a, c, stats);
    int person = PairFeatures.NAMES.indexOf("person_cosine");
    int place = PairFeatures.NAMES.indexOf("place_cosine");
    int figures = PairFeatures.NAMES.indexOf("member_figures");
    assertThat(ac[person]).isGreaterThan(ab[person]);
    assertThat(ac[place]).isGreaterThan(ab[place]);
    assertThat(ac[figures]).isGreaterThan(ab[figures]);
  }

  @Test
  void anOrganisationNamedAgainWithTheIsNoPerson() {
    Profile p =
        profile(
            "",
            "The Syrian Observatory for Human Rights said ten people died. The Observatory said "
                + "the toll could rise. Monitors at the Observatory counted the dead. SDF "
                + "spokesman Mustefa Bali said the fighters fled. Bali said they hid in caves.");
    assertThat(p.people().keySet()).contains(key("Mustefa Bali"));
    assertThat(p.people().keySet())
        .doesNotContain(key("Observatory"), key("Syrian Observatory for Human Rights"));
    // Without the article the same pattern is a surname.
    Profile q =
        profile("", "Police said Ann Keller was hurt. Keller told reporters she heard shots.");
    assertThat(q.people().keySet()).contains(key("Ann Keller"), key("Keller"));
  }

  @Test
  void compoundAdjectivesAreToldFromNames() {
    assertThat(Profiler.compoundAdjective("US-backed")).isTrue();
    assertThat(Profiler.compoundAdjective("Kurdish-led")).isTrue();
    assertThat(Profiler.compoundAdjective("Al-Qaeda")).isFalse();
    assertThat(Profiler.compoundAdjective("Jean-Luc")).isFalse();
    assertThat(Profiler.compoundAdjective("Baghouz")).isFalse();
  }

  @Test
  void aPlaceNounAndOfNameAPlace() {
    Profile p =
        profile(
            "",
            "Fighters held the village of Baghouz for weeks. Residents of the city of Raqqa fled. "
                + "The Bank of England and a friend of Smith were not asked.");
    assertThat(p.places().keySet()).contains(key("Baghouz"), key("Raqqa"));
    assertThat(p.places().keySet()).doesNotContain(key("Smith"), key("Bank of England"));
    // A place named in full and then alone is no person's surname.
    Profile r =
        profile(
            "Car bomb kills 10 in Syria's Raqqa",
            "RAQQA, Syria: A car bomb exploded in the city of Raqqa. Raqqa was the capital.");
    assertThat(r.people()).isEmpty();
    assertThat(r.places().keySet()).contains(key("Raqqa"));
    // "of" opening the text has no noun before it.
    assertThat(profile("", "of Baghouz, nothing.").places()).isEmpty();
  }

  @Test
  void capitalDatelinesNamePlacesButKickersDoNot() {
    assertThat(profile("", "BEIRUT: A car bomb exploded on Thursday.").places().keySet())
        .containsExactly(key("BEIRUT"));
    assertThat(profile("", "RAQQA, Syria: A car bomb exploded.").places().keySet())
        .contains(key("RAQQA"));
    assertThat(profile("", "BREAKING: A car bomb exploded.").places()).isEmpty();
    assertThat(profile("", "UPDATE, 5 p.m.: Police named the victim.").places()).isEmpty();
    // Capitals later in the text are no dateline.
    assertThat(profile("", "Police said: NASA: The launch slipped.").places()).isEmpty();
  }

  private static String key(String name) {
    return dev.storytrack.text.internal.Aliases.key(name);
  }
}
