package dev.storytrack.quote;

/**
 * One attribution in an article: reported words and who they are attributed to. Offsets index into
 * the text given to {@link QuoteExtractor#extract}; a missing part has null text and offsets -1.
 *
 * @param content the quoted or reported words as written, without enclosing quotation marks
 * @param source the words that name who said it as written ("he", "the spokesman"), or null when
 *     the quote continues an earlier speaker's without naming them
 * @param speaker the source resolved to a name written in the article, or null
 * @param cue the verb or phrase that marks the attribution ("said", "told AFP", "according to")
 * @param direct true when the content is one quotation in quotation marks
 * @param start offset of the content's first character
 * @param end offset after the content's last character
 * @param sourceStart offset of the source, -1 without one
 * @param sourceEnd end offset of the source, -1 without one
 * @param cueStart offset of the cue, -1 without one; quotes split around one cue share it
 * @param cueEnd end offset of the cue, -1 without one
 */
public record Quote(
    String content,
    String source,
    String speaker,
    String cue,
    boolean direct,
    int start,
    int end,
    int sourceStart,
    int sourceEnd,
    int cueStart,
    int cueEnd) {
  public Quote {
    if (content == null || start < 0 || end < start || end - start != content.length()) {
      throw new IllegalArgumentException(
          "content offsets do not fit the content: " + start + "-" + end);
    }
  }
}
