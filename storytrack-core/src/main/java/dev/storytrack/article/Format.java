package dev.storytrack.article;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Input formats, each with its reader. {@link #AUTO} picks one per file from its extension (after
 * any {@code .gz}) or, for {@code .xml} and unknown extensions, from the content.
 */
public enum Format {
  AUTO(null),
  TEXT(TextReader::read),
  HTML(HtmlReader::read),
  JSONL((in, location, id, ctx) -> JsonlReader.read(in, location, ctx)),
  WARC((in, location, id, ctx) -> WarcArticles.read(in, location, ctx)),
  /** RSS 0.9x and 2.0, RSS 1.0 (RDF) and Atom: one article per item. */
  FEED(FeedReader::read);

  private final Reader reader;

  Format(Reader reader) {
    this.reader = reader;
  }

  /** Whether one input of this format may hold many records (a bad one costs that record only). */
  boolean hasRecords() {
    return this == JSONL || this == WARC || this == FEED;
  }

  void read(BufferedInputStream in, String location, String id, ReadContext ctx) throws IOException {
    if (reader == null) throw new IllegalStateException("format not resolved");
    reader.read(in, location, id, ctx);
  }

  /** Reads one input of a format; {@code id} is the article id derived from the file name. */
  @FunctionalInterface
  interface Reader {
    void read(BufferedInputStream in, String location, String id, ReadContext ctx) throws IOException;
  }
}
