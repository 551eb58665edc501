package dev.storytrack;

import dev.storytrack.article.Article;
import dev.storytrack.extract.Extraction;
import dev.storytrack.extract.Extractor;
import dev.storytrack.link.Comparer;
import dev.storytrack.link.Comparison;

/**
 * The front door to storytrack's capabilities. Each method is the one entry point for its
 * capability; the packages behind it ({@code article}, {@code extract}, {@code align}, {@code
 * link}, ...) hold the pluggable parts.
 */
public final class Storytrack {
  private static final Extractor EXTRACTOR = Extractor.defaults();
  private static final Comparer COMPARER = Comparer.defaults();

  private Storytrack() {}

  /** The article's main text with boilerplate, comments and captions removed and reported. */
  public static Extraction clean(Article article) {
    return EXTRACTOR.extract(article);
  }

  /** Cleans both articles, then says whether they tell the same story and what they share. */
  public static Comparison compare(Article a, Article b) {
    return COMPARER.compare(clean(a), clean(b));
  }
}
