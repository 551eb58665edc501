package dev.storytrack.eval.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One page of a benchmark and its labels.
 *
 * @param id the benchmark's page id (Scrapinghub: the hash; trafilatura: the file name without
 *     {@code .html}; WCXB: {@code NNNN})
 * @param url the page's URL, may be empty
 * @param html the HTML file, gzipped when its name ends in {@code .gz}
 * @param truth the main text (Scrapinghub, WCXB), empty for trafilatura's set
 * @param with snippets that must appear (trafilatura's set, WCXB), may be empty
 * @param without snippets that must not appear, may be empty
 */
public record BenchmarkPage(
    String id, String url, Path html, String truth, List<String> with, List<String> without) {
  public BenchmarkPage {
    with = List.copyOf(with);
    without = List.copyOf(without);
  }

  /** The raw bytes of the page, un-gzipped. */
  public byte[] readHtml() throws IOException {
    if (!html.getFileName().toString().endsWith(".gz")) return Files.readAllBytes(html);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(html), 1 << 16)) {
      return in.readAllBytes();
    }
  }
}
