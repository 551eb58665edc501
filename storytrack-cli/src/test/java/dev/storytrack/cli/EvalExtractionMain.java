package dev.storytrack.cli;

import picocli.CommandLine;

/** Runs {@code eval extraction} on its own until the lead wires it under {@code storytrack eval}. */
final class EvalExtractionMain {
  private EvalExtractionMain() {}

  public static void main(String[] args) {
    CommandLine cl = Main.commandLine().addSubcommand(new EvalExtractionCommand());
    String[] full = new String[args.length + 1];
    full[0] = "extraction";
    System.arraycopy(args, 0, full, 1, args.length);
    System.exit(cl.execute(full));
  }
}
