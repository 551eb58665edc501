package dev.storytrack.article.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The JSON settings of everything that reads articles: the JSON Lines reader ({@code ArticleJson})
 * and the JSON-LD of pages ({@link ParsedPage}).
 */
public final class Json {
  /** Large enough for whole web pages in one string field; Jackson's default stops at 20M. */
  private static final int MAX_STRING_LENGTH = 256 * 1024 * 1024;

  /** The factory every article parser and writer is made from. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private Json() {}
}
