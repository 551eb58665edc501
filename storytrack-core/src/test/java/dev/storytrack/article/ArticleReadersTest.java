package dev.storytrack.article;

import static dev.storytrack.article.ReaderTestSupport.gzip;
import static dev.storytrack.article.ReaderTestSupport.read;
import static dev.storytrack.article.ReaderTestSupport.readWithStdin;
import static dev.storytrack.article.ReaderTestSupport.utf8;
import static dev.storytrack.article.ReaderTestSupport.write;
import static dev.storytrack.article.ReaderTestSupport.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReadersTest {
  @TempDir Path dir;

  // ---- TEXT ----

  @Test
  void textFirstNonEmptyLineIsTitleAndLayoutIsKept() throws IOException {
    Path f =
        write(
            dir.resolve("story.txt"),
            "\n  \n  The Title  \n\n\n  Para one\nline two\n\nPara two\n\n");
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles)
        .containsExactly(
            new Article(
                "story", "", "", "The Title", null, "  Para one\nline two\n\nPara two", null));
    assertThat(r.summary).isEqualTo(new ReadSummary(1, 0));
  }

  @Test
  void textNormalisesLineEndingsAndStripsBom() throws IOException {
    byte[] body = utf8("Title\r\n\r\nA\r\nB\r\n");
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Article a = ArticleReaders.readOne(writeBytes(dir.resolve("crlf.text"), withBom), Format.AUTO);
    assertThat(a.title()).isEqualTo("Title");
    assertThat(a.text()).isEqualTo("A\nB");
  }

  @Test
  void textTitleOnlyIsAHeadlineArticle() throws IOException {
    Path f = write(dir.resolve("t.txt"), "Only a title\n\n");
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.title()).isEqualTo("Only a title");
              assertThat(a.text()).isEmpty();
            });
  }

  @Test
  void readsTheSeedArticles() throws Exception {
    Path seeds = Path.of(getClass().getResource("/seeds").toURI());
    ReaderTestSupport r = read(Format.AUTO, seeds);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles)
        .extracting(Article::id)
        .containsExactly("000_4a850577689245d9", "001_d615f29dd00c4665");
    assertThat(r.articles)
        .extracting(Article::title)
        .containsExactly(
            "US-backed force tracks Syria extremists after ‘caliphate’ falls",
            "Coalition hunts down remaining 'Islamic State' fighters in Syria");
    assertThat(r.articles.get(0).text()).startsWith("BEIRUT: A US-backed force said Tuesday");
    assertThat(r.articles.get(1).text())
        .startsWith("A US F-16 fighter jet supports operations over Syria.");
    assertThat(r.articles.get(1).text()).contains("Baghouz,\" he said.\n\n\n'Islamic Stat");
  }

  // ---- gzip ----

  @Test
  void gzipByExtensionAndIdWithoutExtensions() throws IOException {
    Path f = writeBytes(dir.resolve("000_abc.txt.gz"), gzip(utf8("Head\n\nBody text")));
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.articles).containsExactly(Article.ofText("000_abc", "Head", "Body text"));
  }

  @Test
  void gzipDetectedByMagicBytesWithoutExtension() throws IOException {
    Path f = writeBytes(dir.resolve("plain.jsonl"), gzip(utf8("{\"id\":1,\"text\":\"t\"}\n")));
    assertThat(read(Format.AUTO, f).articles).extracting(Article::id).containsExactly("1");
  }

  @Test
  void truncatedGzipIsAProblemAfterTheRecordsBeforeIt() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20000; i++)
      sb.append("{\"id\":")
          .append(i)
          .append(",\"text\":\"text number ")
          .append(i * 7919)
          .append("\"}\n");
    byte[] gz = gzip(utf8(sb.toString()));
    Path f = writeBytes(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(gz, gz.length / 2));
    ReaderTestSupport r = read(Format.AUTO, f);
    // Every line complete before the cut is read: as many as a byte-at-a-time decompression gives.
    int complete = 0;
    try (var in =
        new java.util.zip.GZIPInputStream(
            new ByteArrayInputStream(Arrays.copyOf(gz, gz.length / 2)))) {
      int c;
      while ((c = in.read()) >= 0) if (c == '\n') complete++;
    } catch (java.io.EOFException expected) {
      // the cut
    }
    assertThat(r.articles).hasSize(complete).hasSizeLessThan(20000);
    assertThat(r.articles.get(complete - 1).id()).isEqualTo(String.valueOf(complete - 1));
    assertThat(r.problemLines())
        .singleElement()
        .asString()
        .startsWith(f + ": corrupt gzip: truncated at compressed byte " + gz.length / 2);
  }

  @Test
  void garbageOrACutHeaderAfterAGzipMemberIsReportedNotDropped() throws IOException {
    byte[] one = gzip(utf8("{\"id\":\"m1\",\"text\":\"x\"}\n"));
    byte[] two = gzip(utf8("{\"id\":\"m2\",\"text\":\"y\"}\n"));
    byte[] garbage = Arrays.copyOf(one, one.length + 40);
    Arrays.fill(garbage, one.length, garbage.length, (byte) 'g');
    Path g = writeBytes(dir.resolve("garbage.jsonl.gz"), garbage);
    ReaderTestSupport r = read(Format.AUTO, g);
    assertThat(r.articles).extracting(Article::id).containsExactly("m1");
    assertThat(r.problemLines())
        .singleElement()
        .asString()
        .startsWith(g + ": corrupt gzip: garbage after member 1");
    byte[] cut = Arrays.copyOf(one, one.length + 6);
    System.arraycopy(two, 0, cut, one.length, 6);
    Path c = writeBytes(dir.resolve("cut.jsonl.gz"), cut);
    assertThat(read(Format.AUTO, c).problemLines())
        .singleElement()
        .asString()
        .startsWith(c + ": corrupt gzip: truncated member header");
  }

  @Test
  void gzExtensionWithoutGzipDataIsCorrupt() throws IOException {
    Path f = write(dir.resolve("fake.txt.gz"), "Title\n\ntext");
    assertThat(read(Format.AUTO, f).problemLines())
        .containsExactly(f + ": corrupt gzip: not in gzip format");
  }

  @Test
  void corruptGzipBodyIsAProblem() throws IOException {
    byte[] gz = gzip(utf8("Title\n\nsome text that compresses ".repeat(50)));
    for (int i = 12; i < gz.length - 8; i++) gz[i] = (byte) 0xff;
    Path f = writeBytes(dir.resolve("bad.txt.gz"), gz);
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.articles).isEmpty();
    assertThat(r.problemLines()).singleElement().asString().startsWith(f + ": corrupt gzip: ");
  }

  // ---- directories, sniffing, explicit format ----

  @Test
  void directoryIsRecursiveInPathOrderAndSkipsHiddenAndUnknownFiles() throws IOException {
    Path root = dir.resolve("in");
    write(root.resolve("b.txt"), "B\n\nb");
    write(root.resolve("a/c.txt"), "C\n\nc");
    write(root.resolve("a.txt"), "A\n\na");
    write(root.resolve("a/z/d.jsonl"), "{\"id\":\"d\",\"text\":\"d\"}\n");
    write(root.resolve(".hidden.txt"), "H\n\nh");
    write(root.resolve(".git/e.txt"), "E\n\ne");
    write(root.resolve("notes.md"), "not an article");
    ReaderTestSupport r = read(Format.AUTO, root);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles).extracting(Article::id).containsExactly("a", "c", "d", "b");
  }

  @Test
  void explicitFileWithUnknownExtensionIsSniffed() throws IOException {
    Path json = write(dir.resolve("one.dat"), "  {\"id\":\"j\",\"text\":\"x\"}\n");
    Path html =
        write(dir.resolve("two.dat"), "<html><head><title>T</title></head><body>b</body></html>");
    Path text = write(dir.resolve("three"), "Plain\n\nbody");
    ReaderTestSupport r = read(Format.AUTO, json, html, text);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles)
        .extracting(Article::id, Article::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("j", ""),
            org.assertj.core.groups.Tuple.tuple("two", "T"),
            org.assertj.core.groups.Tuple.tuple("three", "Plain"));
    assertThat(r.articles.get(1).hasHtml()).isTrue();
  }

  @Test
  void explicitFormatOverridesTheExtension() throws IOException {
    Path f =
        write(
            dir.resolve("records.txt"),
            "{\"id\":\"r\",\"text\":\"x\"}\n{\"id\":\"s\",\"text\":\"y\"}\n");
    assertThat(read(Format.JSONL, f).articles).extracting(Article::id).containsExactly("r", "s");
    assertThat(read(Format.TEXT, f).articles)
        .extracting(Article::title)
        .containsExactly("{\"id\":\"r\",\"text\":\"x\"}");
  }

  // ---- stdin ----

  @Test
  void dashReadsJsonLinesFromStdinInInputOrder() throws IOException {
    Path f = write(dir.resolve("f.txt"), "F\n\nf");
    var stdin =
        new ByteArrayInputStream(
            utf8("{\"id\":\"s1\",\"text\":\"x\"}\nnot json\n{\"id\":\"s2\",\"text\":\"y\"}\n"));
    ReaderTestSupport r = readWithStdin(stdin, Format.AUTO, "-", f.toString());
    assertThat(r.articles).extracting(Article::id).containsExactly("s1", "s2", "f");
    assertThat(r.problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("<stdin>:2");
              assertThat(p.reason()).startsWith("malformed JSON: ");
            });
  }

  @Test
  void gzippedStdinIsDecompressed() throws IOException {
    var stdin = new ByteArrayInputStream(gzip(utf8("{\"id\":\"g\",\"text\":\"x\"}\n")));
    assertThat(readWithStdin(stdin, Format.AUTO, "-").articles)
        .extracting(Article::id)
        .containsExactly("g");
  }

  // ---- readOne ----

  @Test
  void readOneReturnsTheFirstRecord() throws IOException {
    Path f =
        write(
            dir.resolve("a.jsonl"),
            "{\"id\":\"first\",\"text\":\"x\"}\n{\"id\":\"second\",\"text\":\"y\"}\n");
    assertThat(ArticleReaders.readOne(f, Format.AUTO).id()).isEqualTo("first");
  }

  @Test
  void readOneThrowsTheFirstProblem() throws IOException {
    Path f =
        write(dir.resolve("a.jsonl"), "{\"text\":\"x\"}\n{\"id\":\"second\",\"text\":\"y\"}\n");
    assertThatThrownBy(() -> ArticleReaders.readOne(f, Format.AUTO))
        .isInstanceOf(ArticleReadException.class)
        .hasMessage(
            f + ":1: missing required field \"id\" (other field names? --field id=NAME,text=NAME)");
    Path missing = dir.resolve("nope.txt");
    assertThatThrownBy(() -> ArticleReaders.readOne(missing, Format.AUTO))
        .hasMessage(missing + ": no such file or directory");
  }

  // ---- bad input ----

  @Test
  void emptyFilesAreProblems() throws IOException {
    Path empty = writeBytes(dir.resolve("empty.txt"), new byte[0]);
    Path blank = write(dir.resolve("blank.html"), " \n\t\n");
    Path blankJsonl = write(dir.resolve("blank.jsonl"), "\n\n   \n");
    Path emptyGz = writeBytes(dir.resolve("e.jsonl.gz"), gzip(new byte[0]));
    ReaderTestSupport r = read(Format.AUTO, empty, blank, blankJsonl, emptyGz);
    assertThat(r.problemLines())
        .containsExactly(
            empty + ": empty file",
            blank + ": empty file",
            blankJsonl + ": empty file",
            emptyGz + ": empty file");
    assertThat(r.summary).isEqualTo(new ReadSummary(0, 4));
  }

  @Test
  void binaryFilesAreProblems() throws IOException {
    byte[] withNul = utf8("Title\n\nText with a \0 NUL byte");
    byte[] control = new byte[400];
    for (int i = 0; i < control.length; i++) control[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
    Path a = writeBytes(dir.resolve("nul.txt"), withNul);
    Path b = writeBytes(dir.resolve("control.jsonl"), control);
    Path c = writeBytes(dir.resolve("image.html"), control);
    ReaderTestSupport r = read(Format.AUTO, a, b, c);
    assertThat(r.problemLines()).hasSize(3);
    assertThat(r.problemLines().get(0)).isEqualTo(a + ": binary content, not text");
    // JSON Lines are judged per line: the control bytes make line 1 bad, not the file.
    assertThat(r.problemLines().get(1)).startsWith(b + ":1: malformed JSON");
    assertThat(r.problemLines().get(2)).isEqualTo(c + ": binary content, not text");
  }

  @Test
  void aBinaryOrOversizedJsonlLineCostsThatLineOnly() throws IOException {
    byte[] good = utf8("{\"id\":\"ok\",\"text\":\"Storm floods the city.\"}\n");
    byte[] nul = utf8("{\"id\":\"n\",\"text\":\"a\0b\"}\n");
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    all.write(nul);
    all.write(good);
    Path f = writeBytes(dir.resolve("mixed.jsonl"), all.toByteArray());
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.problemLines())
        .containsExactly(f + ":1: binary content (NUL byte), not a JSON line");
    assertThat(r.articles).extracting(Article::id).containsExactly("ok");
  }

  @Test
  void textThatIsNotUtf8IsDecodedInItsCharset() throws IOException {
    byte[] bytes =
        "Title\n\nCaf\u00e9 cr\u00e8me, na\u00efve \u201cquoted\u201d \u2014 d\u00e9j\u00e0 vu, \u00e0 la fran\u00e7aise."
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    Path f = writeBytes(dir.resolve("cp1252.txt"), bytes);
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.problems).isEmpty();
    assertThat(r.articles)
        .singleElement()
        .extracting(Article::text)
        .asString()
        .contains("Caf\u00e9 cr\u00e8me", "\u201cquoted\u201d", "\u2014");
  }

  @Test
  void invalidUtf8InJsonlSkipsOnlyThatLine() throws IOException {
    byte[] good = utf8("{\"id\":\"a\",\"text\":\"x\"}\n");
    byte[] bad = utf8("{\"id\":\"b\",\"text\":\"x?\"}\n");
    bad[bad.length - 4] = (byte) 0xFF;
    byte[] all = new byte[good.length * 2 + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    System.arraycopy(good, 0, all, good.length + bad.length, good.length);
    Path f = writeBytes(dir.resolve("u.jsonl"), all);
    ReaderTestSupport r = read(Format.AUTO, f);
    assertThat(r.articles).hasSize(2);
    assertThat(r.problemLines())
        .containsExactly(
            f + ":2: invalid UTF-8 at byte " + (good.length + bad.length - 4),
            f + ":3: duplicate id a, first at line 1; the later record is kept");
  }

  /**
   * Sequences a lenient UTF-8 decoder lets through (Jackson's own, for one) are still errors: an
   * overlong '/', an encoded surrogate, a code point above U+10FFFF, a truncated sequence.
   */
  @Test
  void illFormedUtf8ThatLenientDecodersAcceptIsReported() throws IOException {
    byte[][] bad = {
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x80}
    };
    for (byte[] seq : bad) {
      byte[] head = utf8("{\"id\":\"b\",\"text\":\"x");
      byte[] tail = utf8("y\"}\n");
      byte[] line = new byte[head.length + seq.length + tail.length];
      System.arraycopy(head, 0, line, 0, head.length);
      System.arraycopy(seq, 0, line, head.length, seq.length);
      System.arraycopy(tail, 0, line, head.length + seq.length, tail.length);
      Path f = writeBytes(dir.resolve("ill.jsonl"), line);
      ReaderTestSupport r = read(Format.AUTO, f);
      assertThat(r.articles).as("%02X...", seq[0]).isEmpty();
      assertThat(r.problemLines())
          .as("%02X...", seq[0])
          .singleElement()
          .asString()
          .startsWith(f + ":1: invalid UTF-8 at byte " + head.length);
    }
  }

  @Test
  void nonexistentPathIsAProblemAndReadingContinues() throws IOException {
    Path good = write(dir.resolve("ok.txt"), "T\n\nx");
    String missing = dir.resolve("missing.jsonl").toString();
    ReaderTestSupport r = read(Format.AUTO, missing, good.toString());
    assertThat(r.problemLines()).containsExactly(missing + ": no such file or directory");
    assertThat(r.summary).isEqualTo(new ReadSummary(1, 1));
  }

  @Test
  void unreadableFileIsAProblem() throws IOException {
    Path f = write(dir.resolve("locked.txt"), "T\n\nx");
    try {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("no POSIX permissions on this file system");
    }
    Assumptions.assumeFalse(Files.isReadable(f), "running as root: permissions do not stop reads");
    assertThat(read(Format.AUTO, f).problemLines()).containsExactly(f + ": permission denied");
  }

  @Test
  void ioFailuresBecomeOneLineReasons() {
    assertThat(Inputs.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    assertThat(Inputs.reason(new java.nio.file.NoSuchFileException("/x")))
        .isEqualTo("no such file or directory");
    assertThat(Inputs.reason(new IOException("Input/output error\nmore")))
        .isEqualTo("read error: Input/output error");
  }

  @Test
  void publishedTimesInAllAcceptedForms() throws IOException {
    Path f =
        write(
            dir.resolve("p.jsonl"),
            String.join(
                "\n",
                "{\"id\":1,\"text\":\"x\",\"published\":\"2019-04-02T10:00:00Z\"}",
                "{\"id\":2,\"text\":\"x\",\"published\":\"2019-04-02T12:00:00+02:00\"}",
                "{\"id\":3,\"text\":\"x\",\"published\":\"2019-04-02T10:00:00\"}",
                "{\"id\":4,\"text\":\"x\",\"published\":\"2019-04-02\"}",
                "{\"id\":5,\"text\":\"x\",\"published\":null}",
                "{\"id\":6,\"text\":\"x\"}"));
    ReaderTestSupport r = read(Format.AUTO, f);
    Instant ten = Instant.parse("2019-04-02T10:00:00Z");
    assertThat(r.articles)
        .extracting(Article::published)
        .containsExactly(ten, ten, ten, Instant.parse("2019-04-02T00:00:00Z"), null, null);
  }

  @Test
  void readOneRefusesADirectory() {
    assertThatThrownBy(() -> ArticleReaders.readOne(dir, Format.AUTO))
        .hasMessage(dir + ": is a directory");
  }

  @Test
  void directoryGivenAnExplicitFormatReadsEveryVisibleFile() throws IOException {
    Path root = dir.resolve("recs");
    write(root.resolve("a.json"), "{\"id\":\"a\",\"text\":\"x\"}\n");
    write(root.resolve("b"), "{\"id\":\"b\",\"text\":\"x\"}\n");
    write(root.resolve(".c.jsonl"), "{\"id\":\"c\",\"text\":\"x\"}\n");
    assertThat(read(Format.JSONL, root).articles).extracting(Article::id).containsExactly("a", "b");
    assertThat(read(Format.AUTO, root).summary).isEqualTo(new ReadSummary(0, 0));
  }

  @Test
  void concatenatedGzipMembersFromAPipeAreAllRead() throws IOException {
    byte[] one = gzip(utf8("{\"id\":\"m1\",\"text\":\"x\"}\n"));
    byte[] two = gzip(utf8("{\"id\":\"m2\",\"text\":\"y\"}\n"));
    byte[] both = Arrays.copyOf(one, one.length + two.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    // A pipe whose writer sent each member separately: no read crosses the member boundary, and
    // available() says nothing is waiting.
    var pipe =
        new java.io.FilterInputStream(new ByteArrayInputStream(both)) {
          int position;

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int limit = position < one.length ? one.length - position : len;
            int n = super.read(b, off, Math.min(len, limit));
            if (n > 0) position += n;
            return n;
          }

          @Override
          public int available() {
            return 0;
          }
        };
    assertThat(readWithStdin(pipe, Format.AUTO, "-").articles)
        .extracting(Article::id)
        .containsExactly("m1", "m2");
  }

  @Test
  void stdinWithAnExplicitFormatIsOneInputOfThatFormat() {
    var stdin = new ByteArrayInputStream(utf8("Piped title\n\nPiped text"));
    ReaderTestSupport r = readWithStdin(stdin, Format.TEXT, "-");
    assertThat(r.articles).containsExactly(Article.ofText("stdin", "Piped title", "Piped text"));
    assertThat(
            readWithStdin(new ByteArrayInputStream(new byte[0]), Format.AUTO, "-").problemLines())
        .containsExactly("<stdin>: empty file");
  }
}
