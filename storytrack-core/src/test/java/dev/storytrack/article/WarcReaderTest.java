package dev.storytrack.article;

import static dev.storytrack.article.ReaderTestSupport.read;
import static dev.storytrack.article.ReaderTestSupport.utf8;
import static dev.storytrack.article.ReaderTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

class WarcReaderTest {
  @TempDir Path dir;

  private static final String PAGE =
      """
      <html><head><title>Story one</title>
      <meta property="article:published_time" content="2019-04-02T10:00:00Z">
      <meta property="og:site_name" content="Ignored Site">
      </head><body><p>Text</p></body></html>""";

  /** Writes a small WARC; returns the record ids of its HTML responses. */
  private List<String> writeWarc(Path file, WarcCompression compression, boolean withHtml)
      throws IOException {
    List<String> ids = new ArrayList<>();
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(
                file,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE),
            compression)) {
      w.write(new Warcinfo.Builder().fields(java.util.Map.of("software", List.of("test"))).build());
      w.write(
          new WarcRequest.Builder("https://news.example.com/one")
              .body(new HttpRequest.Builder("GET", "/one").build())
              .build());
      if (withHtml) {
        WarcResponse html =
            new WarcResponse.Builder("https://news.example.com/one")
                .body(
                    new HttpResponse.Builder(200, "OK")
                        .body(MediaType.parse("text/html; charset=utf-8"), utf8(PAGE))
                        .build())
                .build();
        w.write(html);
        ids.add(html.id().toString().substring("urn:uuid:".length()));
      }
      w.write(
          new WarcResponse.Builder("https://news.example.com/logo.png")
              .body(
                  new HttpResponse.Builder(200, "OK")
                      .body(MediaType.parse("image/png"), new byte[] {1, 2, 3})
                      .build())
              .build());
      w.write(
          new WarcResponse.Builder("https://news.example.com/old")
              .body(
                  new HttpResponse.Builder(301, "Moved")
                      .body(MediaType.HTML, utf8("<html>moved</html>"))
                      .build())
              .build());
      if (withHtml) {
        WarcResponse second =
            new WarcResponse.Builder("https://other.example.net/two?x=1")
                .body(
                    new HttpResponse.Builder(200, "OK")
                        .body(MediaType.HTML, utf8("<html><h1>Two</h1></html>"))
                        .build())
                .build();
        w.write(second);
        ids.add(second.id().toString().substring("urn:uuid:".length()));
      }
    }
    return ids;
  }

  @Test
  void htmlResponsesBecomeArticles() throws IOException {
    Path f = dir.resolve("crawl.warc");
    List<String> ids = writeWarc(f, WarcCompression.NONE, true);
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles).extracting(Article::id).containsExactlyElementsOf(ids);
    Article one = r.articles.get(0);
    assertThat(one.url()).isEqualTo("https://news.example.com/one");
    assertThat(one.source()).isEqualTo("news.example.com");
    assertThat(one.title()).isEqualTo("Story one");
    assertThat(one.published()).isEqualTo(Instant.parse("2019-04-02T10:00:00Z"));
    assertThat(one.html()).isEqualTo(PAGE);
    assertThat(one.text()).isEmpty();
    Article two = r.articles.get(1);
    assertThat(two.title()).isEqualTo("Two");
    assertThat(two.source()).isEqualTo("other.example.net");
  }

  @Test
  void gzippedWarc() throws IOException {
    Path f = dir.resolve("crawl.warc.gz");
    List<String> ids = writeWarc(f, WarcCompression.GZIP, true);
    assertThat(ArticleReaders.readOne(f, Format.AUTO).id()).isEqualTo(ids.get(0));
    assertThat(read(Format.AUTO, f).articles)
        .extracting(Article::id)
        .containsExactlyElementsOf(ids);
  }

  @Test
  void warcWithoutHtmlHasNoArticleAndNoProblem() throws IOException {
    Path f = dir.resolve("images.warc");
    writeWarc(f, WarcCompression.NONE, false);
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.summary).isEqualTo(new ReadSummary(0, 0));
    assertThatThrownBy(() -> ArticleReaders.readOne(f, Format.AUTO))
        .hasMessage(f + ": no article found");
  }

  @Test
  void notAWarcIsAProblem() throws IOException {
    Path f = write(dir.resolve("fake.warc"), "this is not a web archive\n");
    assertThat(read(Format.AUTO, f).problemLines())
        .singleElement()
        .asString()
        .startsWith(f + ": malformed WARC");
  }

  @Test
  void warcWithoutExtensionIsSniffed() throws IOException {
    Path f = dir.resolve("crawl-0001");
    List<String> ids = writeWarc(f, WarcCompression.NONE, true);
    assertThat(read(Format.AUTO, f).articles)
        .extracting(Article::id)
        .containsExactlyElementsOf(ids);
  }

  @Test
  void aCutWarcGzKeepsTheRecordsBeforeTheCutAndSaysSo() throws IOException {
    Path whole = dir.resolve("whole.warc.gz");
    List<String> ids = writeWarc(whole, WarcCompression.GZIP, true);
    byte[] bytes = Files.readAllBytes(whole);
    // Cut inside the last member (the second page), and cut a member header (5 bytes of the next).
    Path cut =
        ReaderTestSupport.writeBytes(
            dir.resolve("cut.warc.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 30));
    ReaderTestSupport r = read(Format.AUTO, cut);
    assertThat(r.articles).extracting(Article::id).containsExactly(ids.get(0));
    assertThat(r.problemLines())
        .singleElement()
        .asString()
        .startsWith(cut + ": corrupt gzip: truncated at compressed byte ")
        .endsWith("the complete records before it were read, the rest is lost");
    byte[] withHeader = java.util.Arrays.copyOf(bytes, bytes.length + 5);
    System.arraycopy(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0}, 0, withHeader, bytes.length, 5);
    Path header = ReaderTestSupport.writeBytes(dir.resolve("header.warc.gz"), withHeader);
    ReaderTestSupport h = read(Format.AUTO, header);
    assertThat(h.articles).extracting(Article::id).containsExactlyElementsOf(ids);
    assertThat(h.problemLines())
        .singleElement()
        .asString()
        .startsWith(header + ": corrupt gzip: truncated member header");
  }

  @Test
  void aCutWarcIsOneProblemAndAWholeFileGzipCutSaysGzip() throws IOException {
    Path plain = dir.resolve("plain.warc");
    List<String> ids = writeWarc(plain, WarcCompression.NONE, true);
    byte[] bytes = Files.readAllBytes(plain);
    // Cut inside the second page's record: one problem that says the file ends inside a record.
    int second = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf("<h1>Two");
    Path cut =
        ReaderTestSupport.writeBytes(
            dir.resolve("cut.warc"), java.util.Arrays.copyOf(bytes, second));
    ReaderTestSupport r = read(Format.AUTO, cut);
    assertThat(r.articles).extracting(Article::id).containsExactly(ids.get(0));
    assertThat(r.problemLines())
        .singleElement()
        .asString()
        .contains("truncated: the input ends inside a record");

    // The whole file gzipped as one member (not one member per record), cut in the middle.
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(bytes);
    }
    byte[] z = gz.toByteArray();
    Path zcut =
        ReaderTestSupport.writeBytes(
            dir.resolve("whole-cut.warc.gz"), java.util.Arrays.copyOf(z, z.length - 40));
    ReaderTestSupport c = read(Format.AUTO, zcut);
    assertThat(c.articles).extracting(Article::id).containsExactly(ids.get(0));
    assertThat(c.problemLines())
        .singleElement()
        .asString()
        .startsWith(zcut + ": corrupt gzip: truncated at compressed byte ");
  }
}
