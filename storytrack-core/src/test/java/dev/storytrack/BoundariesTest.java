package dev.storytrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries that each package-info.java states, checked on the compiled classes: a
 * package's Javadoc says "May import {@code a}, {@code b} and {@code c}." (packages named relative
 * to {@code dev.storytrack}), "May import every other package." or "Imports no other storytrack
 * package." A class depending on a storytrack package its package-info does not name fails the
 * build, and so does a package without such a sentence.
 */
class BoundariesTest {
  private static final String ROOT = "dev.storytrack";
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern MAY_IMPORT = Pattern.compile("May import ((?:[^.{]|\\{[^}]*})*)\\.");
  private static final Pattern CODE = Pattern.compile("\\{@code ([a-z.]+)}");

  // The core's own classes only: test support (storytrack-testing) is on the class path too.
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(
              location ->
                  location.contains("/storytrack-core/") || !location.contains("/storytrack-"))
          .importPackages(ROOT);

  @Test
  void everyPackageOnlyImportsWhatItsPackageInfoAllows() throws IOException {
    Map<String, Set<String>> rules = rules();
    List<String> violations = new ArrayList<>();
    for (JavaClass c : CLASSES) {
      Set<String> allowed = rules.get(c.getPackageName());
      if (allowed == null) continue; // reported by the next test
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String target = d.getTargetClass().getPackageName();
        if (!inStorytrack(target) || target.equals(c.getPackageName())) continue;
        if (!allowed.contains(target)) violations.add(d.getDescription());
      }
    }
    assertThat(violations).as("dependencies that package-info.java does not allow").isEmpty();
  }

  @Test
  void everyPackageStatesItsRule() throws IOException {
    Set<String> packages = new TreeSet<>();
    for (JavaClass c : CLASSES) packages.add(c.getPackageName());
    assertThat(packages)
        .as("the core's packages")
        .contains(ROOT, ROOT + ".article", ROOT + ".link");
    assertThat(rules().keySet()).containsAll(packages);
  }

  @Test
  void theRulesReadAsWritten() throws IOException {
    Map<String, Set<String>> rules = rules();
    assertThat(rules.get(ROOT + ".article")).isEmpty();
    assertThat(rules.get(ROOT + ".align")).containsExactly(ROOT + ".text");
    assertThat(rules.get(ROOT + ".eval"))
        .contains(ROOT + ".cluster", ROOT + ".eval.extraction")
        .doesNotContain(ROOT + ".eval");
  }

  private static boolean inStorytrack(String pkg) {
    return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
  }

  /** Package to the storytrack packages it may import, from every package-info.java. */
  private static Map<String, Set<String>> rules() throws IOException {
    Map<String, String> docs = new TreeMap<>();
    try (var files = Files.walk(SOURCES)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (!p.getFileName().toString().equals("package-info.java")) continue;
        String pkg =
            SOURCES
                .relativize(p.getParent())
                .toString()
                .replace(p.getFileSystem().getSeparator(), ".");
        // Javadoc as one line: the sentence may wrap.
        docs.put(pkg, Files.readString(p).replaceAll("\\s*\\n\\s*\\*?\\s*", " "));
      }
    }
    Map<String, Set<String>> rules = new TreeMap<>();
    for (Map.Entry<String, String> e : docs.entrySet()) {
      String doc = e.getValue();
      Set<String> allowed = new TreeSet<>();
      Matcher m = MAY_IMPORT.matcher(doc);
      if (m.find()) {
        if (m.group(1).startsWith("every other package")) {
          for (String other : docs.keySet()) if (!other.equals(e.getKey())) allowed.add(other);
        } else {
          Matcher code = CODE.matcher(m.group(1));
          while (code.find()) allowed.add(ROOT + "." + code.group(1));
          assertThat(allowed).as(e.getKey() + ": packages in its May import sentence").isNotEmpty();
        }
      } else if (!doc.contains("Imports no other storytrack package.")) {
        continue; // no rule stated
      }
      rules.put(e.getKey(), allowed);
    }
    return rules;
  }
}
