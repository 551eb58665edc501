package dev.storytrack.article;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Source names: a host-like source is normalised so that {@code www.Example.com}, {@code
 * example.com:80} and {@code example.com} are one source; any other name (an outlet's display name
 * such as {@code BBC News}) is kept as written.
 */
public final class Sources {
  private static final Pattern HOST =
      Pattern.compile("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+\\.?(:\\d{1,5})?");

  private Sources() {}

  /** The normalised source: host-like names lower-cased, without {@code www.} and default ports. */
  public static String normalize(String source) {
    if (source == null) return "";
    String s = source.strip();
    if (!HOST.matcher(s).matches()) return s;
    s = s.toLowerCase(Locale.ROOT);
    // The scheme is unknown here, so both web default ports name the same site.
    if (s.endsWith(":80")) s = s.substring(0, s.length() - 3);
    else if (s.endsWith(":443")) s = s.substring(0, s.length() - 4);
    if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
    if (s.startsWith("www.") && s.indexOf('.', 4) > 0) s = s.substring(4);
    return s;
  }

  /** The normalised host of {@code url} (default ports dropped for its scheme), or "" when none. */
  public static String ofUrl(String url) {
    if (url == null || url.isBlank()) return "";
    try {
      URI u = new URI(url.strip());
      String h = u.getHost();
      if (h == null) return "";
      int port = u.getPort();
      boolean defaultPort =
          port < 0
              || (port == 80 && "http".equalsIgnoreCase(u.getScheme()))
              || (port == 443 && "https".equalsIgnoreCase(u.getScheme()));
      return normalize(defaultPort ? h : h + ":" + port);
    } catch (Exception e) {
      return "";
    }
  }
}
