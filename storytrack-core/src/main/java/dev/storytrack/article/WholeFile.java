package dev.storytrack.article;

import java.io.IOException;
import java.io.InputStream;

/** Reads a single-article input into memory, refusing empty and oversized ones. */
final class WholeFile {
  /** No news page or article comes near this; a larger input is a mistake, not an article. */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  private WholeFile() {}

  /** The bytes, or null after reporting an empty or too large input. */
  static byte[] read(InputStream in, String location, ReadContext ctx) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    // A cut gzip: the article would be partial. The caller reports the damage.
    if (Inputs.failure(in) != null) return null;
    if (bytes.length > MAX_BYTES) {
      ctx.problem(location, "larger than " + (MAX_BYTES >> 20) + " MiB, not a single article");
      return null;
    }
    if (Bytes.isBlank(bytes, 0, bytes.length)) {
      ctx.problem(location, "empty file");
      return null;
    }
    return bytes;
  }
}
