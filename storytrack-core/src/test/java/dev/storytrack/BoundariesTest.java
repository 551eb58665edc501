package dev.storytrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.storytrack.testing.PackageRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The core's package boundaries as its package-info.java files state them ({@link PackageRules}): a
 * core class depending on a storytrack package its package-info does not name fails the build, and
 * so does a core package without such a sentence.
 */
class BoundariesTest {
  private static final String ROOT = PackageRules.ROOT;
  private static final Path SOURCES = Path.of("src/main/java");
  private static final JavaClasses CLASSES = PackageRules.moduleClasses("storytrack-core");

  @Test
  void everyPackageOnlyImportsWhatItsPackageInfoAllows() throws IOException {
    assertThat(PackageRules.violations(CLASSES, PackageRules.read(SOURCES)))
        .as("dependencies that package-info.java does not allow")
        .isEmpty();
  }

  @Test
  void everyPackageStatesItsRule() throws IOException {
    Set<String> packages = PackageRules.packagesOf(CLASSES);
    assertThat(packages)
        .as("the core's packages")
        .contains(ROOT, ROOT + ".article", ROOT + ".link");
    assertThat(PackageRules.read(SOURCES).keySet()).containsAll(packages);
  }

  @Test
  void theCoreHoldsNoEvaluationCode() throws IOException {
    // Measuring storytrack on labelled data lives in storytrack-eval, which depends on the core.
    assertThat(PackageRules.packages(SOURCES))
        .as(
            "packages under storytrack-core/src/main/java (dev.storytrack.eval.* belongs in storytrack-eval)")
        .noneMatch(p -> p.equals(ROOT + ".eval") || p.startsWith(ROOT + ".eval."));
  }

  @Test
  void theRulesReadAsWritten() throws IOException {
    Map<String, Set<String>> rules = PackageRules.read(SOURCES);
    assertThat(rules.get(ROOT + ".article")).isEmpty();
    assertThat(rules.get(ROOT + ".align")).containsExactly(ROOT + ".text");
  }
}
