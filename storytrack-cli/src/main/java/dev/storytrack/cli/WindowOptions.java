package dev.storytrack.cli;

import dev.storytrack.cluster.ClusterOptions;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The active-story window, shared by every command that clusters (a picocli mixin). */
final class WindowOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--window-days", defaultValue = "30",
      description = "days without articles before a story may leave the active set "
          + "(default: ${DEFAULT-VALUE})")
  int days;

  @Option(names = "--window-articles", defaultValue = "10000",
      description = "articles that must also arrive after a story's last one before it leaves "
          + "(default: ${DEFAULT-VALUE}; 0: days alone decide)")
  int articles;

  ClusterOptions apply(ClusterOptions o) {
    // A usage error (exit code 2), like any other bad option value.
    if (days < 0) {
      throw new ParameterException(spec.commandLine(), "--window-days must be >= 0: " + days);
    }
    if (articles < 0) {
      throw new ParameterException(spec.commandLine(), "--window-articles must be >= 0: " + articles);
    }
    return o.withWindow(Duration.ofDays(days)).withWindowArticles(articles);
  }
}
