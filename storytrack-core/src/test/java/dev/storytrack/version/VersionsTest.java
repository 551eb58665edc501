package dev.storytrack.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.extract.Extractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VersionsTest {
  static final Instant T0 = Instant.parse("2019-03-26T09:00:00Z");
  private final Versions versions = Versions.defaults();

  static String resource(String name) throws IOException {
    try (InputStream in = VersionsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String cleaned(String name) throws IOException {
    String raw = resource(name);
    return Extractor.defaults().clean(new Article(name, "", "", "", null, raw, null)).text();
  }

  static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  static Map<String, Version> byId(List<Version> vs) {
    Map<String, Version> m = new HashMap<>();
    for (Version v : vs) m.put(v.id(), v);
    return m;
  }

  @Test
  void onOneDayAKnownTimeComesBeforeADateOnlyMidnight() throws IOException {
    String a = cleaned("/seeds/000_4a850577689245d9.txt");
    String b = cleaned("/seeds/001_d615f29dd00c4665.txt");
    Instant day = Instant.parse("2019-03-26T00:00:00Z");
    List<Version> vs =
        versions.of(
            List.of(
                new Versions.Article("dated-to-the-day", a, day, true),
                new Versions.Article("timed", b, day.plusSeconds(9 * 3600), false)));
    assertThat(vs).extracting(Version::id).containsExactly("timed", "dated-to-the-day");
    assertThat(vs.get(0).origin()).isTrue();
  }

  @Test
  void theSameAfpReportOnTwoSitesIsOneTreeTheLaterReusingTheEarlier() throws IOException {
    String a = cleaned("/seeds/000_4a850577689245d9.txt");
    String b = cleaned("/seeds/001_d615f29dd00c4665.txt");
    for (boolean aFirst : new boolean[] {true, false}) {
      List<Version> vs =
          versions.of(
              List.of(
                  new Versions.Article("a", a, at(aFirst ? 0 : 5)),
                  new Versions.Article("b", b, at(aFirst ? 5 : 0))));
      String first = aFirst ? "a" : "b";
      String second = aFirst ? "b" : "a";
      assertThat(vs).extracting(Version::id).containsExactly(first, second);
      Version origin = vs.get(0);
      Version copy = vs.get(1);
      assertThat(origin.origin()).isTrue();
      assertThat(origin.reusedFrom()).isEmpty();
      assertThat(copy.origin()).isFalse();
      assertThat(copy.reusedFrom()).extracting(Version.Source::id).containsExactly(first);
      assertThat(copy.reusedShare())
          .isBetween(0.2, 1.0)
          .isEqualTo(copy.reusedFrom().get(0).share());
      String text = aFirst ? b : a;
      for (var s : copy.added()) assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
    }
  }

  @Test
  void aCopyOfACopyPointsAtItsParentWithAddedDroppedAndChanged() throws IOException {
    String base = cleaned("/seeds/000_4a850577689245d9.txt");
    String extra =
        "Relief agencies said a convoy of forty trucks carrying food and blankets reached the camp at"
            + " al-Hol late in the evening, where thousands of families wait in the cold.";
    String[] paragraphs = base.split("\n");
    assertThat(paragraphs.length).isGreaterThan(4);
    // B: the original with a paragraph added; C: B with a figure and a name changed and a paragraph
    // cut.
    String b = base + "\n" + extra;
    String dropped = paragraphs[2];
    String c = b.replace(dropped + "\n", "").replace("forty trucks", "fifty trucks");
    List<Version> vs =
        versions.of(
            List.of(
                new Versions.Article("c", c, at(9)),
                new Versions.Article("a", base, at(0)),
                new Versions.Article("b", b, at(3))));
    Map<String, Version> v = byId(vs);
    assertThat(vs).extracting(Version::id).containsExactly("a", "b", "c");
    assertThat(v.get("b").parent()).isEqualTo("a");
    assertThat(v.get("b").added()).extracting(s -> s.text()).containsExactly(extra);
    assertThat(v.get("c").parent()).as("the closest source, not the earliest").isEqualTo("b");
    assertThat(v.get("c").reusedFrom()).extracting(Version.Source::id).containsExactly("b", "a");
    assertThat(v.get("c").dropped()).extracting(s -> s.text().strip()).contains(dropped.strip());
    assertThat(v.get("c").changes()).contains(new Version.Change("figure", "forty", "fifty"));
    assertThat(v.get("c").added()).isEmpty();
  }

  @Test
  void independentReportsAreRootsOfTheirOwn() throws IOException {
    String seed = cleaned("/seeds/000_4a850577689245d9.txt");
    String other = cleaned("/fixtures/raqqa-car-bomb.txt");
    List<Version> vs =
        versions.of(
            List.of(
                new Versions.Article("seed", seed, at(0)),
                new Versions.Article("other", other, at(1)),
                new Versions.Article(
                    "undated",
                    seed + "\nA sentence the undated copy adds at its end for readers.",
                    null)));
    Map<String, Version> v = byId(vs);
    assertThat(vs).extracting(Version::id).containsExactly("seed", "other", "undated");
    assertThat(v.get("other").origin()).isTrue();
    assertThat(v.get("other").reusedFrom()).isEmpty();
    assertThat(v.get("undated").parent()).isEqualTo("seed");
  }

  @Test
  void wordingChangesInsideQuotesAreLeftToTheQuoteFinder() {
    assertThat(Versions.inQuote("He said \"we will win\" today.", 12)).isTrue();
    assertThat(Versions.inQuote("He said \"we will win\" today.", 24)).isFalse();
    assertThat(Versions.inQuote("\u201cWe hold\u201d, he said.\nNext \u201cline", 30)).isTrue();
    assertThat(Versions.inQuote("\"Open quote\nnew paragraph", 16)).isFalse();
  }

  /**
   * Random stories of edited copies: every tree has exactly one origin, its earliest member, and
   * every parent is earlier than its child.
   */
  @Property(tries = 25)
  void eachTreeHasOneOriginItsEarliest(
      @ForAll @IntRange(min = 2, max = 12) int size, @ForAll long seed) throws IOException {
    Random r = new Random(seed);
    List<String> bases =
        List.of(
            cleaned("/seeds/000_4a850577689245d9.txt"),
            cleaned("/fixtures/raqqa-car-bomb.txt"),
            cleaned("/fixtures/brexit-vote.txt"));
    List<Versions.Article> arts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String text;
      if (i == 0 || r.nextInt(4) == 0) {
        text = bases.get(r.nextInt(bases.size()));
      } else {
        String[] ps = arts.get(r.nextInt(arts.size())).text().split("\n");
        List<String> kept = new ArrayList<>();
        for (String p : ps) if (r.nextInt(5) > 0 || kept.isEmpty()) kept.add(p);
        text = String.join("\n", kept);
      }
      // Times may tie and some are undated: order then falls back to the order given.
      Instant t = r.nextInt(6) == 0 ? null : at(r.nextInt(8));
      arts.add(new Versions.Article("v" + i, text, t));
    }
    List<Version> vs = versions.of(arts);
    assertThat(vs).hasSize(size);
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < vs.size(); i++) pos.put(vs.get(i).id(), i);
    Map<String, List<String>> trees = new HashMap<>();
    Map<String, Version> v = byId(vs);
    for (Version x : vs) {
      assertThat(x.origin()).isEqualTo(x.reusedFrom().isEmpty());
      for (Version.Source s : x.reusedFrom())
        assertThat(pos.get(s.id())).isLessThan(pos.get(x.id()));
      String root = x.id();
      while (v.get(root).parent() != null) root = v.get(root).parent();
      trees.computeIfAbsent(root, k -> new ArrayList<>()).add(x.id());
    }
    for (var tree : trees.entrySet()) {
      List<String> origins = tree.getValue().stream().filter(id -> v.get(id).origin()).toList();
      assertThat(origins).containsExactly(tree.getKey());
      int earliest = tree.getValue().stream().mapToInt(pos::get).min().orElseThrow();
      assertThat(pos.get(tree.getKey())).isEqualTo(earliest);
    }
  }
}
