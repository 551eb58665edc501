package dev.storytrack.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
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

/**
 * The package boundaries that each package-info.java states, for each module's {@code
 * BoundariesTest}: a package's Javadoc says "May import {@code a}, {@code b} and {@code c}."
 * (packages named relative to {@code dev.storytrack}), "May import every other package." or
 * "Imports no other storytrack package." The rules are read from source roots and checked on the
 * compiled classes (ArchUnit), so a class depending on a storytrack package its package-info does
 * not name is reported.
 *
 * <p>An internal package ({@code dev.storytrack.link.internal}, {@code dev.storytrack.internal}: a
 * package with an {@code internal} segment) holds code that is public only so that storytrack's own
 * packages can reach it. Its parent package may always import it; any other package only when its
 * package-info names it ("every other package" never covers one), and a class of another module
 * only when {@link #INTERNAL_USES} lists it ({@link #internalPackagesStayInside}).
 */
public final class PackageRules {
  /** The root of every storytrack package. */
  public static final String ROOT = "dev.storytrack";

  private static final Pattern MAY_IMPORT = Pattern.compile("May import ((?:[^.{]|\\{[^}]*})*)\\.");
  private static final Pattern CODE = Pattern.compile("\\{@code ([a-z.]+)}");

  /**
   * A use of an internal package from outside the core's package rules (the CLI, Spark, eval), with
   * why no public API serves it.
   *
   * @param from the package that uses it
   * @param internalPackage the internal package it uses
   * @param reason why it cannot go through the API
   */
  public record InternalUse(String from, String internalPackage, String reason) {}

  /**
   * Every use of an internal package that no package-info allows: none. The CLI, Spark and eval
   * reach what they need through the public API; a new entry needs a reason here, and a small
   * public method on the front door or the package's API is preferred to one.
   */
  public static final List<InternalUse> INTERNAL_USES = List.of();

  private PackageRules() {}

  /**
   * The main classes of one module ({@code storytrack-core}, ...): other modules' classes are on
   * the class path too (the core under the eval module's, test support under every module's).
   */
  public static JavaClasses moduleClasses(String module) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(
            location -> location.contains("/" + module + "/") || !location.contains("/storytrack-"))
        .importPackages(ROOT);
  }

  /**
   * Package to the storytrack packages it may import, from every package-info.java under the source
   * roots; packages whose package-info states no rule are left out. "Every other package" means
   * every other package that has a package-info under these roots, internal packages aside.
   */
  public static Map<String, Set<String>> read(Path... sourceRoots) throws IOException {
    Map<String, String> docs = docs(sourceRoots);
    Map<String, Set<String>> rules = new TreeMap<>();
    for (Map.Entry<String, String> e : docs.entrySet()) {
      String doc = e.getValue();
      Set<String> allowed = new TreeSet<>();
      Matcher m = MAY_IMPORT.matcher(doc);
      if (m.find()) {
        if (m.group(1).startsWith("every other package")) {
          for (String other : docs.keySet()) {
            if (!other.equals(e.getKey()) && !isInternal(other)) allowed.add(other);
          }
        } else {
          Matcher code = CODE.matcher(m.group(1));
          while (code.find()) allowed.add(ROOT + "." + code.group(1));
          if (allowed.isEmpty()) {
            throw new IllegalStateException(
                e.getKey() + ": its May import sentence names no package as {@code ...}");
          }
        }
      } else if (!doc.contains("Imports no other storytrack package.")) {
        continue; // no rule stated
      }
      rules.put(e.getKey(), allowed);
    }
    return rules;
  }

  /** Every package that has a package-info.java under the source roots. */
  public static Set<String> packages(Path... sourceRoots) throws IOException {
    return new TreeSet<>(docs(sourceRoots).keySet());
  }

  /**
   * The dependencies of {@code classes} on storytrack packages that their own package's rule does
   * not allow (a package may always import its own internal package); classes of a package without
   * a rule are not checked here (a module's test asserts that each of its packages has one).
   */
  public static List<String> violations(JavaClasses classes, Map<String, Set<String>> rules) {
    List<String> violations = new ArrayList<>();
    for (JavaClass c : classes) {
      Set<String> allowed = rules.get(c.getPackageName());
      if (allowed == null) continue;
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String target = d.getTargetClass().getPackageName();
        if (!inStorytrack(target) || target.equals(c.getPackageName())) continue;
        if (!allowed.contains(target) && !isOwnInternal(c.getPackageName(), target)) {
          violations.add(d.getDescription());
        }
      }
    }
    return violations;
  }

  /** The packages of {@code classes}. */
  public static Set<String> packagesOf(JavaClasses classes) {
    Set<String> packages = new TreeSet<>();
    for (JavaClass c : classes) packages.add(c.getPackageName());
    return packages;
  }

  /**
   * The rule that keeps internal packages inside: a class may depend on an internal package only
   * from that package itself, its parent package, a package whose rule in {@code rules} names it,
   * or a use listed in {@link #INTERNAL_USES}. Check it on any module's classes; {@code rules} are
   * those of {@link #read} (packages without a rule, such as the CLI's, get only {@link
   * #INTERNAL_USES}).
   */
  public static ArchRule internalPackagesStayInside(Map<String, Set<String>> rules) {
    return ArchRuleDefinition.classes()
        .should(
            new ArchCondition<JavaClass>(
                "depend on an internal package only from its parent package, a package whose"
                    + " package-info names it, or a use listed in PackageRules.INTERNAL_USES") {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                String from = c.getPackageName();
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                  String target = d.getTargetClass().getPackageName();
                  if (!inStorytrack(target) || !isInternal(target)) continue;
                  if (mayUseInternal(from, target, rules)) continue;
                  events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                }
              }
            })
        .allowEmptyShould(true);
  }

  /** Whether {@code pkg} is an internal package: one of its segments is {@code internal}. */
  public static boolean isInternal(String pkg) {
    return pkg.equals("internal")
        || pkg.startsWith("internal.")
        || pkg.endsWith(".internal")
        || pkg.contains(".internal.");
  }

  private static boolean mayUseInternal(
      String from, String internal, Map<String, Set<String>> rules) {
    if (from.equals(internal) || from.startsWith(internal + ".")) return true;
    if (isOwnInternal(from, internal)) return true;
    if (rules.getOrDefault(from, Set.of()).contains(internal)) return true;
    for (InternalUse u : INTERNAL_USES) {
      if (u.from().equals(from) && u.internalPackage().equals(internal)) return true;
    }
    return false;
  }

  /** Whether {@code target} is {@code pkg}'s own internal package ({@code pkg.internal}). */
  private static boolean isOwnInternal(String pkg, String target) {
    return target.equals(pkg + ".internal");
  }

  private static boolean inStorytrack(String pkg) {
    return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
  }

  /** Package name to its package-info.java as one line (the sentence may wrap). */
  private static Map<String, String> docs(Path... sourceRoots) throws IOException {
    Map<String, String> docs = new TreeMap<>();
    for (Path root : sourceRoots) {
      if (!Files.isDirectory(root)) throw new IOException("no source folder " + root);
      try (var files = Files.walk(root)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          if (!p.getFileName().toString().equals("package-info.java")) continue;
          String pkg =
              root.relativize(p.getParent())
                  .toString()
                  .replace(p.getFileSystem().getSeparator(), ".");
          docs.put(pkg, Files.readString(p).replaceAll("\\s*\\n\\s*\\*?\\s*", " "));
        }
      }
    }
    return docs;
  }
}
