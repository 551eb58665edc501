package dev.storytrack.article;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Byte-level checks shared by the readers: binary sniffing, BOMs and strict UTF-8 decoding. */
final class Bytes {
  /** How many leading bytes the binary check looks at. */
  static final int SNIFF_LENGTH = 8192;

  private Bytes() {}

  /**
   * True when the bytes are not text: a NUL byte, or more than 10% control characters other than
   * the usual whitespace. Looks at the first {@link #SNIFF_LENGTH} bytes only.
   */
  static boolean looksBinary(byte[] b, int off, int len) {
    int n = Math.min(len, SNIFF_LENGTH);
    int control = 0;
    for (int i = off; i < off + n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) return true;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0b && c != 0x1b)
          || c == 0x7f) {
        control++;
      }
    }
    return n > 0 && control * 10L > n;
  }

  /** True when any byte is NUL; text never holds one, so a NUL anywhere means binary. */
  static boolean containsNul(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) if (b[i] == 0) return true;
    return false;
  }

  /**
   * Whether JSON text may spell a UTF-16 surrogate as an escape: a backslash, {@code u}, then
   * {@code D} and one of {@code 8-F} (either case; an escaped backslash before a literal {@code
   * uD800} also counts, so this may say yes wrongly but never no wrongly). In well-formed UTF-8
   * that escape is the only way a JSON string can hold a lone surrogate.
   */
  static boolean mayEscapeSurrogate(byte[] b, int off, int len) {
    for (int i = off, end = off + len - 3; i < end; i++) {
      if (b[i] == '\\' && (b[i + 1] | 0x20) == 'u' && (b[i + 2] | 0x20) == 'd') {
        int c = b[i + 3] | 0x20;
        if (c == '8' || c == '9' || (c >= 'a' && c <= 'f')) return true;
      }
    }
    return false;
  }

  /** Length of a leading UTF-8 byte order mark (3) or 0. */
  static int utf8BomLength(byte[] b, int off, int len) {
    return len >= 3
            && (b[off] & 0xff) == 0xEF
            && (b[off + 1] & 0xff) == 0xBB
            && (b[off + 2] & 0xff) == 0xBF
        ? 3
        : 0;
  }

  /** True for a UTF-16 or UTF-32 byte order mark: such text is full of NULs yet not binary. */
  static boolean hasWideBom(byte[] b, int len) {
    if (len < 2) return false;
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    return (b0 == 0xFE && b1 == 0xFF)
        || (b0 == 0xFF && b1 == 0xFE)
        || (len >= 4 && b0 == 0 && b1 == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF);
  }

  /** True when the bytes hold only ASCII whitespace. */
  static boolean isBlank(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x0b) return false;
    }
    return true;
  }

  /** Invalid UTF-8; {@link #getMessage()} is the user-facing reason. */
  static final class InvalidUtf8Exception extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidUtf8Exception(long byteOffset) {
      super("invalid UTF-8 at byte " + byteOffset, null, false, false);
    }
  }

  /**
   * A reusable strict UTF-8 decoder (one per reader, not thread-safe). Malformed input is an error,
   * never silently replaced, so that bad bytes surface as a problem instead of garbled text.
   */
  static final class StrictUtf8 {
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer out = CharBuffer.allocate(1024);

    /**
     * Decodes {@code len} bytes into the internal buffer and returns it (flipped, valid until the
     * next call).
     *
     * @param base offset of {@code b[off]} in the whole input, for the error message
     */
    CharBuffer decode(byte[] b, int off, int len, long base) throws InvalidUtf8Exception {
      // UTF-8 never yields more chars than bytes.
      if (out.capacity() < len) out = CharBuffer.allocate(Math.max(len, out.capacity() * 2));
      out.clear();
      ByteBuffer in = ByteBuffer.wrap(b, off, len);
      decoder.reset();
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) throw new InvalidUtf8Exception(base + in.position() - off);
      r = decoder.flush(out);
      if (r.isError()) throw new InvalidUtf8Exception(base + in.position() - off);
      out.flip();
      return out;
    }
  }
}
