package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterAndEvalCommandTest {
  private static final Path SEEDS = Path.of("../storytrack-core/src/test/resources/seeds");
  private static final Path OTHERS =
      Path.of("../storytrack-core/src/test/resources/fixtures/other-topics");

  @Test
  void clusterWritesAssignmentsAndStoriesDeterministically(@TempDir Path dir) throws Exception {
    Path as1 = dir.resolve("a1.jsonl");
    Path as2 = dir.resolve("a2.jsonl");
    Path stories = dir.resolve("stories.jsonl");
    CliRun r =
        CliRun.of(
            "cluster",
            SEEDS.toString(),
            OTHERS.toString(),
            "--assignments",
            as1.toString(),
            "--stories",
            stories.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("6 articles read").contains("5 stories").contains("6 undated");
    // Plain-text files carry no source: the readable list says so instead of printing "{=2}".
    assertThat(r.out()).contains("sources: (unknown) 2").doesNotContain("{=", "=2}");
    List<String> lines = Files.readAllLines(as1);
    assertThat(lines).hasSize(6);
    String seedStory = storyOf(lines, "000_4a850577689245d9");
    assertThat(storyOf(lines, "001_d615f29dd00c4665")).isEqualTo(seedStory);
    assertThat(Files.readAllLines(stories)).hasSize(5).allMatch(l -> l.contains("\"topTerms\""));
    assertThat(
            CliRun.of(
                    "cluster", SEEDS.toString(), OTHERS.toString(), "--assignments", as2.toString())
                .code())
        .isZero();
    assertThat(Files.readAllLines(as2)).isEqualTo(lines);
  }

  @Test
  void aNegativeWindowIsAUsageError() {
    for (String option : List.of("--window-articles", "--window-days")) {
      CliRun r = CliRun.of("cluster", SEEDS.toString(), option, "-5");
      assertThat(r.code()).as(r.err()).isEqualTo(Main.USAGE);
      assertThat(r.err()).startsWith(option + " must be >= 0: -5");
    }
  }

  @Test
  void storiesEndOnTheLearnedHorizonNotOnAnArticleCount(@TempDir Path dir) throws Exception {
    // Two reports of one event 200 days apart, with 0 or 64 other-topic articles between them:
    // the default window (the model's horizon, 532 days) keeps the story either way; a 30-day
    // window retires it either way.
    String[] seeds = {"000_4a850577689245d9", "001_d615f29dd00c4665"};
    List<Path> others;
    try (var list = Files.list(OTHERS)) {
      others = list.sorted().toList();
    }
    for (int between : new int[] {0, 64}) {
      Path in = dir.resolve("stream-" + between + ".jsonl");
      List<String> lines = new java.util.ArrayList<>();
      lines.add(record(seeds[0], Files.readString(SEEDS.resolve(seeds[0] + ".txt")), "2019-01-01"));
      java.time.LocalDate date = java.time.LocalDate.parse("2019-04-01");
      for (int i = 0; i < between; i++) {
        Path o = others.get(i % others.size());
        lines.add(
            record(o.getFileName() + "-" + i, Files.readString(o), date.plusDays(i).toString()));
      }
      lines.add(record(seeds[1], Files.readString(SEEDS.resolve(seeds[1] + ".txt")), "2019-07-20"));
      Files.write(in, lines);
      Path withDays = dir.resolve("days-" + between + ".jsonl");
      Path withDefault = dir.resolve("default-" + between + ".jsonl");
      assertThat(
              CliRun.of(
                      "cluster",
                      in.toString(),
                      "--window-days",
                      "30",
                      "--assignments",
                      withDays.toString())
                  .code())
          .isZero();
      assertThat(
              CliRun.of("cluster", in.toString(), "--assignments", withDefault.toString()).code())
          .isZero();
      List<String> d = Files.readAllLines(withDays);
      List<String> n = Files.readAllLines(withDefault);
      assertThat(storyOf(n, seeds[1])).as("%d between", between).isEqualTo(storyOf(n, seeds[0]));
      assertThat(storyOf(d, seeds[1])).as("%d between", between).isNotEqualTo(storyOf(d, seeds[0]));
    }
  }

  private static String record(String id, String text, String date) throws Exception {
    var m = new com.fasterxml.jackson.databind.ObjectMapper();
    var o = m.createObjectNode();
    o.put("id", id);
    o.put("published", date + "T10:00:00Z");
    o.put("text", text);
    return m.writeValueAsString(o);
  }

  @Test
  void evalClusteringScoresGivenAssignments(@TempDir Path dir) throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    Path pred = dir.resolve("pred.jsonl");
    Files.writeString(
        gold,
        """
        {"id":"a","story":"1"}
        {"id":"b","story":"1"}
        {"id":"c","story":"2"}
        not json
        """);
    Files.writeString(
        pred,
        """
        {"id":"a","story":"x"}
        {"id":"b","story":"y"}
        {"id":"c","story":"y"}
        """);
    Path articles = dir.resolve("articles.jsonl");
    Files.writeString(articles, "{\"id\":\"a\",\"text\":\"x\"}\n");
    CliRun r =
        CliRun.of(
            "eval",
            "clustering",
            "--articles",
            articles.toString(),
            "--gold",
            gold.toString(),
            "--assignments",
            pred.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("stories   2 (gold 2)")
        .contains("F1 0.6667")
        .contains("F1 0.0000");
  }

  @Test
  void missingDataFolderIsAOneLineError(@TempDir Path dir) {
    CliRun r =
        CliRun.of(
            "eval",
            "convert-giveme5w1h",
            "--data",
            dir.resolve("nope").toString(),
            "--out",
            dir.toString());
    assertThat(r.code()).isEqualTo(Main.FAILURE);
    assertThat(r.err().strip()).contains("nope").doesNotContain("\n");
  }

  private static String storyOf(List<String> lines, String id) {
    return lines.stream()
        .filter(l -> l.contains("\"" + id + "\""))
        .findFirst()
        .orElseThrow()
        .replaceAll(".*\"story\":\"([^\"]+)\".*", "$1");
  }

  /**
   * Labelled records may carry pages instead of text: eval clustering reads their main text, as
   * storytrack cluster does (each page's menu and comments would otherwise be all it compares).
   */
  @Test
  void evalClusteringReadsTheMainTextOfHtmlRecords(@TempDir Path dir) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<Path> files = new java.util.ArrayList<>();
    try (var s = Files.list(SEEDS)) {
      files.addAll(s.sorted().toList());
    }
    try (var s = Files.list(OTHERS)) {
      files.addAll(s.sorted().toList());
    }
    StringBuilder articles = new StringBuilder();
    StringBuilder gold = new StringBuilder();
    for (Path f : files) {
      String[] lines = Files.readString(f).strip().split("\n");
      StringBuilder html =
          new StringBuilder(
              "<html><head><title>"
                  + lines[0]
                  + "</title></head><body>"
                  + "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav><h1>"
                  + lines[0]
                  + "</h1>");
      for (int i = 1; i < lines.length; i++)
        if (!lines[i].isBlank()) html.append("<p>").append(lines[i]).append("</p>");
      html.append("</body></html>");
      String id = f.getFileName().toString().replace(".txt", "");
      var o = json.createObjectNode();
      o.put("id", id);
      o.put("html", html.toString());
      articles.append(json.writeValueAsString(o)).append('\n');
      gold.append("{\"id\": \"")
          .append(id)
          .append("\", \"story\": \"")
          .append(f.startsWith(SEEDS) ? "seed" : id)
          .append("\"}\n");
    }
    Path a = dir.resolve("articles.jsonl");
    Path g = dir.resolve("gold.jsonl");
    Files.writeString(a, articles);
    Files.writeString(g, gold);
    CliRun r = CliRun.of("eval", "clustering", "--articles", a.toString(), "--gold", g.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("B-cubed   P 1.0000  R 1.0000  F1 1.0000");
  }
}
