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

class QuotesCommandTest {
  @Test
  void jsonOnTheSeedsGivesOneLinePerArticleWithOffsetsIntoTheCleanedText() throws Exception {
    CliRun run =
        CliRun.of("quotes", "--json", CompareCommandTest.SEED_A, CompareCommandTest.SEED_B);
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().strip().lines().toList();
    assertThat(lines).hasSize(2);
    CliRun cleaned =
        CliRun.of("extract", "--json", CompareCommandTest.SEED_A, CompareCommandTest.SEED_B);
    List<String> texts = new ArrayList<>();
    ObjectMapper m = new ObjectMapper();
    for (String l : cleaned.out().strip().lines().toList())
      texts.add(m.readTree(l).get("text").asText());
    for (int i = 0; i < 2; i++) {
      JsonNode doc = m.readTree(lines.get(i));
      assertThat(doc.get("id").asText()).isNotEmpty();
      JsonNode quotes = doc.get("quotes");
      assertThat(quotes.size()).isGreaterThanOrEqualTo(5);
      boolean caves = false;
      for (JsonNode q : quotes) {
        assertThat(q.fieldNames())
            .toIterable()
            .containsExactly("content", "source", "speaker", "cue", "direct", "start", "end");
        String content = q.get("content").asText();
        assertThat(texts.get(i).substring(q.get("start").asInt(), q.get("end").asInt()))
            .isEqualTo(content);
        if (content.contains("caves overlooking Baghouz")) {
          caves = true;
          assertThat(q.get("direct").asBoolean()).isTrue();
          assertThat(q.get("source").asText()).isEqualTo("he");
          assertThat(q.get("speaker").asText()).isIn("Mustefa Bali", "Mustafa Bali");
        }
      }
      assertThat(caves).isTrue();
    }
  }

  @Test
  void listingNamesSpeakersAndCues() {
    CliRun run = CliRun.of("quotes", CompareCommandTest.SEED_A);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Scott Rawlinson").contains("told AFP").contains("direct");
  }

  @Test
  void unreadableInputIsReportedAndFails(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    CliRun run = CliRun.of("quotes", empty.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("empty.txt");
  }

  @Test
  void evalQuotesRejectsAnUnknownSplitAndAMissingFolder(@TempDir Path dir) {
    assertThat(CliRun.of("eval", "quotes", "--data", dir.toString(), "--split", "test").code())
        .isEqualTo(1);
    CliRun missing = CliRun.of("eval", "quotes", "--data", dir.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("dev");
  }

  @Test
  void evalQuotesOnATinyCorpusPrintsBothRuns() {
    CliRun run =
        CliRun.of("eval", "quotes", "--data", "../storytrack-eval/src/test/resources/polnear-mini");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("storytrack QuoteExtractor")
        .contains("peer: quotation-mark regex")
        .contains("direct quotes");
  }
}
