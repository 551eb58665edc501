package dev.storytrack.article;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Front door for reading articles from files, directories and stdin. */
public final class ArticleReaders {
  private ArticleReaders() {}

  /**
   * Reads every article of the given inputs, in order, streaming: each article goes to {@code
   * sink} as soon as it is read, each bad record or file to {@code problems} and is skipped.
   * An input is a file, a directory (read recursively, files in name order) or {@code "-"} for
   * JSON Lines on stdin. Never throws for bad input; I/O errors on one file become problems.
   */
  public static ReadSummary read(
      List<String> inputs, Format format, Consumer<Article> sink, Consumer<ReadProblem> problems) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Reads exactly one article from a file (the first record of a JSONL or WARC file).
   *
   * @throws ArticleReadException with a one-line message when the file holds no readable article
   */
  public static Article readOne(Path path, Format format) throws ArticleReadException {
    throw new UnsupportedOperationException("TODO");
  }
}
