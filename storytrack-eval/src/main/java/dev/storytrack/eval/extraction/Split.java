package dev.storytrack.eval.extraction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which pages of a benchmark to score. Pages are assigned to {@code DEV} (70%) or {@code HOLDOUT}
 * (30%) by a hash of their id, so the split is stable across runs and machines and independent of
 * file order: develop on dev, report holdout as the figure on unseen pages.
 */
public enum Split {
  ALL,
  DEV,
  HOLDOUT;

  /** Percentage of pages in dev. */
  static final int DEV_PERCENT = 70;

  public boolean contains(String pageId) {
    return switch (this) {
      case ALL -> true;
      case DEV -> bucket(pageId) < DEV_PERCENT;
      case HOLDOUT -> bucket(pageId) >= DEV_PERCENT;
    };
  }

  /** 0..99 from SHA-256 (a fixed, documented function, unlike String.hashCode's spread). */
  static int bucket(String pageId) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(pageId.getBytes(StandardCharsets.UTF_8));
      long v =
          ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
      return (int) (v % 100);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
