package dev.storytrack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link CompareBenchmark}'s pair timed by the CPU time of the measuring thread rather than the
 * wall clock: on a shared machine a wall-clock benchmark measures the neighbours too, while the
 * thread's CPU time per comparison stays close to what an idle machine gives (JIT compilation and
 * GC run on other threads and are left out; they are reported by JMH's {@code -prof gc} when
 * wanted).
 *
 * <p>Usage: {@code java -cp "$(bench/classpath.sh)" dev.storytrack.bench.CompareCpuProbe [rounds]
 * [ops per round]}; prints one line per round and the median.
 */
public final class CompareCpuProbe {
  private CompareCpuProbe() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int ops = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    CompareBenchmark pair = new CompareBenchmark();
    pair.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // Warm-up: the first rounds compile the extractor, aligner and quote finder.
    long sink = 0;
    for (int i = 0; i < 3 * ops; i++) sink += pair.compare().passages().size();
    double[] cpuMs = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int i = 0; i < ops; i++) sink += pair.compare().passages().size();
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / ops;
      double wall = (System.nanoTime() - wall0) / 1e6 / ops;
      cpuMs[r] = cpu;
      System.out.printf("round %d: %.3f ms CPU per comparison, %.3f ms wall%n", r + 1, cpu, wall);
    }
    java.util.Arrays.sort(cpuMs);
    System.out.printf(
        "median %.3f ms CPU per comparison (min %.3f, max %.3f; %d rounds of %d)%s%n",
        cpuMs[rounds / 2], cpuMs[0], cpuMs[rounds - 1], rounds, ops, sink == 42 ? " " : "");
  }
}
