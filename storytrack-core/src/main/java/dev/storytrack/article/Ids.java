package dev.storytrack.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Article ids derived from URLs, for records and feed items that carry none. */
public final class Ids {
  private Ids() {}

  /**
   * The id of an article known only by its URL: the URL without its fragment, or for a URL too long
   * to be an id, its start and a hash of the whole (so distinct URLs keep distinct ids).
   */
  public static String fromUrl(String url) {
    String u = url.strip();
    int hash = u.indexOf('#');
    if (hash > 0) u = u.substring(0, hash);
    if (u.length() <= ArticleLimits.MAX_ID) return u;
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(u.getBytes(StandardCharsets.UTF_8));
      return u.substring(0, ArticleLimits.MAX_ID - 17) + "#" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
