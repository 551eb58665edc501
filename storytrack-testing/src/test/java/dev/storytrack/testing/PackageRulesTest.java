package dev.storytrack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageRulesTest {
  private static final String FIXTURE = "dev.storytrack.testing.fixture";

  @Test
  void anInternalPackageIsUsedOnlyByItsParentAndThePackagesNamingIt() {
    JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE);
    Map<String, Set<String>> rules =
        Map.of(FIXTURE + ".named", Set.of(FIXTURE + ".owner.internal"));
    List<String> details =
        PackageRules.internalPackagesStayInside(rules)
            .evaluate(classes)
            .getFailureReport()
            .getDetails();
    assertThat(details).isNotEmpty().allMatch(d -> d.contains(FIXTURE + ".other.User"));
    assertThat(String.join("\n", details))
        .doesNotContain(FIXTURE + ".owner.User")
        .doesNotContain(FIXTURE + ".named.User");
  }

  @Test
  void theParentRuleAllowsOnlyItsOwnInternalPackage() {
    JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE);
    Map<String, Set<String>> rules =
        Map.of(
            FIXTURE + ".owner", Set.of(),
            FIXTURE + ".named", Set.of(FIXTURE + ".owner.internal"),
            FIXTURE + ".other", Set.of());
    assertThat(PackageRules.violations(classes, rules))
        .hasSize(1)
        .allMatch(d -> d.contains(FIXTURE + ".other.User"));
  }

  @Test
  void internalPackagesAreThoseWithAnInternalSegment() {
    assertThat(PackageRules.isInternal("dev.storytrack.internal")).isTrue();
    assertThat(PackageRules.isInternal("dev.storytrack.link.internal")).isTrue();
    assertThat(PackageRules.isInternal("dev.storytrack.link.internal.x")).isTrue();
    assertThat(PackageRules.isInternal("dev.storytrack.link")).isFalse();
    assertThat(PackageRules.isInternal("dev.storytrack.internals")).isFalse();
  }

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
  void everyOtherPackageLeavesInternalPackagesOut() throws IOException {
    packageInfo(dir, "dev.storytrack.text", "Text. Imports no other storytrack package.");
    packageInfo(
        dir, "dev.storytrack.text.internal", "Not API. Imports no other storytrack package.");
    packageInfo(dir, "dev.storytrack.link", "Links. May import {@code text.internal}.");
    packageInfo(dir, "dev.storytrack", "Front door. May import every other package.");
    Map<String, Set<String>> rules = PackageRules.read(dir);
    assertThat(rules.get("dev.storytrack"))
        .containsExactlyInAnyOrder("dev.storytrack.text", "dev.storytrack.link");
    assertThat(rules.get("dev.storytrack.link")).containsExactly("dev.storytrack.text.internal");
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
