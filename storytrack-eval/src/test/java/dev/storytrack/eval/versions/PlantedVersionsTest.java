package dev.storytrack.eval.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storytrack.article.Article;
import dev.storytrack.eval.versions.PlantedVersions.Edit;
import dev.storytrack.eval.versions.PlantedVersions.Planted;
import dev.storytrack.version.Versions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator on the repository's fixture articles (no shared data needed). */
class PlantedVersionsTest {
  static final List<String> FIXTURES =
      List.of(
          "/seeds/000_4a850577689245d9.txt",
          "/seeds/001_d615f29dd00c4665.txt",
          "/fixtures/raqqa-car-bomb.txt",
          "/fixtures/mosul-offensive.txt",
          "/fixtures/brexit-vote.txt",
          "/fixtures/japan-earthquake.txt",
          "/fixtures/baghouz-rewrite.txt");

  static List<String> bases() throws IOException {
    List<Article> arts = new ArrayList<>();
    for (String f : FIXTURES) {
      try (InputStream in = PlantedVersionsTest.class.getResourceAsStream(f)) {
        arts.add(
            new Article(
                f, "", "", "", null, new String(in.readAllBytes(), StandardCharsets.UTF_8), null));
      }
    }
    return PlantedVersions.bases(arts);
  }

  @Test
  void theSameSeedPlantsTheSameStoriesAndAnotherSeedOthers() throws IOException {
    List<String> bases = bases();
    assertThat(bases.size()).isGreaterThanOrEqualTo(5);
    assertThat(PlantedVersions.generate(bases, 6, 42))
        .isEqualTo(PlantedVersions.generate(bases, 6, 42));
    assertThat(PlantedVersions.generate(bases, 6, 42))
        .isNotEqualTo(PlantedVersions.generate(bases, 6, 43));
  }

  @Test
  void everyCopyCarriesItsEditsAgainstAnEarlierParent() throws IOException {
    Map<String, Integer> kinds = new HashMap<>();
    for (List<Planted> story : PlantedVersions.generate(bases(), 40, 7)) {
      Map<String, Planted> byId = new HashMap<>();
      for (Planted p : story) {
        if (p.parent() == null) {
          assertThat(p.edits()).isEmpty();
        } else {
          Planted parent = byId.get(p.parent());
          assertThat(parent).as("the parent of %s is planted before it", p.id()).isNotNull();
          assertThat(p.published()).isAfter(parent.published());
          assertThat(p.edits()).isNotEmpty();
          for (Edit e : p.edits()) {
            kinds.merge(e.kind(), 1, Integer::sum);
            assertThat(e.before()).isNotEqualTo(e.after());
            if (!e.before().isEmpty()) assertThat(parent.text()).contains(e.before());
            if (!e.after().isEmpty() && !e.kind().equals(PlantedVersions.DROPPED))
              assertThat(p.text()).contains(e.after());
          }
        }
        byId.put(p.id(), p);
      }
    }
    assertThat(kinds.keySet())
        .as("every kind of edit gets planted")
        .containsExactlyInAnyOrder(PlantedVersions.KINDS);
  }

  @Test
  void evaluationScoresEveryRowOnAFixtureRun() throws IOException {
    VersionsEvaluation.Result r =
        VersionsEvaluation.run(PlantedVersions.generate(bases(), 30, 3), Versions.defaults());
    assertThat(r.stories()).isEqualTo(30);
    assertThat(r.rows().keySet())
        .contains(
            "parent",
            "parent (earliest source)",
            "added",
            "dropped",
            "figure",
            "date",
            "name",
            "wording",
            VersionsEvaluation.QUOTE_ROW);
    assertThat(r.rows().get(VersionsEvaluation.QUOTE_ROW).precision())
        .as("the quote row has no precision")
        .isNaN();
    for (var e : r.rows().entrySet()) {
      VersionsEvaluation.Score s = e.getValue();
      if (!Double.isNaN(s.precision()))
        assertThat(s.precision()).as(e.getKey()).isBetween(0.0, 1.0);
      if (!Double.isNaN(s.recall())) assertThat(s.recall()).as(e.getKey()).isBetween(0.0, 1.0);
    }
    // Planted copies of copies: the nearest source beats the earliest one.
    assertThat(r.rows().get("parent").recall())
        .isGreaterThan(r.rows().get("parent (earliest source)").recall());
    assertThat(r.table()).contains("precision").contains("parent");
  }

  @Test
  void overlapNeedsHalfOfEachSidesWords() {
    assertThat(VersionsEvaluation.overlaps("a b c d", "a b c d e f")).isTrue();
    assertThat(VersionsEvaluation.overlaps("a b", "a b c d e f")).isFalse();
    assertThat(VersionsEvaluation.overlaps("", "a")).isFalse();
  }

  @Test
  void tooFewBasesIsAnError() {
    assertThatThrownBy(() -> PlantedVersions.generate(List.of("only one"), 1, 1))
        .hasMessageContaining("at least 2");
  }
}
