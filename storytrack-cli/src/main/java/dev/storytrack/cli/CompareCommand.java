package dev.storytrack.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two articles.")
final class CompareCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return Main.FAILURE;
  }
}
