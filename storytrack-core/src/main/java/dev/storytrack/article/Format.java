package dev.storytrack.article;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Input formats: the one registry of readers. Each format carries its reader, the file extensions
 * it claims and how its content is recognized. {@link #AUTO} picks one per file from its extension
 * (after any {@code .gz}) or, for {@code .xml} and unknown extensions, from the content; a new
 * format is one more constant here.
 */
public enum Format {
  AUTO(null, false, List.of(), null),
  /** Anything no other format claims by content. */
  TEXT(TextReader::read, false, List.of("txt", "text"), null),
  /** A markup document that is not a feed. */
  HTML(
      HtmlReader::read,
      false,
      List.of("html", "htm", "xhtml"),
      (head, i, n) -> head[i] == '<' && !FeedReader.looksLikeFeed(head, n)),
  JSONL(
      (in, location, id, ctx) -> JsonlReader.read(in, location, ctx),
      true,
      List.of("jsonl", "ndjson"),
      (head, i, n) -> head[i] == '{'),
  WARC(
      (in, location, id, ctx) -> WarcArticles.read(in, location, ctx),
      true,
      List.of("warc"),
      (head, i, n) ->
          n - i >= 5 && new String(head, i, 5, StandardCharsets.US_ASCII).equals("WARC/")),
  /** RSS 0.9x and 2.0, RSS 1.0 (RDF) and Atom: one article per item. */
  FEED(
      FeedReader::read,
      true,
      List.of("rss", "atom", "rdf"),
      (head, i, n) -> head[i] == '<' && FeedReader.looksLikeFeed(head, n));

  private static final Map<String, Format> BY_EXTENSION = new HashMap<>();

  static {
    for (Format f : values()) for (String ext : f.extensions) BY_EXTENSION.put(ext, f);
  }

  private final Reader reader;
  private final boolean records;
  private final List<String> extensions;
  private final Sniffer sniffer;

  Format(Reader reader, boolean records, List<String> extensions, Sniffer sniffer) {
    this.reader = reader;
    this.records = records;
    this.extensions = extensions;
    this.sniffer = sniffer;
  }

  /**
   * The format a file name claims by its extension, after any {@code .gz} and ignoring case, or
   * null when no format claims it.
   */
  public static Format forFileName(String fileName) {
    String name = Inputs.stripGz(fileName.toLowerCase(Locale.ROOT));
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1));
  }

  /**
   * The format whose content starts at {@code head[start]} (the first byte after a BOM and
   * whitespace, {@code start < n}); {@link #TEXT} when no other format claims it.
   */
  static Format sniff(byte[] head, int start, int n) {
    for (Format f : values()) {
      if (f.sniffer != null && f.sniffer.claims(head, start, n)) return f;
    }
    return TEXT;
  }

  /** The file extensions this format claims, lower case, without the dot. */
  public List<String> extensions() {
    return extensions;
  }

  /** Whether one input of this format may hold many records (a bad one costs that record only). */
  boolean hasRecords() {
    return records;
  }

  void read(BufferedInputStream in, String location, String id, ReadContext ctx)
      throws IOException {
    if (reader == null) throw new IllegalStateException("format not resolved");
    reader.read(in, location, id, ctx);
  }

  /** Reads one input of a format; {@code id} is the article id derived from the file name. */
  @FunctionalInterface
  interface Reader {
    void read(BufferedInputStream in, String location, String id, ReadContext ctx)
        throws IOException;
  }

  /** Whether the first bytes of an input are this format's; claims never overlap. */
  @FunctionalInterface
  private interface Sniffer {
    boolean claims(byte[] head, int start, int n);
  }
}
