package dev.storytrack.article;

import static dev.storytrack.article.ReaderTestSupport.read;
import static dev.storytrack.article.ReaderTestSupport.write;
import static dev.storytrack.article.ReaderTestSupport.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReaderTest {
  @TempDir Path dir;

  private Article readHtml(String name, String html) throws IOException {
    return ArticleReaders.readOne(write(dir.resolve(name), html), Format.AUTO);
  }

  @Test
  void openGraphMetadataWins() throws IOException {
    String page =
        """
        <!doctype html><html><head>
        <title>Page title | Site</title>
        <meta property="og:title" content="  The   OG title ">
        <meta property="og:site_name" content="Example News">
        <meta property="og:url" content="https://example.com/og">
        <link rel="canonical" href="https://example.com/news/story-1">
        <meta property="article:published_time" content="2019-04-02T10:00:00+02:00">
        </head><body><h1>Heading</h1><p>Body</p></body></html>""";
    Article a = readHtml("000_page.html.gz.html", page);
    assertThat(a.id()).isEqualTo("000_page.html.gz");
    assertThat(a.title()).isEqualTo("The OG title");
    assertThat(a.source()).isEqualTo("Example News");
    assertThat(a.url()).isEqualTo("https://example.com/news/story-1");
    assertThat(a.published()).isEqualTo(Instant.parse("2019-04-02T08:00:00Z"));
    assertThat(a.text()).isEmpty();
    assertThat(a.html()).isEqualTo(page);
  }

  @Test
  void fallsBackToTitleTagOgUrlHostAndTimeElement() throws IOException {
    Article a =
        readHtml(
            "p.htm",
            """
        <html><head><title> Plain title </title>
        <meta property="og:url" content="https://www.example.org/a/b">
        </head><body><h1>H</h1><time datetime="2020-01-05">Jan 5</time></body></html>""");
    assertThat(a.title()).isEqualTo("Plain title");
    assertThat(a.url()).isEqualTo("https://www.example.org/a/b");
    assertThat(a.source()).isEqualTo("example.org"); // hosts are normalised: no www.
    assertThat(a.published()).isEqualTo(Instant.parse("2020-01-05T00:00:00Z"));
  }

  @Test
  void firstHeadingWhenNoTitle() throws IOException {
    Article a =
        readHtml("h.xhtml", "<html><body><h1> Only  heading </h1><h1>second</h1></body></html>");
    assertThat(a.title()).isEqualTo("Only heading");
    assertThat(a.published()).isNull();
    assertThat(a.url()).isEmpty();
    assertThat(a.source()).isEmpty();
  }

  @Test
  void publishedFromMetaVariants() throws IOException {
    String[] metas = {
      "<meta property=\"og:article:published_time\" content=\"2019-04-02T10:00:00Z\">",
      "<meta itemprop=\"datePublished\" content=\"2019-04-02T10:00:00Z\">",
      "<meta name=\"pubdate\" content=\"2019-04-02T10:00:00Z\">",
      "<meta name=\"date\" content=\"2019-04-02 10:00:00\">",
      "<meta name=\"DC.date.issued\" content=\"2019-04-02T12:00:00+0200\">",
    };
    for (int i = 0; i < metas.length; i++) {
      Article a =
          readHtml("m" + i + ".html", "<html><head>" + metas[i] + "</head><body>x</body></html>");
      assertThat(a.published()).as(metas[i]).isEqualTo(Instant.parse("2019-04-02T10:00:00Z"));
    }
  }

  @Test
  void publishedFromJsonLdIncludingGraphAndBeforeTimeElements() throws IOException {
    Article plain =
        readHtml(
            "j1.html",
            """
        <html><head><script type="application/ld+json">
        {"@type":"NewsArticle","datePublished":"2019-04-02T10:00:00Z"}
        </script></head><body><time datetime="2001-01-01">old</time></body></html>""");
    assertThat(plain.published()).isEqualTo(Instant.parse("2019-04-02T10:00:00Z"));
    Article graph =
        readHtml(
            "j2.html",
            """
        <html><head>
        <script type="application/ld+json">{ broken json</script>
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
          {"@type":"Article","datePublished":"2019-04-03T08:30:00+00:00"}]}
        </script></head><body></body></html>""");
    assertThat(graph.published()).isEqualTo(Instant.parse("2019-04-03T08:30:00Z"));
  }

  @Test
  void honoursMetaCharset() throws IOException {
    String page =
        "<html><head><meta charset=\"ISO-8859-1\"><title>Caf\u00e9 cr\u00e8me</title></head><body>\u00e9t\u00e9</body></html>";
    Path f = writeBytes(dir.resolve("latin.html"), page.getBytes(Charset.forName("ISO-8859-1")));
    Article a = ArticleReaders.readOne(f, Format.AUTO);
    assertThat(a.title()).isEqualTo("Caf\u00e9 cr\u00e8me");
    assertThat(a.html()).isEqualTo(page);
  }

  @Test
  void honoursUtf16Bom() throws IOException {
    String page = "<html><head><title>\u00dcber</title></head><body>x</body></html>";
    byte[] body = page.getBytes(Charset.forName("UTF-16BE"));
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFE;
    bytes[1] = (byte) 0xFF;
    System.arraycopy(body, 0, bytes, 2, body.length);
    ReaderTestSupport r = read(Format.AUTO, writeBytes(dir.resolve("wide.html"), bytes));
    assertThat(r.problems).isEmpty();
    assertThat(r.articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.title()).isEqualTo("\u00dcber");
              assertThat(a.html()).isEqualTo(page);
            });
  }
}
