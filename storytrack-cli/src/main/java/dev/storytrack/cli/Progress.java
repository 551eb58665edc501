package dev.storytrack.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal, else a log line every 10 seconds. */
final class Progress implements AutoCloseable {
  private final java.util.function.LongSupplier done;
  private final Thread ticker;
  private final ProgressBar bar;
  private volatile boolean stop;

  /**
   * @param task what is counted, e.g. "dedup"
   * @param unit the counted things, e.g. "docs"
   */
  Progress(String task, String unit, java.util.function.LongSupplier done, PrintWriter err) {
    this.done = done;
    this.bar =
        System.console() != null
            ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(-1)
                .showSpeed()
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .build()
            : null;
    long t0 = System.nanoTime();
    this.ticker =
        new Thread(
            () -> {
              long lastLog = System.nanoTime();
              while (!stop) {
                try {
                  Thread.sleep(bar != null ? 200 : 1000);
                } catch (InterruptedException e) {
                  return;
                }
                long n = done.getAsLong();
                if (bar != null) {
                  bar.stepTo(n);
                } else if (System.nanoTime() - lastLog >= 10_000_000_000L) {
                  lastLog = System.nanoTime();
                  double s = (lastLog - t0) / 1e9;
                  err.printf(Locale.ROOT, "%s: %d %s, %.0f %s/s%n", task, n, unit, n / s, unit);
                  err.flush();
                }
              }
            },
            task + "-progress");
    ticker.setDaemon(true);
    ticker.start();
  }

  void done() {
    stop = true;
    ticker.interrupt();
    if (bar != null) bar.stepTo(done.getAsLong());
  }

  @Override
  public void close() {
    done();
    if (bar != null) bar.close();
  }
}
