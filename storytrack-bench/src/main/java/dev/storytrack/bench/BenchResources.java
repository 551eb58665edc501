package dev.storytrack.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The texts the benchmarks run on: the seeds and fixtures copied onto the bench's class path. */
public final class BenchResources {
  private BenchResources() {}

  /** A class-path resource ({@code /seeds/...}, {@code /fixtures/...}) as UTF-8 text. */
  public static String text(String path) {
    try (InputStream in = BenchResources.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException(path + ": not on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }
}
