package dev.storytrack.eval.extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates {@code shared/data} (the public benchmarks), or skips the calling test. */
final class SharedData {
  private SharedData() {}

  /**
   * {@code shared/data/<name>} from the working directory or one of its parents; skips when absent.
   */
  static Path require(String name) {
    Path dir = Path.of("").toAbsolutePath();
    for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data").resolve(name);
      if (Files.isDirectory(candidate)) return candidate;
      candidate = dir.resolveSibling("shared").resolve("data").resolve(name);
      if (Files.isDirectory(candidate)) return candidate;
    }
    Assumptions.abort(
        "benchmark data shared/data/" + name + " not found next to the repository; skipped");
    return null;
  }
}
