package dev.storytrack.eval.extraction;

import java.util.List;
import java.util.Map;

/**
 * The figures of one evaluation run.
 *
 * @param benchmark which benchmark
 * @param split which pages of it
 * @param pages pages scored
 * @param failed pages whose extraction threw (scored as empty output)
 * @param metric the benchmark's metric, in words
 * @param precision precision under that metric
 * @param recall recall under that metric
 * @param f1 F1 under that metric
 * @param extra further figures by name (e.g. WCXB's own word F1), in print order
 * @param extractSeconds wall-clock time spent extracting (reading and scoring excluded); 0 for a
 *     predictions file
 * @param cpuSeconds CPU time of the extracting thread over the same spans (0 where the JVM cannot
 *     tell): on a shared machine, the figure that says what one core does
 * @param peakHeapBytes peak heap in use during the run (sum of the heap pools' peaks)
 * @param perPage per-page scores, in page order
 */
public record ExtractionReport(
    Benchmark benchmark,
    Split split,
    int pages,
    int failed,
    String metric,
    double precision,
    double recall,
    double f1,
    Map<String, Double> extra,
    double extractSeconds,
    double cpuSeconds,
    long peakHeapBytes,
    List<PageScore> perPage) {

  public ExtractionReport {
    extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    perPage = List.copyOf(perPage);
  }

  /** Pages per second of one core's CPU time, or of wall-clock time where CPU time is unknown. */
  public double pagesPerSecond() {
    double s = cpuSeconds > 0 ? cpuSeconds : extractSeconds;
    return s > 0 ? pages / s : 0;
  }

  /**
   * One page's figures.
   *
   * @param id page id
   * @param precision page precision (shingles, or snippets for trafilatura's set)
   * @param recall page recall
   * @param f1 page F1
   * @param error why extraction failed, or null
   */
  public record PageScore(String id, double precision, double recall, double f1, String error) {}
}
