package dev.storytrack.cli;

import dev.storytrack.store.StoryStore;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrack serve}: the HTTP API and web page over the store, until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the store: JSON API under /api (docs/api.md) and the web page at /.",
      "Binds to 127.0.0.1 unless told otherwise."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin StoreOption store = new StoreOption();

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "port (default: ${DEFAULT-VALUE}; 0 for any free one)")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "address to listen on (default: ${DEFAULT-VALUE})")
  String bind;

  @Option(
      names = "--allow-host",
      paramLabel = "NAME",
      description =
          "also answer requests addressed to this host name (repeatable); by default only the bound"
              + " address, and localhost names when it is a loopback one")
  java.util.List<String> allowHosts = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    StoryStore s = StoryStore.open(store.dir(), Main.pipeline(false));
    ApiServer server;
    try {
      server = ApiServer.start(s, bind, port, allowHosts);
    } catch (RuntimeException e) {
      s.close();
      throw new java.io.IOException(
          "cannot listen on " + bind + ":" + port + ": " + rootMessage(e));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  try {
                    s.close();
                  } catch (java.io.IOException e) {
                    System.err.println("storytrack: closing the store: " + e.getMessage());
                  }
                  stopped.countDown();
                }));
    long[] c = s.counts();
    spec.commandLine()
        .getOut()
        .printf(
            "storytrack: serving %s (%s, %s) at http://%s:%d/%n",
            store.dir(),
            Text.plural(c[0], "article"),
            Text.plural(c[1], "story", "stories"),
            bind.contains(":") ? "[" + bind + "]" : bind,
            server.port());
    spec.commandLine().getOut().flush();
    stopped.await();
    return Main.OK;
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) e = e.getCause();
    if (e instanceof java.nio.channels.UnresolvedAddressException) return "unknown address";
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
