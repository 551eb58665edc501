package dev.storytrack.cli;

import dev.storytrack.store.StoryStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --store}: the store directory, on every command that opens the store (a picocli mixin).
 */
final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "store directory (default: ./storytrack-data)")
  Path dir = StoryStore.DEFAULT_DIR;

  Path dir() {
    return dir;
  }
}
