package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storytrack.article.ArticleJson;
import dev.storytrack.article.ArticleReaders;
import dev.storytrack.article.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalVersionsCommandTest {
  /**
   * The seeds and fixture articles as one articles.jsonl: a small, committed stand-in for real
   * data.
   */
  static Path fixtureArticles(Path dir) throws Exception {
    StringBuilder sb = new StringBuilder();
    ArticleReaders.read(
        List.of("../examples", "../storytrack-core/src/test/resources/fixtures"),
        Format.AUTO,
        a -> sb.append(ArticleJson.toLine(a)).append('\n'),
        p -> {});
    Path f = dir.resolve("articles.jsonl");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void scoresPlantedVersionsAsJsonAndTheSameSeedGivesTheSameFigures(@TempDir Path dir)
      throws Exception {
    Path articles = fixtureArticles(dir);
    CliRun run =
        CliRun.of(
            "eval",
            "versions",
            "--articles",
            articles.toString(),
            "--n",
            "8",
            "--seed",
            "5",
            "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode r = Json.MAPPER.readTree(run.out());
    assertThat(r.get("stories").asInt()).isEqualTo(8);
    assertThat(r.get("versions").asInt()).isGreaterThanOrEqualTo(8 * 3);
    for (String row : List.of("parent", "added", "dropped", "figure", "date", "name", "wording")) {
      assertThat(r.get("rows").has(row)).as(row).isTrue();
      assertThat(r.at("/rows/" + row + "/planted").asInt()).isNotNegative();
    }
    assertThat(r.at("/rows/parent/recall").asDouble()).isBetween(0.0, 1.0);
    CliRun again =
        CliRun.of(
            "eval",
            "versions",
            "--articles",
            articles.toString(),
            "--n",
            "8",
            "--seed",
            "5",
            "--json");
    assertThat(Json.MAPPER.readTree(again.out()).get("rows")).isEqualTo(r.get("rows"));

    CliRun table = CliRun.of("eval", "versions", "--articles", articles.toString(), "--n", "3");
    assertThat(table.out())
        .contains("precision")
        .contains("parent (earliest source)")
        .contains("ms per story");
  }

  @Test
  void aMissingOrUselessArticlesFileIsOneLineNamingIt(@TempDir Path dir) throws Exception {
    CliRun missing =
        CliRun.of("eval", "versions", "--articles", dir.resolve("nope.jsonl").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err().strip().lines()).hasSize(1);
    assertThat(missing.err()).contains("nope.jsonl");

    Path tiny = dir.resolve("tiny.jsonl");
    Files.writeString(tiny, "{\"id\":\"x\",\"text\":\"Too short to copy.\"}\n");
    CliRun useless = CliRun.of("eval", "versions", "--articles", tiny.toString());
    assertThat(useless.code()).isEqualTo(1);
    assertThat(useless.err()).contains("tiny.jsonl").contains("long enough");
  }
}
