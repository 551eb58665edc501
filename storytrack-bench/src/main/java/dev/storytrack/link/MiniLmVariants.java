package dev.storytrack.link;

/**
 * Access to {@link MiniLmEmbedder}'s package-private knobs for the probe in {@code link.bench}. It
 * shares the core's package from this module (a split package, fine on the class path) so that the
 * knobs stay out of the core's API.
 */
public final class MiniLmVariants {
  private MiniLmVariants() {}

  public static final int MAX_PIECES = MiniLmEmbedder.MAX_PIECES;
  public static final int LEAD_WORDS = MiniLmEmbedder.LEAD_WORDS;

  /** The first {@code words} words of {@code text}, as the embedder cuts its lead. */
  public static String lead(String text, int words) {
    return MiniLmEmbedder.lead(text, words);
  }

  /**
   * A new embedder reading at most {@code maxPieces} word pieces per passage and {@code leadWords}
   * words of the text; {@code separate}: title and lead embedded apart and averaged (the default),
   * else as one passage.
   */
  public static SentenceEmbedder open(int maxPieces, int leadWords, boolean separate) {
    return MiniLmEmbedder.open(maxPieces, leadWords, separate);
  }
}
