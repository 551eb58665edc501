package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupCommandTest {
  @TempDir Path dir;

  private static String body(long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < 4; p++) {
      for (int i = 0; i < 60; i++) sb.append("word").append(r.nextInt(100_000)).append(' ');
      sb.append(".\n\n");
    }
    return sb.toString();
  }

  private static String line(String id, String published, String text) throws IOException {
    return Json.MAPPER.writeValueAsString(
        java.util.Map.of("id", id, "title", "t " + id, "published", published, "text", text));
  }

  private Path corpus() throws IOException {
    String a = body(1);
    String nearA = a.replaceFirst("word\\d+", "changed"); // one word: ~2% of shingles differ
    List<String> lines = new ArrayList<>();
    lines.add(line("a", "2024-01-02T00:00:00Z", a));
    lines.add(line("b", "2024-01-03T00:00:00Z", body(2)));
    lines.add(line("a-upper", "2024-01-04T00:00:00Z", a.toUpperCase()));
    lines.add("{not json");
    lines.add(line("a-near", "2024-01-01T00:00:00Z", nearA));
    Path f = dir.resolve("in.jsonl");
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  /** A repeated id is a notice, not a skipped record: dedup compares both texts. */
  @Test
  void aRepeatedIdIsNotCountedAsSkipped() throws IOException {
    Path in = dir.resolve("repeated.jsonl");
    Files.write(
        in,
        List.of(
            line("a", "2024-01-01T00:00:00Z", body(1)),
            line("a", "2024-01-02T00:00:00Z", body(2)),
            line("b", "2024-01-03T00:00:00Z", body(3))),
        StandardCharsets.UTF_8);
    CliRun run = CliRun.of("dedup", in.toString(), "--no-clean");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("documents              3")
        .contains("empty / skipped        0 / 0");
    assertThat(run.err())
        .contains("repeated.jsonl:2: duplicate id a, first at line 1; both records are compared")
        .doesNotContain("malformed");
  }

  /** Many repeated ids: the first few are named, then one line counts them all. */
  @Test
  void manyRepeatedIdsAreNamedFirstFewThenCounted() throws IOException {
    Path in = dir.resolve("many.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      lines.add(line("id" + i, "2024-01-01T00:00:00Z", body(10 + i)));
      lines.add(line("id" + i, "2024-01-02T00:00:00Z", body(100 + i)));
    }
    Files.write(in, lines, StandardCharsets.UTF_8);
    CliRun run = CliRun.of("dedup", in.toString(), "--no-clean");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err().lines().filter(l -> l.contains("both records are compared")))
        .hasSize(6)
        .last()
        .isEqualTo(
            "storytrack: 8 records repeat an earlier id (the first 5 named above); both records"
                + " are compared");
  }

  @Test
  void aRunThatReadsNoArticleFails(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("other-fields.jsonl");
    Files.writeString(
        in, "{\"doc_id\":\"a\",\"body\":\"one text\"}\n{\"doc_id\":\"b\",\"body\":\"two\"}\n");
    CliRun r = CliRun.of("dedup", in.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no article could be read");
    // the same records with their fields mapped are read, and the run succeeds
    CliRun mapped = CliRun.of("dedup", in.toString(), "--field", "id=doc_id,text=body");
    assertThat(mapped.code()).as(mapped.err()).isZero();
  }

  @Test
  void groupsDuplicatesKeepsTheEarliestAndSkipsMalformedRecords() throws IOException {
    Path in = corpus();
    Path groups = dir.resolve("groups.jsonl");
    Path keep = dir.resolve("keep.jsonl");
    CliRun run =
        CliRun.of(
            "dedup",
            in.toString(),
            "--no-clean",
            "--groups",
            groups.toString(),
            "--keep",
            keep.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("documents              4")
        .contains("exact duplicates       1")
        .contains("near-duplicate groups  1");
    assertThat(run.err()).contains("skipped 1 malformed").contains("in.jsonl:4");

    List<String> g = Files.readAllLines(groups);
    assertThat(g).hasSize(1);
    JsonNode group = Json.MAPPER.readTree(g.get(0));
    assertThat(group.get("representative").asText()).isEqualTo("a-near");
    List<String> members = new ArrayList<>();
    group
        .get("members")
        .forEach(
            m -> {
              members.add(m.get("id").asText());
              assertThat(m.get("similarity").asDouble()).isBetween(0.7, 1.0);
            });
    assertThat(members).containsExactly("a", "a-upper");

    List<String> kept = new ArrayList<>();
    for (String l : Files.readAllLines(keep)) kept.add(Json.MAPPER.readTree(l).get("id").asText());
    assertThat(kept).containsExactly("b", "a-near");
  }

  @Test
  void anEmptyCorpusReadsNothingAndFailsAsIngestAndClusterDo() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));
    CliRun run =
        CliRun.of("dedup", empty.toString(), "--groups", dir.resolve("g.jsonl").toString());
    assertThat(run.code()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("empty.jsonl: empty file").contains("no article could be read");
    assertThat(run.out()).contains("documents              0");
    assertThat(Files.readAllLines(dir.resolve("g.jsonl"))).allMatch(String::isBlank);
  }

  @Test
  void badThresholdIsAUsageError() throws IOException {
    CliRun run = CliRun.of("dedup", corpus().toString(), "--threshold", "1.5");
    assertThat(run.code()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("threshold");
  }

  @Test
  void keepRefusesStdinBecauseItReadsTheInputsTwice() {
    CliRun run = CliRun.of("dedup", "-", "--keep", dir.resolve("k.jsonl").toString());
    assertThat(run.code()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("--keep").contains("stdin");
  }

  @Test
  void cleansBeforeComparingByDefault() throws IOException {
    CliRun run = CliRun.of("dedup", corpus().toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("documents              4").contains("near-duplicate groups  1");
  }
}
