package dev.storytrack.article;

/**
 * A record or file that could not be read. {@link #toString()} is the one-line message shown to
 * users: {@code location: reason}.
 *
 * @param location the file, with {@code :line} for line-based formats ({@code <stdin>} for stdin)
 * @param reason why it was skipped, in words
 */
public record ReadProblem(String location, String reason) {
  @Override
  public String toString() {
    return location + ": " + reason;
  }
}
