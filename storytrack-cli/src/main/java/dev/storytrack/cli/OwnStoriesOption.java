package dev.storytrack.cli;

import picocli.CommandLine.Option;

/** How the link model is learned, shared by train-linker and cross-validate (a picocli mixin). */
final class OwnStoriesOption {
  @Option(
      names = "--own-stories",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "after the gold replay, learn again with the pairs the model's own stories give on"
              + " each dated set (default: ${DEFAULT-VALUE}; the shipped --embeddings model is"
              + " learned with --no-own-stories, see docs/clustering.md)")
  boolean ownStories;
}
