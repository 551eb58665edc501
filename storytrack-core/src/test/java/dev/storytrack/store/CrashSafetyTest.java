package dev.storytrack.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real ingesting child process with SIGKILL and checks what survived. */
class CrashSafetyTest {
  private static final int N = 400;

  @TempDir Path dir;

  @Test
  void nothingReportedIsLostWhenKilledMidIngest() throws Exception {
    Set<String> reported = new LinkedHashSet<>();
    // Several kills at different points of the stream, each resuming the same store.
    for (int round = 0; round < 3; round++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  IngestChild.class.getName(),
                  dir.toString(),
                  String.valueOf(N),
                  "7")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int lines = 0;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("ingested ")) {
            for (String id : line.substring(9).split(" ")) if (!id.isEmpty()) reported.add(id);
          }
          // kill while the next batch is being extracted, clustered or committed
          if (++lines == 2 + 3 * round) {
            p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close
            break;
          }
        }
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(reported).isNotEmpty();
    try (StoryStore s = StoryStore.open(dir)) {
      long stored = s.counts()[0];
      for (String id : reported) assertThat(s.article(id)).as(id).isPresent();
      assertThat(stored).isGreaterThanOrEqualTo(reported.size());
      // finishing the stream adds exactly the rest: nothing twice
      List<Article> all = IngestChild.synthetic(N);
      IngestResult r = s.ingest(all);
      assertThat(r.added() + r.unchanged()).isEqualTo(N);
      assertThat(r.unchanged()).isEqualTo((int) stored);
      assertThat(s.counts()[0]).isEqualTo(N);
      assertThat(s.stories(StoryQuery.all()).stories().stream().mapToInt(StorySummary::size).sum())
          .isEqualTo(N);
      List<String> ids = new ArrayList<>();
      s.stories(StoryQuery.all()).stories().forEach(x -> ids.add(x.id()));
      assertThat(ids).doesNotHaveDuplicates();
    }
  }
}
