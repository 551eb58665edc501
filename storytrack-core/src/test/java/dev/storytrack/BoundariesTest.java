package dev.storytrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.storytrack.testing.PackageRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The core's package boundaries as its package-info.java files state them ({@link PackageRules}): a
 * core class depending on a storytrack package its package-info does not name fails the build, and
 * so does a core package without such a sentence. Internal packages (not API) are imported only by
 * their parent package and the packages whose package-info names them.
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
  void internalPackagesAreUsedOnlyWhereTheRulesAllow() throws IOException {
    PackageRules.internalPackagesStayInside(PackageRules.read(SOURCES)).check(CLASSES);
  }

  @Test
  void everyInternalPackageSaysItIsNotApi() throws IOException {
    Set<String> internal = new TreeSet<>();
    for (String p : PackageRules.packages(SOURCES)) if (PackageRules.isInternal(p)) internal.add(p);
    assertThat(internal)
        .contains(ROOT + ".internal", ROOT + ".article.internal", ROOT + ".text.internal");
    for (String p : internal) {
      Path info = SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java");
      assertThat(Files.readString(info))
          .as(info.toString())
          .contains("Not API: may change without notice.");
    }
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
    assertThat(rules.get(ROOT + ".extract")).contains(ROOT + ".article.internal");
    // "Every other package" covers no internal package: each is named where it is used.
    assertThat(rules.get(ROOT))
        .contains(ROOT + ".article", ROOT + ".link")
        .noneMatch(PackageRules::isInternal);
  }
}
