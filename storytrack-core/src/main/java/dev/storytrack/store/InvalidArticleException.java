package dev.storytrack.store;

/** An article the store refuses before writing anything; the message names it and says why. */
public final class InvalidArticleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String id;
  private final String reason;

  public InvalidArticleException(String id, String reason) {
    super("article \"" + abbreviate(id) + "\": " + reason);
    this.id = id;
    this.reason = reason;
  }

  public String id() {
    return id;
  }

  public String reason() {
    return reason;
  }

  private static String abbreviate(String id) {
    String s = id.length() <= 80 ? id : id.substring(0, 80) + "...";
    StringBuilder b = new StringBuilder(s.length());
    // Control characters and lone surrogates would garble a one-line message.
    s.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
