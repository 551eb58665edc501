package dev.storytrack.article;

/**
 * Counts of one read: articles delivered, problems (skipped records or files) and duplicate ids
 * (delivered, reported; the later record wins).
 */
public record ReadSummary(long articles, long problems, long duplicates) {
  public ReadSummary(long articles, long problems) {
    this(articles, problems, 0);
  }

  /** True when inputs had records or files yet not one article could be read. */
  public boolean nothingRead() {
    return articles == 0 && problems > 0;
  }
}
