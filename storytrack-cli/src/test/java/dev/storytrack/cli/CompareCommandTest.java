package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  static final String SEED_A = "../examples/000_4a850577689245d9.txt";
  static final String SEED_B = "../examples/001_d615f29dd00c4665.txt";
  static final String FIXTURES = "../storytrack-core/src/test/resources/fixtures/";

  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of("--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("compare");
    assertThat(CliRun.of("compare", "--help").out()).contains("--json");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(CliRun.of().code()).isEqualTo(2);
    assertThat(CliRun.of("no-such-command").code()).isEqualTo(2);
    assertThat(CliRun.of("compare", SEED_A).code()).isEqualTo(2);
    assertThat(CliRun.of("compare", "--format", "pdf", SEED_A, SEED_B).code()).isEqualTo(2);
  }

  @Test
  void formatsAreTakenAsTheDocsWriteThem() {
    // docs and --help write "--format text"; the enum constants are upper case.
    assertThat(CliRun.of("compare", "--format", "text", SEED_A, SEED_B).code()).isZero();
    assertThat(CliRun.of("compare", "--format", "TEXT", SEED_A, SEED_B).code()).isZero();
  }

  @Test
  void unreadableInputFailsWithOneLineNamingTheFile(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    CliRun run = CliRun.of("compare", empty.toString(), SEED_B);
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("empty.txt").contains("empty");

    CliRun missing = CliRun.of("compare", dir.resolve("nope.txt").toString(), SEED_B);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.txt");
  }

  @Test
  void seedPairIsOneStoryWithCleanTextsSharedQuotesAndVariants() throws Exception {
    CliRun run = CliRun.of("compare", "--json", SEED_A, SEED_B);
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode c = new ObjectMapper().readTree(run.out());

    assertThat(c.get("sameStory").asBoolean()).isTrue();
    assertThat(c.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(c.get("reason").asText()).isNotBlank();
    assertThat(c.at("/link/probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(c.at("/link/sameStory").asBoolean()).as("the learned linker agrees on the seed pair").isTrue();

    String a = c.at("/a/text").asText();
    String b = c.at("/b/text").asText();
    for (String junk :
        List.of(
            "Add a Comment", "Your email address will not be published", "Content is protected",
            "[CENTCOM]", "Mohammed Hassan/Twitter", "Delil Souleiman/AFP", "Do you like this article",
            "Comment(s)", "Comment Policy", "Denotes Required Field", "1500 / 1500",
            "I do not wish to stay", "blabbering", "Bollocks")) {
      assertThat(a).doesNotContain(junk);
      assertThat(b).doesNotContain(junk);
    }
    assertThat(c.at("/a/removed")).isNotEmpty();
    assertThat(c.at("/b/removed")).isNotEmpty();

    for (String quote :
        List.of(
            "There are groups hiding in caves overlooking Baghouz",
            "In support of back-clearance operations",
            "tracking down remnants of the terrorist group",
            "capacity to regenerate and collaborate")) {
      int inA = a.indexOf(quote);
      int inB = b.indexOf(quote);
      assertThat(inA).as(quote).isNotNegative();
      assertThat(inB).as(quote).isNotNegative();
      boolean covered = false;
      for (JsonNode p : c.get("passages")) {
        covered |= p.get("aStart").asInt() <= inA && inA + quote.length() <= p.get("aEnd").asInt()
            && p.get("bStart").asInt() <= inB && inB + quote.length() <= p.get("bEnd").asInt();
      }
      assertThat(covered).as("\"%s\" lies in a shared passage", quote).isTrue();
    }
    for (JsonNode p : c.get("passages")) {
      assertThat(a.substring(p.get("aStart").asInt(), p.get("aEnd").asInt())).isEqualTo(p.get("text").asText());
    }

    List<String> variants = new ArrayList<>();
    c.get("variants").forEach(v -> variants.add(v.get("a").asText() + " <> " + v.get("b").asText()));
    assertThat(variants).anyMatch(v -> v.startsWith("Daesh") && (v.contains("IS") || v.contains("Islamic State")));
    assertThat(variants).contains("Mustefa <> Mustafa");
  }

  @Test
  void humanReportShowsVerdictPassagesVariantsAndRemovals() {
    CliRun run = CliRun.of("compare", SEED_A, SEED_B);
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith("SAME STORY")
        .contains("Shared passages")
        .contains("Mustefa")
        .contains("Removed from A")
        .contains("Removed from B");
  }

  @Test
  void otherStoriesAreNotTheSameStory() {
    for (String other : List.of("raqqa-car-bomb.txt", "mosul-offensive.txt", "brexit-vote.txt", "japan-earthquake.txt")) {
      for (String seed : List.of(SEED_A, SEED_B)) {
        CliRun run = CliRun.of("compare", "--json", seed, FIXTURES + other);
        assertThat(run.code()).isZero();
        assertThat(run.out()).as("%s vs %s", seed, other).contains("\"sameStory\":false");
      }
    }
  }

  @Test
  void anIndependentRewriteQuotingTheSameSourcesIsTheSameStory() {
    CliRun run = CliRun.of("compare", "--json", SEED_A, FIXTURES + "baghouz-rewrite.txt");
    assertThat(run.out()).contains("\"sameStory\":true");
  }
}
