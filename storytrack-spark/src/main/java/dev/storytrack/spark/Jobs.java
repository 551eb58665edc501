package dev.storytrack.spark;

import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/** What the job entry points share: argument errors as one line, the session. */
final class Jobs {
  private Jobs() {}

  static int execute(Object job, String[] args) {
    CommandLine cl = new CommandLine(job).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (e, a) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("storytrack: " + e.getMessage() + " (see --help)");
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (e, c, p) -> {
          String m =
              e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
          c.getErr().println("storytrack: " + m);
          return 1;
        });
    return cl.execute(args);
  }

  /**
   * A session from spark-submit's settings (Kryo unless another serializer was set), or on {@code
   * master} when given.
   */
  static SparkSession session(String name, String master) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(name)
            .config(KryoSetup.configure(new org.apache.spark.SparkConf()));
    if (master != null) b = b.master(master);
    return b.getOrCreate();
  }
}
