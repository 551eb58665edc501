package dev.storytrack.cli;

import dev.storytrack.article.Format;
import picocli.CommandLine.Option;

/** {@code --format}: the input format, on the commands that read articles (a picocli mixin). */
final class FormatOption {
  @Option(
      names = "--format",
      description =
          "input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, by extension)")
  Format format = Format.AUTO;

  Format format() {
    return format;
  }
}
