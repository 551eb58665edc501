package dev.storytrack.cli;

import dev.storytrack.testing.PackageRules;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CLI calls the core's API, never its internal packages (not API), except where {@link
 * PackageRules#INTERNAL_USES} lists a use with its reason. The core's package-infos are read from
 * the sibling folder, as the build lays it out.
 */
class InternalUseTest {
  @Test
  void theCliUsesNoInternalPackage() throws IOException {
    PackageRules.internalPackagesStayInside(
            PackageRules.read(Path.of("../storytrack-core/src/main/java")))
        .check(PackageRules.moduleClasses("storytrack-cli"));
  }
}
