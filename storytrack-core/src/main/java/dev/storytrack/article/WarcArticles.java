package dev.storytrack.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Web archives: every successful {@code response} record with an HTML payload is one article. Other
 * records (requests, metadata, images, redirects) are skipped silently.
 */
final class WarcArticles {
  private WarcArticles() {}

  static void read(InputStream in, String location, ReadContext ctx) throws IOException {
    WarcReader reader;
    try {
      reader = new WarcReader(in);
    } catch (ParsingException e) {
      ctx.problem(location, "malformed WARC: " + Inputs.firstLine(e.getBaseMessage()));
      return;
    } catch (RuntimeException e) {
      ctx.problem(location, "malformed WARC: " + Inputs.firstLine(String.valueOf(e.getMessage())));
      return;
    }
    try (reader) {
      reader.setLenient(true);
      reader.onWarning(w -> {}); // lenient parsing already recovers; warnings are noise here
      // A record cut short is reported once: reading on to the next record then fails on the
      // same missing bytes.
      boolean lastReported = false;
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (ParsingException | RuntimeException e) {
          // The record boundary is lost; the rest of the file cannot be trusted. A cut gzip is
          // reported by the caller instead.
          if (Inputs.failure(in) == null)
            ctx.problem(
                location,
                "malformed WARC: "
                    + Inputs.firstLine(
                        e instanceof ParsingException p
                            ? p.getBaseMessage()
                            : String.valueOf(e.getMessage())));
          return;
        } catch (IOException e) {
          // The input ends inside a record (a cut file); a cut gzip is reported by the caller.
          if (Inputs.failure(in) == null && !lastReported)
            ctx.problem(location, "malformed WARC: " + Inputs.reason(e));
          return;
        }
        if (next.isEmpty()) return;
        if (!(next.get() instanceof WarcResponse response)) continue;
        Article article;
        try {
          article = toArticle(response);
        } catch (IOException e) {
          if (Inputs.failure(in) != null) return;
          ctx.problem(location, "record " + recordId(response) + ": " + Inputs.reason(e));
          lastReported = true;
          continue;
        } catch (RuntimeException e) {
          // jwarc parses headers (media types, status lines) lazily and throws unchecked for
          // malformed ones (found by ReadersFuzzTest.warc): that record is bad, not the file.
          if (Inputs.failure(in) != null) return;
          ctx.problem(
              location,
              "record "
                  + recordId(response)
                  + ": malformed ("
                  + Inputs.firstLine(String.valueOf(e.getMessage()))
                  + ")");
          continue;
        }
        // A record that ran into a cut gzip may be partial: it and the rest are the damage.
        if (Inputs.failure(in) != null) return;
        lastReported = false;
        if (article != null) ctx.article(location + " record " + article.id(), article);
      }
    }
  }

  /** The article of one response record, or null when it is not a successful HTML page. */
  private static Article toArticle(WarcResponse response) throws IOException {
    MediaType recordType = response.contentType();
    if (!"application".equals(recordType.type()) || !"http".equals(recordType.subtype()))
      return null;
    HttpResponse http = response.http();
    if (http.status() < 200 || http.status() > 299) return null;
    Optional<String> declared = http.headers().first("Content-Type");
    MediaType type = declared.map(MediaType::parseLeniently).orElse(null);
    if (type != null && !isHtml(type) && !isUnspecific(type)) return null;
    byte[] body = http.bodyDecoded().stream().readNBytes(WholeFile.MAX_BYTES + 1);
    if (body.length > WholeFile.MAX_BYTES || Bytes.isBlank(body, 0, body.length)) return null;
    if ((type == null || !isHtml(type)) && !looksLikeHtml(body)) return null;
    String target = response.target();
    HtmlMetadata page = HtmlMetadata.parse(body, charsetOf(type), target);
    return new Article(
        recordId(response),
        HtmlMetadata.host(target),
        target,
        page.title,
        page.published,
        "",
        page.html);
  }

  private static String recordId(WarcRecord record) {
    String id = record.id().toString();
    return id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id;
  }

  private static boolean isHtml(MediaType t) {
    String base = (t.type() + "/" + t.subtype()).toLowerCase(Locale.ROOT);
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  /** Types servers send when they do not know better; the payload decides. */
  private static boolean isUnspecific(MediaType t) {
    return !t.isValid()
        || "application/octet-stream".equalsIgnoreCase(t.type() + "/" + t.subtype());
  }

  private static boolean looksLikeHtml(byte[] body) {
    String head =
        new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return head.contains("<!doctype html") || head.contains("<html");
  }

  /** The header's charset label as given; {@link PageCharset} resolves (or ignores) it. */
  private static String charsetOf(MediaType type) {
    return type == null ? null : type.parameters().get("charset");
  }
}
