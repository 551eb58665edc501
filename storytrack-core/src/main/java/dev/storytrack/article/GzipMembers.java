package dev.storytrack.article;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Gzip (RFC 1952), every member in turn, salvaging what precedes damage. The JDK's GZIPInputStream
 * ends silently when a member after the first has a bad or cut header (its trailer check swallows
 * the error), and a read that hits the cut throws away the bytes the buffered stream above had
 * already taken; both lose data without a word. Here, damage ends the stream like an end of input,
 * after every byte decompressed before it, and {@link #failure()} says what was wrong and where,
 * for the reader to report.
 */
final class GzipMembers extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final InputStream in;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] buf = new byte[Inputs.BUFFER];
  private int pos;
  private int len;

  /** Compressed bytes consumed before {@code buf[0]}. */
  private long base;

  private boolean inMember;
  private boolean ended;
  private int members;
  private Inputs.CorruptGzipException failure;

  GzipMembers(InputStream in) {
    this.in = in;
  }

  /** Why the stream ended early, or null when it ended at a clean member boundary (or not yet). */
  Inputs.CorruptGzipException failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    while ((n = read(one, 0, 1)) == 0) {
      // a zero-length inflate step; try again
    }
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int n) throws IOException {
    if (n == 0) return 0;
    while (!ended) {
      if (!inMember && !startMember()) return -1;
      if (inflater.needsInput()) {
        if (pos == len && !refill()) return fail("truncated");
        inflater.setInput(buf, pos, len - pos);
        pos = len;
      }
      int got;
      try {
        got = inflater.inflate(b, off, n);
      } catch (DataFormatException e) {
        return fail("corrupt data (" + e.getMessage() + ")");
      }
      if (got > 0) crc.update(b, off, got);
      if (inflater.finished()) endMember();
      if (got > 0) return got;
      if (inflater.needsDictionary()) return fail("corrupt data (preset dictionary)");
    }
    return -1;
  }

  /** Reads a member header; false at a clean end of input after at least one member. */
  private boolean startMember() throws IOException {
    int b0 = rawByte();
    if (b0 < 0 && members > 0) {
      ended = true;
      return false;
    }
    int b1 = rawByte();
    if (b0 != 0x1f || b1 != 0x8b) {
      fail(
          members == 0
              ? "not in gzip format"
              : b1 < 0 ? "truncated member header" : "garbage after member " + members);
      return false;
    }
    int method = rawByte();
    int flags = rawByte();
    if (method != 8) {
      fail(method < 0 ? "truncated member header" : "unsupported compression method " + method);
      return false;
    }
    if (!skip(6)) return false; // mtime, extra flags, OS
    if ((flags & FEXTRA) != 0) {
      int lo = rawByte();
      int hi = rawByte();
      if (hi < 0 || !skip(lo | (hi << 8))) return truncatedHeader();
    }
    if ((flags & FNAME) != 0 && !skipZeroTerminated()) return truncatedHeader();
    if ((flags & FCOMMENT) != 0 && !skipZeroTerminated()) return truncatedHeader();
    if ((flags & FHCRC) != 0 && !skip(2)) return truncatedHeader();
    inflater.reset();
    crc.reset();
    inMember = true;
    members++;
    return true;
  }

  private void endMember() throws IOException {
    // Give back what the inflater took beyond the member's end: the trailer and what follows.
    pos = len - inflater.getRemaining();
    inMember = false;
    long expectedCrc = 0;
    long expectedSize = 0;
    for (int i = 0; i < 4; i++) {
      int c = rawByte();
      if (c < 0) {
        fail("truncated");
        return;
      }
      expectedCrc |= (long) c << (8 * i);
    }
    for (int i = 0; i < 4; i++) {
      int c = rawByte();
      if (c < 0) {
        fail("truncated");
        return;
      }
      expectedSize |= (long) c << (8 * i);
    }
    if (expectedCrc != crc.getValue()) fail("CRC mismatch in member " + members);
    else if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL))
      fail("size mismatch in member " + members);
  }

  private boolean truncatedHeader() {
    if (failure == null) fail("truncated member header");
    return false;
  }

  private boolean skip(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      if (rawByte() < 0) return truncatedHeader();
    }
    return true;
  }

  private boolean skipZeroTerminated() throws IOException {
    int c;
    while ((c = rawByte()) > 0) {
      // skip
    }
    return c == 0;
  }

  private int rawByte() throws IOException {
    if (pos == len && !refill()) return -1;
    return buf[pos++] & 0xff;
  }

  private boolean refill() throws IOException {
    base += len;
    pos = 0;
    len = 0;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) return false;
    len = n;
    return true;
  }

  private int fail(String what) {
    if (failure == null) {
      failure =
          new Inputs.CorruptGzipException(
              members == 0 && base + pos <= 2
                  ? what
                  : what + " at compressed byte " + (base + pos));
    }
    ended = true;
    return -1;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
