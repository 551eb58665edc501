package dev.storytrack.article;

import static dev.storytrack.article.ReaderTestSupport.read;
import static dev.storytrack.article.ReaderTestSupport.write;
import static dev.storytrack.article.ReaderTestSupport.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-world inputs (issue 22): feeds, legacy charsets, renamed fields, duplicates, dates, sources.
 */
class RealInputsTest {
  @TempDir Path dir;

  private Path fixture(String name, String as) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/feeds/" + name)) {
      return Files.write(dir.resolve(as), in.readAllBytes());
    }
  }

  @Test
  void rssItemsAreOneArticleEach() throws IOException {
    Path f = fixture("news.rss", "news.rss");
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles)
        .extracting(Article::id)
        .containsExactly(
            "ex-1001",
            "https://www.example.com/2019/04/markets",
            "https://www.example.com/2019/04/minister");
    Article storm = r.articles.get(0);
    assertThat(storm.url()).isEqualTo("https://www.example.com/2019/04/storm");
    assertThat(storm.title()).isEqualTo("Storm hits the coast");
    assertThat(storm.published()).isEqualTo(Instant.parse("2019-04-02T10:00:00Z"));
    assertThat(storm.text())
        .isEqualTo("A storm hit the coast on Tuesday.\n\nThousands lost power.");
    assertThat(storm.source()).isEqualTo("example.com");
    assertThat(storm.sourceName()).isEqualTo("Example News");
    // A headline-only item is an article, not a skipped record.
    assertThat(r.articles.get(2).title()).isEqualTo("Minister resigns");
    assertThat(r.articles.get(2).text()).isEmpty();
  }

  @Test
  void atomPrefersContentOverSummaryAndFallsBackToUpdated() throws IOException {
    ReaderTestSupport r = read(Format.AUTO, fixture("news.atom", "news.atom"));
    assertThat(r.problems).isEmpty();
    assertThat(r.articles).hasSize(2);
    assertThat(r.articles.get(0).text()).isEqualTo("The bridge reopened after repairs.");
    assertThat(r.articles.get(0).published()).isEqualTo(Instant.parse("2019-04-03T06:00:00Z"));
    assertThat(r.articles.get(0).source()).isEqualTo("atom.example.org");
    assertThat(r.articles.get(1).published()).isEqualTo(Instant.parse("2019-04-03T07:00:00Z"));
    assertThat(r.articles.get(1).text()).isEqualTo("Unions agreed to a deal.");
  }

  @Test
  void rdfAndXmlByContentAndFormatFeed() throws IOException {
    assertThat(read(Format.AUTO, fixture("news.rdf", "news.rdf")).articles)
        .extracting(Article::title)
        .containsExactly("Floods in the north", "Election called");
    // .xml: a feed when the content is one, else a clear problem (not an HTML page of XML).
    Path xml = fixture("news.rss", "feed.xml");
    assertThat(read(Format.AUTO, xml).articles).hasSize(3);
    Path sitemap =
        write(dir.resolve("sitemap.xml"), "<?xml version=\"1.0\"?><urlset><url/></urlset>");
    assertThat(read(Format.AUTO, sitemap).problemLines())
        .containsExactly(sitemap + ": XML but not an RSS, Atom or RDF feed");
    // An unknown extension is sniffed; an explicit --format feed reads any name.
    assertThat(read(Format.AUTO, fixture("news.atom", "download")).articles).hasSize(2);
    assertThat(read(Format.FEED, fixture("news.rdf", "rdf.txt")).articles).hasSize(2);
    // A directory picks up .xml feeds by content; an unknown extension is left out, .txt is text.
    ReaderTestSupport all = read(Format.AUTO, dir);
    assertThat(all.articles)
        .extracting(Article::title)
        .containsExactly(
            "Storm hits the coast",
            "Markets close higher",
            "Minister resigns",
            "Floods in the north",
            "Election called",
            "<?xml version=\"1.0\"?>");
    assertThat(all.problemLines())
        .containsExactly(sitemap + ": XML but not an RSS, Atom or RDF feed");
  }

  @Test
  void malformedFeedIsOneProblem() throws IOException {
    Path f = write(dir.resolve("bad.rss"), "<rss><channel><item><title>x</title></channel>");
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.articles).isEmpty();
    assertThat(r.problemLines())
        .singleElement()
        .asString()
        .startsWith(f + ": not a readable RSS, Atom or RDF feed");
  }

  @Test
  void legacyAndWideCharsetTextIsRead() throws IOException {
    String body =
        "Fran\u00e7ois M\u00fcller a dit: \u00ab d\u00e9j\u00e0 \u00bb, a stra\u00dfe caf\u00e9 na\u00efve.";
    Path latin1 =
        writeBytes(
            dir.resolve("latin1.txt"), ("Titre\n\n" + body).getBytes(StandardCharsets.ISO_8859_1));
    byte[] utf16 = ("\uFEFFTitle\n\n" + body).getBytes(StandardCharsets.UTF_16LE);
    Path wide = writeBytes(dir.resolve("utf16.txt"), utf16);
    ReaderTestSupport r = read(Format.AUTO, latin1, wide);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles).extracting(Article::text).containsExactly(body, body);
    assertThat(r.articles.get(1).title()).isEqualTo("Title");
    // Genuinely binary input is still refused.
    Path bin = writeBytes(dir.resolve("bin.txt"), new byte[] {1, 2, 3, 0, 5, 6, 7, 8});
    assertThat(read(Format.AUTO, bin).problemLines())
        .containsExactly(bin + ": binary content, not text");
  }

  @Test
  void fieldMappingReadsRecordsWithOtherNames() throws IOException {
    Path f =
        write(
            dir.resolve("other.jsonl"),
            String.join(
                "\n",
                "{\"doc_id\":\"d1\",\"dct\":\"2019-04-02T10:00:00Z\",\"body\":\"Text one\",\"title\":\"T1\"}",
                "{\"doc_id\":\"d2\",\"dct\":\"2019-04-03\",\"body\":\"Text two\",\"text\":\"ignored\"}",
                ""));
    ReaderTestSupport plain = read(Format.AUTO, f);
    assertThat(plain.articles).isEmpty();
    assertThat(plain.summary.nothingRead()).isTrue();
    assertThat(plain.problems.get(0).reason()).contains("--field");

    FieldMap map = FieldMap.parse("id=doc_id,published=dct,text=body");
    List<Article> got = new ArrayList<>();
    List<ReadProblem> problems = new ArrayList<>();
    ReadSummary s =
        ArticleReaders.read(
            List.of(f.toString()),
            Format.AUTO,
            map,
            got::add,
            problems::add,
            new ByteArrayInputStream(new byte[0]));
    assertThat(problems).isEmpty();
    assertThat(s.nothingRead()).isFalse();
    assertThat(got).extracting(Article::id).containsExactly("d1", "d2");
    assertThat(got.get(1).text()).isEqualTo("Text two");
    assertThat(got.get(1).dateOnly()).isTrue();
    assertThatThrownBy(() -> FieldMap.parse("body=text"))
        .hasMessageContaining("unknown article field \"body\"");
  }

  @Test
  void idFromUrlTitleOnlyAndAllEmpty() throws IOException {
    Path f =
        write(
            dir.resolve("r.jsonl"),
            String.join(
                "\n",
                "{\"url\":\"https://example.com/a#top\",\"title\":\"Headline only\"}",
                "{\"id\":\"e\",\"title\":\"\",\"text\":\"\"}",
                ""));
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("https://example.com/a");
              assertThat(a.title()).isEqualTo("Headline only");
            });
    assertThat(r.problemLines())
        .singleElement()
        .asString()
        .startsWith(f + ":2: title, text and html all empty");
  }

  @Test
  void duplicateIdsInOneBatchAreReported() throws IOException {
    Path f =
        write(
            dir.resolve("dup.jsonl"),
            String.join(
                "\n",
                "{\"id\":\"a\",\"text\":\"first\"}",
                "{\"id\":\"b\",\"text\":\"other\"}",
                "{\"id\":\"a\",\"text\":\"second\"}",
                ""));
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.articles).hasSize(3);
    assertThat(r.problemLines())
        .containsExactly(f + ":3: duplicate id a, first at line 1; the later record is kept");
    assertThat(r.summary.duplicates()).isEqualTo(1);
    assertThat(r.summary.problems()).isZero();
  }

  @Test
  void dateOnlyKeepsItsPrecision() {
    Article day =
        ArticleJson.fromLine("{\"id\":\"d\",\"text\":\"x\",\"published\":\"2019-04-02\"}");
    assertThat(day.dateOnly()).isTrue();
    assertThat(day.publishedText()).isEqualTo("2019-04-02");
    assertThat(ArticleJson.toLine(day)).contains("\"published\":\"2019-04-02\"");
    assertThat(ArticleJson.fromLine(ArticleJson.toLine(day))).isEqualTo(day);
    Article timed =
        ArticleJson.fromLine(
            "{\"id\":\"z\",\"text\":\"x\",\"published\":\"2019-04-02T15:00:00Z\"}");
    assertThat(timed.dateOnly()).isFalse();
    // Same day: the known time wins over the date-only midnight, which is no time of publication.
    assertThat(List.of(day, timed).stream().sorted(Article.EARLIEST).toList())
        .containsExactly(timed, day);
    Article earlierDay =
        ArticleJson.fromLine("{\"id\":\"y\",\"text\":\"x\",\"published\":\"2019-04-01\"}");
    assertThat(List.of(timed, earlierDay).stream().sorted(Article.EARLIEST).toList())
        .containsExactly(earlierDay, timed);
  }

  @Test
  void hostSourcesAreNormalisedAndDisplayNamesKept() {
    assertThat(
            List.of(
                "www.example.com",
                "example.com:80",
                "Example.COM",
                "example.com:443",
                "example.com."))
        .allSatisfy(s -> assertThat(Sources.normalize(s)).isEqualTo("example.com"));
    assertThat(Sources.normalize("example.com:8080")).isEqualTo("example.com:8080");
    assertThat(Sources.normalize("BBC News")).isEqualTo("BBC News");
    assertThat(Sources.ofUrl("HTTP://WWW.Example.com:80/x")).isEqualTo("example.com");
    Article a =
        ArticleJson.fromLine(
            "{\"id\":\"s\",\"text\":\"x\",\"source\":\"www.Example.com\",\"sourceName\":\"Example News\"}");
    assertThat(a.source()).isEqualTo("example.com");
    assertThat(a.sourceLabel()).isEqualTo("Example News");
    assertThat(ArticleJson.fromLine(ArticleJson.toLine(a))).isEqualTo(a);
  }

  static Charset cp1252() {
    return Charset.forName("windows-1252");
  }
}
