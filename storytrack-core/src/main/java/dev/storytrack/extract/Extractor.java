package dev.storytrack.extract;

import dev.storytrack.article.Article;

/** Cleans articles: keeps the body, removes and reports everything else. Thread-safe. */
public final class Extractor {
  public static Extractor defaults() {
    return new Extractor();
  }

  /** Cleans {@code article}: from its HTML when it has some, else from its text. */
  public Extraction extract(Article article) {
    throw new UnsupportedOperationException("TODO");
  }
}
