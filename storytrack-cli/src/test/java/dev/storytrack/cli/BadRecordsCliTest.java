package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad record costs that record: ingest and dedup report it (file, line, reason) and go on. */
class BadRecordsCliTest {
  @TempDir Path dir;

  static String rec(String id, String source, String published, String text) {
    return "{\"id\":\""
        + id
        + "\",\"source\":\""
        + source
        + "\",\"published\":\""
        + published
        + "\",\"text\":\""
        + text
        + "\"}\n";
  }

  Path hostileFile() throws Exception {
    Path f = dir.resolve("in.jsonl");
    String t = "Storm floods the city centre on Monday, officials said.";
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(rec("good1", "wire", "2024-05-01T06:00:00Z", t).getBytes(StandardCharsets.UTF_8));
      out.write(
          rec("far", "wire", "+999999999-12-31T23:59:59Z", t).getBytes(StandardCharsets.UTF_8));
      out.write(
          rec("i".repeat(40_000), "wire", "2024-05-01T06:00:00Z", t)
              .getBytes(StandardCharsets.UTF_8));
      out.write(
          rec("src", "s".repeat(40_000), "2024-05-01T06:00:00Z", t)
              .getBytes(StandardCharsets.UTF_8));
      out.write(
          rec("a\\ud800", "wire", "2024-05-01T06:00:00Z", t).getBytes(StandardCharsets.UTF_8));
      out.write(
          rec("a\\udc00", "wire", "2024-05-01T06:00:00Z", t).getBytes(StandardCharsets.UTF_8));
      out.write(
          rec("a\\ufffd", "wire", "2024-05-01T06:00:00Z", t).getBytes(StandardCharsets.UTF_8));
      // One record over the 64 MiB cap: read through and dropped, never held whole.
      out.write("{\"id\":\"huge\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "word ".repeat(200_000).getBytes(StandardCharsets.UTF_8);
      for (long n = 0; n < 65L << 20; n += chunk.length) out.write(chunk);
      out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(rec("good2", "wire", "2024-05-01T07:00:00Z", t).getBytes(StandardCharsets.UTF_8));
    }
    return f;
  }

  @Test
  void ingestSkipsAndNamesEachBadRecordAndStoresTheRest() throws Exception {
    Path f = hostileFile();
    String store = dir.resolve("data").toString();
    CliRun r = CliRun.of("ingest", f.toString(), "--store", store, "--batch", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(f + ":2: \"published\" outside years 0001-9999")
        .contains(f + ":3: field \"id\" longer than 512 characters")
        .contains(f + ":4: field \"source\" longer than 1024 characters")
        .contains(f + ":5: field \"id\" is not valid Unicode")
        .contains(f + ":6: field \"id\" is not valid Unicode")
        .contains(f + ":8: line longer than 64 MiB")
        .contains("3 added")
        .contains("6 malformed skipped");
    // The three distinct ids that are stored are three articles, not one.
    assertThat(r.err()).contains("store " + store + ": 3 articles");
    // Each committed batch is announced, so a user knows what is safe.
    assertThat(r.err()).contains("committed");
    CliRun s = CliRun.of("search", "floods", "--store", store, "--json", "--limit", "10");
    assertThat(s.out()).contains("good1", "good2", "a\ufffd");
  }

  @Test
  void dedupSkipsAndNamesBadRecords() throws Exception {
    Path f = hostileFile();
    CliRun r = CliRun.of("dedup", f.toString(), "--keep", dir.resolve("kept.jsonl").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("skipped 6 malformed record(s)").contains(f + ":2: ");
    assertThat(r.out()).contains("documents              3");
  }

  @Test
  void aMissingInputFileIsNamedWithTheReason() throws Exception {
    Path articles = dir.resolve("a.jsonl");
    Files.writeString(articles, rec("x", "wire", "2024-05-01T06:00:00Z", "Storm floods the city."));
    Path missing = dir.resolve("no-such-gold.jsonl");
    CliRun r =
        CliRun.of(
            "eval", "clustering", "--articles", articles.toString(), "--gold", missing.toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err().strip()).isEqualTo("storytrack: " + missing + ": no such file");
  }
}
