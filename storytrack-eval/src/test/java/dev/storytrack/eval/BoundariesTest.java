package dev.storytrack.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.storytrack.testing.PackageRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The eval module's package boundaries: its classes may use the core's packages, each eval package
 * only those its package-info.java names ({@link PackageRules}). The core's package-infos are read
 * too (the module's sibling folder, as the build lays it out) so that a rule may name a core
 * package and "every other package" covers the core's.
 */
class BoundariesTest {
  private static final String ROOT = PackageRules.ROOT;
  private static final Path EVAL = Path.of("src/main/java");
  private static final Path CORE = Path.of("../storytrack-core/src/main/java");
  private static final JavaClasses CLASSES = PackageRules.moduleClasses("storytrack-eval");

  @Test
  void everyPackageOnlyImportsWhatItsPackageInfoAllows() throws IOException {
    assertThat(PackageRules.violations(CLASSES, PackageRules.read(EVAL, CORE)))
        .as("dependencies that package-info.java does not allow")
        .isEmpty();
  }

  @Test
  void evalUsesNoInternalPackage() throws IOException {
    // Eval measures the core through its API; PackageRules.INTERNAL_USES lists any exception.
    PackageRules.internalPackagesStayInside(PackageRules.read(EVAL, CORE)).check(CLASSES);
  }

  @Test
  void everyPackageStatesItsRuleAndLivesUnderEval() throws IOException {
    Set<String> packages = PackageRules.packagesOf(CLASSES);
    assertThat(packages)
        .as("the eval module's packages")
        .contains(ROOT + ".eval", ROOT + ".eval.extraction", ROOT + ".eval.dedup")
        .allMatch(p -> p.startsWith(ROOT + ".eval"));
    assertThat(PackageRules.read(EVAL).keySet()).containsAll(packages);
  }

  @Test
  void theRulesNameOnlyCoreAndEvalPackages() throws IOException {
    Set<String> known = new TreeSet<>(PackageRules.packages(CORE));
    known.addAll(PackageRules.packages(EVAL));
    Map<String, Set<String>> rules = PackageRules.read(EVAL, CORE);
    for (String pkg : PackageRules.packages(EVAL)) {
      assertThat(known)
          .as(pkg + ": packages in its May import sentence")
          .containsAll(rules.getOrDefault(pkg, Set.of()));
    }
  }

  @Test
  void theRulesReadAsWritten() throws IOException {
    Map<String, Set<String>> rules = PackageRules.read(EVAL, CORE);
    assertThat(rules.get(ROOT + ".eval"))
        .contains(ROOT + ".cluster", ROOT + ".article", ROOT + ".eval.extraction")
        .doesNotContain(ROOT + ".eval")
        .noneMatch(PackageRules::isInternal);
    assertThat(rules.get(ROOT + ".eval.dedup"))
        .containsExactlyInAnyOrder(ROOT + ".article", ROOT + ".dedup", ROOT + ".text");
  }
}
