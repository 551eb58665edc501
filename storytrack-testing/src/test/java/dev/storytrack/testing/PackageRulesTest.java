package dev.storytrack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageRulesTest {
  @TempDir Path dir;

  private void packageInfo(Path root, String pkg, String javadoc) throws IOException {
    Path folder = root.resolve(pkg.replace('.', '/'));
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("package-info.java"),
        "/**\n * " + javadoc + "\n */\npackage " + pkg + ";\n");
  }

  @Test
  void readsEachSentenceAcrossSourceRoots() throws IOException {
    Path core = dir.resolve("core");
    Path eval = dir.resolve("eval");
    packageInfo(core, "dev.storytrack.text", "Text. Imports no other storytrack package.");
    packageInfo(core, "dev.storytrack.align", "Passages. May import {@code text}\n * only.");
    packageInfo(core, "dev.storytrack.store", "A store, no rule stated here.");
    packageInfo(eval, "dev.storytrack.eval", "Metrics. May import every other package.");

    Map<String, Set<String>> rules = PackageRules.read(eval, core);

    assertThat(rules.get("dev.storytrack.text")).isEmpty();
    assertThat(rules.get("dev.storytrack.align")).containsExactly("dev.storytrack.text");
    assertThat(rules).doesNotContainKey("dev.storytrack.store");
    assertThat(rules.get("dev.storytrack.eval"))
        .containsExactlyInAnyOrder(
            "dev.storytrack.text", "dev.storytrack.align", "dev.storytrack.store");
    assertThat(PackageRules.packages(eval)).containsExactly("dev.storytrack.eval");
  }

  @Test
  void aMayImportSentenceWithoutPackagesIsAnError() throws IOException {
    packageInfo(dir, "dev.storytrack.quote", "Quotes. May import what it needs.");
    assertThatThrownBy(() -> PackageRules.read(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dev.storytrack.quote");
  }

  @Test
  void aMissingSourceFolderIsAnError() {
    assertThatThrownBy(() -> PackageRules.read(dir.resolve("absent")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("absent");
  }
}
