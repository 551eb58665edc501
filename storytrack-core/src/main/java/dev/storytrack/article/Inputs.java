package dev.storytrack.article;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** File names, gzip and format sniffing, and turning I/O failures into one-line reasons. */
final class Inputs {
  static final int BUFFER = 1 << 16;

  private Inputs() {}

  /**
   * Whether a directory read with {@link Format#AUTO} takes this file ({@code .xml} by content).
   */
  static boolean readsByName(String fileName) {
    return Format.forFileName(fileName) != null || isXml(fileName);
  }

  /** {@code .xml} (after {@code .gz}): a feed when its content is one. */
  static boolean isXml(String fileName) {
    return stripGz(fileName.toLowerCase(Locale.ROOT)).endsWith(".xml");
  }

  /** The article id of a file: its name without {@code .gz} and without its last extension. */
  static String idFor(String fileName) {
    String name = stripGz(fileName);
    int dot = name.lastIndexOf('.');
    String id = dot > 0 ? name.substring(0, dot) : name;
    return id.isBlank() ? fileName : id;
  }

  static boolean hasGzExtension(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  static String stripGz(String name) {
    return hasGzExtension(name) ? name.substring(0, name.length() - 3) : name;
  }

  /**
   * Wraps a raw stream: decompresses it when it starts with the gzip magic bytes, whatever the
   * name. A name ending in {@code .gz} without them is corrupt.
   *
   * @return a buffered stream supporting mark/reset, or null when the input has no bytes at all
   */
  static BufferedInputStream decompressing(InputStream raw, boolean gzName) throws IOException {
    BufferedInputStream in =
        raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, BUFFER);
    in.mark(2);
    int b0 = in.read();
    int b1 = b0 < 0 ? -1 : in.read();
    in.reset();
    if (b0 < 0) return null;
    if (b0 == 0x1f && b1 == 0x8b) return new Decompressed(new GzipMembers(in));
    if (gzName) throw new CorruptGzipException("not in gzip format");
    return in;
  }

  /**
   * Why a decompressed input ended early (a cut or damaged gzip), or null. Checked after reading:
   * the readers see the damage as an end of input, having read everything before it.
   */
  static CorruptGzipException failure(InputStream in) {
    return in instanceof Decompressed d ? d.gzip.failure() : null;
  }

  /** A buffered gzip input that can say whether it ended early. */
  private static final class Decompressed extends BufferedInputStream {
    final GzipMembers gzip;

    Decompressed(GzipMembers gzip) {
      super(gzip, BUFFER);
      this.gzip = gzip;
    }
  }

  /**
   * Picks a format from the first bytes of an input with an unknown extension (see {@link
   * Format}): {@code {} is JSONL, an {@code <rss>}, {@code <feed>} or {@code <rdf:RDF>} root a
   * feed, other {@code <} HTML, {@code WARC/} WARC, anything else (or nothing) text. Leaves the
   * stream where it was.
   */
  static Format sniff(BufferedInputStream in) throws IOException {
    byte[] head = new byte[Bytes.SNIFF_LENGTH];
    in.mark(head.length);
    int n = in.readNBytes(head, 0, head.length);
    in.reset();
    int i = Bytes.utf8BomLength(head, 0, n);
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
    return i >= n ? Format.TEXT : Format.sniff(head, i, n);
  }

  /** The one-line reason for an I/O failure on a file. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file or directory";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NotDirectoryException) return "not a directory";
    if (e instanceof FileSystemLoopException) return "directory loop";
    if (e instanceof CorruptGzipException) return e.getMessage();
    if (e instanceof CharacterCodingException) return "cannot decode text";
    String m = e.getMessage();
    if (e instanceof java.io.EOFException) {
      String cut = "truncated: the input ends inside a record";
      return m == null ? cut : cut + " (" + firstLine(m) + ")";
    }
    if (m != null && m.contains("Is a directory")) return "is a directory";
    if (m != null && m.contains("Permission denied")) return "permission denied";
    return "read error: " + (m == null ? e.getClass().getSimpleName() : firstLine(m));
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = (nl < 0 ? s : s.substring(0, nl)).strip();
    return line.length() <= 160 ? line : line.substring(0, 160) + "...";
  }

  /** A gzip stream that is not valid gzip; the message is the user-facing reason. */
  static final class CorruptGzipException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptGzipException(String what) {
      super("corrupt gzip: " + what);
    }
  }
}
