package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store} never destroys a folder it does not own nor re-creates a damaged store. */
class StoreSafetyTest {
  @TempDir Path dir;

  static List<String> files(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFolderOfOtherFilesIsRefusedAndLeftAlone() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    for (String f : List.of("_config.yml", "_layouts.html", "_1.txt"))
      Files.writeString(site.resolve(f), "mine " + f);
    for (String[] cmd :
        List.of(
            new String[] {"ingest", "../examples", "--store", site.toString()},
            new String[] {"stories", "--store", site.toString()})) {
      CliRun r = CliRun.of(cmd);
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(r.err().strip())
          .doesNotContain("\n")
          .contains(
              site + " is not a storytrack store (it holds _1.txt, _config.yml, _layouts.html)");
    }
    assertThat(files(site)).containsExactly("_1.txt", "_config.yml", "_layouts.html");
    assertThat(Files.readString(site.resolve("_config.yml"))).isEqualTo("mine _config.yml");
  }

  @Test
  void aStoreMissingItsCommitIsNeverRecreatedEmpty() throws Exception {
    Path store = dir.resolve("data");
    assertThat(CliRun.of("ingest", "../examples", "--store", store.toString()).code()).isZero();
    assertThat(files(store)).contains("storytrack.store");
    for (String f : files(store)) if (f.startsWith("segments_")) Files.delete(store.resolve(f));
    List<String> before = files(store);
    for (String[] cmd :
        List.of(
            new String[] {"ingest", "../examples", "--store", store.toString()},
            new String[] {"stories", "--store", store.toString()})) {
      CliRun r = CliRun.of(cmd);
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .contains("store " + store + " is damaged")
          .contains("segments_N")
          .contains("restore");
    }
    assertThat(files(store)).isEqualTo(before);
  }

  @Test
  void aStoreWrittenBeforeTheMarkerOpensAndGetsIt() throws Exception {
    Path store = dir.resolve("data");
    assertThat(CliRun.of("ingest", "../examples", "--store", store.toString()).code()).isZero();
    Files.delete(store.resolve("storytrack.store"));
    CliRun read = CliRun.of("stories", "--store", store.toString());
    assertThat(read.code()).as(read.err()).isZero();
    CliRun again = CliRun.of("ingest", "../examples", "--store", store.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("2 unchanged");
    assertThat(files(store)).contains("storytrack.store");
  }

  @Test
  void aCorruptedSegmentIsOneLineNamingTheStore() throws Exception {
    Path store = dir.resolve("data");
    assertThat(CliRun.of("ingest", "../examples", "--store", store.toString()).code()).isZero();
    // Scramble the middle of every stored-fields or compound file, as a bad disk block would.
    for (String f : files(store)) {
      if (!f.endsWith(".fdt") && !f.endsWith(".cfs")) continue;
      byte[] b = Files.readAllBytes(store.resolve(f));
      for (int i = 64; i < b.length - 64; i++) b[i] = (byte) (b[i] * 31 + 7);
      Files.write(store.resolve(f), b);
    }
    CliRun r = CliRun.of("ingest", "../examples", "--store", store.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .startsWith("storytrack: store " + store + " is damaged (")
        .contains("restore it from a backup");
  }
}
