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
  void jsonPairsTheQuotesOfBothVersions() throws Exception {
    CliRun r = CliRun.of("compare", "--json", SEED_A, SEED_B);
    assertThat(r.code()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode quotes = Json.MAPPER.readTree(r.out()).get("quotes");
    boolean caves = false;
    boolean rawlinson = false;
    for (com.fasterxml.jackson.databind.JsonNode q : quotes) {
      String rel = q.get("relation").asText();
      String a = q.path("a").path("content").asText();
      String b = q.path("b").path("content").asText();
      if (a.contains("caves overlooking Baghouz")) {
        assertThat(rel).isEqualTo("verbatim");
        assertThat(b).isEqualTo(a);
        assertThat(q.get("speaker").asText()).matches("Must[ae]fa Bali");
        caves = true;
      }
      if (a.contains("deny Daesh a physical space")) {
        assertThat(rel).isEqualTo("altered");
        assertThat(b).contains("deny [IS] a physical space");
        assertThat(q.get("diff").toString()).contains("Daesh").contains("[IS]");
        rawlinson = true;
      }
    }
    assertThat(caves).isTrue();
    assertThat(rawlinson).isTrue();
    assertThat(r.out()).contains("\"sameReport\":true").contains("\"sameStory\":true");
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

    assertThat(c.get("sameReport").asBoolean()).as("one AFP report on two sites").isTrue();
    assertThat(c.get("sameStory").asBoolean()).isTrue();
    assertThat(c.get("sameStory"))
        .as("the top-level story verdict is the link model's")
        .isEqualTo(c.at("/link/sameStory"));
    assertThat(c.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(c.get("reason").asText()).startsWith("same report");
    assertThat(c.at("/link/probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(c.at("/link/reason").asText()).isNotBlank();

    String a = c.at("/a/text").asText();
    String b = c.at("/b/text").asText();
    for (String junk :
        List.of(
            "Add a Comment",
            "Your email address will not be published",
            "Content is protected",
            "[CENTCOM]",
            "Mohammed Hassan/Twitter",
            "Delil Souleiman/AFP",
            "Do you like this article",
            "Comment(s)",
            "Comment Policy",
            "Denotes Required Field",
            "1500 / 1500",
            "I do not wish to stay",
            "blabbering",
            "Bollocks")) {
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
        covered |=
            p.get("aStart").asInt() <= inA
                && inA + quote.length() <= p.get("aEnd").asInt()
                && p.get("bStart").asInt() <= inB
                && inB + quote.length() <= p.get("bEnd").asInt();
      }
      assertThat(covered).as("\"%s\" lies in a shared passage", quote).isTrue();
    }
    for (JsonNode p : c.get("passages")) {
      assertThat(a.substring(p.get("aStart").asInt(), p.get("aEnd").asInt()))
          .isEqualTo(p.get("text").asText());
    }

    List<String> variants = new ArrayList<>();
    c.get("variants")
        .forEach(
            v ->
                variants.add(
                    v.get("a").asText()
                        + " <> "
                        + v.get("b").asText()
                        + " ("
                        + v.get("kind").asText()
                        + ")"));
    assertThat(variants)
        .anyMatch(v -> v.startsWith("Daesh") && (v.contains("IS") || v.contains("Islamic State")));
    assertThat(variants).contains("Mustefa <> Mustafa (spelling)");
    for (JsonNode v : c.get("variants")) {
      assertThat(v.get("kind").asText()).isIn("wording", "spelling", "figure", "date", "name");
    }

    // B (the longer version) carries sentences A lacks; every offset points at the text it quotes.
    assertThat(c.get("onlyInB")).isNotEmpty();
    for (String side : List.of("A", "B")) {
      String text = side.equals("A") ? a : b;
      int prevEnd = -1;
      for (JsonNode s : c.get("onlyIn" + side)) {
        int start = s.get("start").asInt();
        int end = s.get("end").asInt();
        assertThat(start).isGreaterThan(prevEnd).isLessThan(end);
        assertThat(text.substring(start, end)).isEqualTo(s.get("text").asText());
        prevEnd = end;
        // what only one side has does not lie inside a passage the two share
        for (JsonNode p : c.get("passages")) {
          int ps = p.get(side.equals("A") ? "aStart" : "bStart").asInt();
          int pe = p.get(side.equals("A") ? "aEnd" : "bEnd").asInt();
          assertThat(ps <= start && end <= pe)
              .as("%s within a passage", s.get("text").asText())
              .isFalse();
        }
      }
    }
  }

  @Test
  void humanReportShowsVerdictPassagesVariantsAndRemovals() {
    CliRun run = CliRun.of("compare", SEED_A, SEED_B);
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith("SAME REPORT")
        .contains("\nSAME STORY (probability ")
        .contains("Only in B, lacking in A")
        .contains("Shared passages")
        .contains("Mustefa")
        .contains("Removed from A")
        .contains("Removed from B");
  }

  @Test
  void otherStoriesAreNotTheSameReport() {
    for (String other :
        List.of(
            "raqqa-car-bomb.txt",
            "mosul-offensive.txt",
            "brexit-vote.txt",
            "japan-earthquake.txt")) {
      for (String seed : List.of(SEED_A, SEED_B)) {
        CliRun run = CliRun.of("compare", "--json", seed, FIXTURES + other);
        assertThat(run.code()).isZero();
        assertThat(run.out()).as("%s vs %s", seed, other).contains("\"sameReport\":false");
      }
    }
  }

  @Test
  void anIndependentRewriteQuotingTheSameSourcesIsTheSameReportAndStory() {
    CliRun run = CliRun.of("compare", "--json", SEED_A, FIXTURES + "baghouz-rewrite.txt");
    assertThat(run.out()).contains("\"sameReport\":true").contains("\"sameStory\":true");
  }
}
