package dev.storytrack.dedup;

/**
 * What the index keeps of one document: the 128-bit hash of its normalized text and its MinHash
 * components, each truncated to {@link LshPlan#bitsPerComponent()} bits and packed little-endian.
 *
 * @param exactHigh high half of the normalized-text hash
 * @param exactLow low half of the normalized-text hash
 * @param words number of words (0: empty document, never a duplicate of anything)
 * @param components packed MinHash components
 */
public record DocSignature(long exactHigh, long exactLow, int words, byte[] components) {
  public boolean isEmpty() {
    return words == 0;
  }
}
