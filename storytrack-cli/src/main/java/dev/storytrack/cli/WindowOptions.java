package dev.storytrack.cli;

import dev.storytrack.cluster.ClusterOptions;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The active-story window, shared by every command that clusters (a picocli mixin). */
final class WindowOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--window-days",
      description =
          "days without articles before a story leaves the active set (default: the "
              + "link model's horizon, the gap beyond which no article could join it)")
  Integer days;

  @Option(
      names = "--window-articles",
      description =
          "articles that must also arrive after a story's last one before it leaves "
              + "(default: ${DEFAULT-VALUE}: days alone decide)")
  int articles = ClusterOptions.DEFAULT_WINDOW_ARTICLES;

  ClusterOptions apply(ClusterOptions o) {
    // A usage error (exit code 2), like any other bad option value.
    if (days != null && days < 0) {
      throw new ParameterException(spec.commandLine(), "--window-days must be >= 0: " + days);
    }
    if (articles < 0) {
      throw new ParameterException(
          spec.commandLine(), "--window-articles must be >= 0: " + articles);
    }
    return (days == null ? o : o.withWindow(Duration.ofDays(days))).withWindowArticles(articles);
  }
}
