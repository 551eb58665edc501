package dev.storytrack.article;

import java.io.IOException;

/** A read that failed as a whole. The message is one line naming the input and the reason. */
public final class ArticleReadException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArticleReadException(ReadProblem problem) {
    super(problem.toString());
  }
}
