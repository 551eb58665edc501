package dev.storytrack.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.base.Utf8;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * JSON Lines: one article object per line (schema in {@link ArticleJson}). Streams line by line
 * with one reusable buffer and decoder; a bad line is reported as {@code file:LINE} and skipped.
 */
final class JsonlReader {
  private JsonlReader() {}

  static void read(BufferedInputStream in, String location, ReadContext ctx) throws IOException {
    // Judged line by line: one binary or oversized line costs that line, not the file.
    LineSplitter lines = new LineSplitter(in, ArticleLimits.MAX_RECORD_BYTES);
    Bytes.StrictUtf8 utf8 = new Bytes.StrictUtf8();
    boolean any = false;
    while (lines.next()) {
      if (lines.tooLong) {
        any = true;
        if (lines.unterminated && Inputs.failure(in) != null) break;
        ctx.problem(
            location + ":" + lines.number,
            "line longer than " + (ArticleLimits.MAX_RECORD_BYTES >> 20) + " MiB, skipped unread");
        continue;
      }
      byte[] b = lines.buffer;
      int off = lines.start;
      int len = lines.length;
      if (lines.number == 1) {
        int bom = Bytes.utf8BomLength(b, off, len);
        off += bom;
        len -= bom;
      }
      // A trailing '\r' (CRLF files) is JSON whitespace, so it needs no special handling.
      if (Bytes.isBlank(b, off, len)) continue;
      any = true;
      // The unfinished last line of a cut gzip is part of the damage the caller reports.
      if (lines.unterminated && Inputs.failure(in) != null) break;
      if (Bytes.containsNul(b, off, len)) {
        ctx.problem(location + ":" + lines.number, "binary content (NUL byte), not a JSON line");
        continue;
      }
      Article article;
      try {
        if (Utf8.isWellFormed(b, off, len)) {
          // Jackson decodes UTF-8 as it parses: decoding the line to chars first, then parsing
          // the chars, cost twice as much (measured on news JSONL: 4.2 vs 1.9 ns per byte).
          // Valid UTF-8 decodes to well-formed UTF-16: only a \\uD8xx-style escape can put a
          // lone surrogate in a string, so without one the per-field scan is skipped.
          boolean surrogates = Bytes.mayEscapeSurrogate(b, off, len);
          try (JsonParser p = ArticleJson.FACTORY.createParser(b, off, len)) {
            article = ArticleJson.parseRecord(p, ctx.fields(), surrogates);
          }
        } else {
          // Guava and the JDK decoder agree on what is well-formed, so this throws, naming the
          // offset of the bad byte.
          CharBuffer chars = utf8.decode(b, off, len, lines.offset + (off - lines.start));
          try (JsonParser p = ArticleJson.FACTORY.createParser(chars.array(), 0, chars.limit())) {
            article = ArticleJson.parseRecord(p, ctx.fields());
          }
        }
      } catch (Bytes.InvalidUtf8Exception | ArticleJson.BadRecordException e) {
        ctx.problem(location + ":" + lines.number, e.getMessage());
        continue;
      } catch (JsonProcessingException e) {
        ctx.problem(location + ":" + lines.number, "malformed JSON: " + shortReason(e));
        continue;
      }
      // parseRecord has applied ArticleLimits.
      ctx.checkedArticle(location + ":" + lines.number, article);
    }
    if (!any) ctx.problem(location, "empty file");
  }

  /**
   * Jackson's message without the source excerpt and position, which the location already gives.
   */
  static String shortReason(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) return e.getClass().getSimpleName();
    m = Inputs.firstLine(m);
    for (String cut : new String[] {" (start marker at", " at [Source"}) {
      int i = m.indexOf(cut);
      if (i > 0) m = m.substring(0, i);
    }
    return m;
  }

  /**
   * Splits a byte stream at {@code '\n'} without decoding it, so that invalid UTF-8 can be located
   * by byte offset and confined to its line. The current line is {@code buffer[start, start +
   * length)}, valid until the next call. A line longer than the cap is read through and dropped
   * ({@link #tooLong}), so memory stays bounded whatever the input.
   */
  static final class LineSplitter {
    private final InputStream in;
    private final int max;
    byte[] buffer = new byte[Inputs.BUFFER];
    int start;
    int length;
    long number;

    /** Offset of the current line in the stream. */
    long offset;

    /** The current line was longer than the cap; its bytes were dropped. */
    boolean tooLong;

    /** The current line ended at the end of input, without a line break. */
    boolean unterminated;

    private int next;
    private int end;
    private long bufferBase;
    private boolean eof;

    LineSplitter(InputStream in) {
      this(in, Integer.MAX_VALUE - 16);
    }

    LineSplitter(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    boolean next() throws IOException {
      tooLong = false;
      long skipFrom = -1;
      int scan = next;
      while (true) {
        for (int i = scan; i < end; i++) {
          if (buffer[i] == '\n') return skipFrom >= 0 ? skipped(skipFrom, i + 1) : take(i, i + 1);
        }
        scan = end;
        if (eof) {
          if (skipFrom >= 0) return skipped(skipFrom, end);
          return next < end && take(end, end);
        }
        if (skipFrom < 0 && end - next > max) skipFrom = bufferBase + next;
        if (skipFrom >= 0) {
          // Drop what is buffered of the oversized line and read on to its end.
          bufferBase += end;
          next = 0;
          end = 0;
          scan = 0;
        } else if (next > 0) {
          // Keep the unfinished line at the start of the buffer.
          int rest = end - next;
          System.arraycopy(buffer, next, buffer, 0, rest);
          bufferBase += next;
          scan -= next;
          end = rest;
          next = 0;
        }
        if (end == buffer.length)
          buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, max + 1L));
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) eof = true;
        else end += n;
      }
    }

    private boolean take(int lineEnd, int after) {
      unterminated = lineEnd == after;
      start = next;
      length = lineEnd - next;
      offset = bufferBase + next;
      number++;
      next = after;
      return true;
    }

    private boolean skipped(long from, int after) {
      unterminated = after == end && eof;
      start = after;
      length = 0;
      offset = from;
      number++;
      next = after;
      tooLong = true;
      return true;
    }
  }
}
