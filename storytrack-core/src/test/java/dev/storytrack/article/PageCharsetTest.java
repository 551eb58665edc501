package dev.storytrack.article;

import static dev.storytrack.article.ReaderTestSupport.read;
import static dev.storytrack.article.ReaderTestSupport.readWithStdin;
import static dev.storytrack.article.ReaderTestSupport.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.PageCharset.Decoded;
import dev.storytrack.article.PageCharset.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class PageCharsetTest {
  @TempDir Path dir;

  private static final String RUSSIAN =
      "Президент России заявил сегодня, что правительство рассмотрит новые меры поддержки экономики"
          + " в ближайшие месяцы. Министр финансов сообщил журналистам о росте доходов бюджета.";
  private static final String GREEK =
      "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία της χώρας. Ο υπουργός δήλωσε ότι"
          + " οι πολίτες θα δουν τη διαφορά στους λογαριασμούς τους μέσα στον χειμώνα.";
  private static final String FRENCH =
      "Le président a annoncé aujourd'hui des mesures économiques pour l'été prochain. Les élus"
          + " ont salué une décision « très attendue » après des mois de négociations à Bruxelles.";
  private static final String JAPANESE = "日本政府は今日、新しい経済対策を発表しました。東京の株式市場は上昇し、円相場は落ち着いた動きとなりました。";

  private static String page(String head, String title, String body) {
    return "<!doctype html><html><head>"
        + head
        + "<title>"
        + title
        + "</title></head><body><p>"
        + body
        + "</p></body></html>";
  }

  private static Decoded decode(String html, String charset, String transport) {
    return PageCharset.decode(html.getBytes(Charset.forName(charset)), transport);
  }

  @Test
  void utf8ByteOrderMarkWinsOverAWrongMeta() {
    String html = page("<meta charset=\"windows-1251\">", "Über", FRENCH);
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Decoded d = PageCharset.decode(bytes, "iso-8859-5");
    assertThat(d.text()).isEqualTo(html);
    assertThat(d.source()).isEqualTo(Source.BOM);
  }

  @Test
  void utf16ByteOrderMarks() {
    String html = page("", "Новости", RUSSIAN);
    for (String cs : new String[] {"UTF-16BE", "UTF-16LE"}) {
      byte[] body = html.getBytes(Charset.forName(cs));
      byte[] bytes = new byte[body.length + 2];
      bytes[0] = (byte) (cs.endsWith("BE") ? 0xFE : 0xFF);
      bytes[1] = (byte) (cs.endsWith("BE") ? 0xFF : 0xFE);
      System.arraycopy(body, 0, bytes, 2, body.length);
      Decoded d = PageCharset.decode(bytes, null);
      assertThat(d.text()).as(cs).isEqualTo(html);
      assertThat(d.charset()).as(cs).isEqualTo(Charset.forName(cs));
    }
  }

  @Test
  void metaCharsetsAreHonoured() {
    String[][] cases = {
      {"<meta charset=\"windows-1251\">", "windows-1251", RUSSIAN},
      {
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
        "Shift_JIS",
        JAPANESE
      },
      {"<meta charset='ISO-8859-1'>", "ISO-8859-1", FRENCH},
      {
        "<meta http-equiv=content-type content='text/html;charset=iso-8859-7'>", "ISO-8859-7", GREEK
      },
    };
    for (String[] c : cases) {
      String html = page(c[0], "t", c[2]);
      Decoded d = decode(html, c[1], null);
      assertThat(d.text()).as(c[1]).isEqualTo(html);
      assertThat(d.source()).as(c[1]).isEqualTo(Source.META);
    }
  }

  @Test
  void latin1LabelMeansWindows1252AsOnTheWeb() {
    // Curly quotes and the euro sign live in 0x80-0x9F, which ISO-8859-1 calls control characters.
    String html = page("<meta charset=\"iso-8859-1\">", "t", "“Prix” : 5 € – " + FRENCH);
    Decoded d = decode(html, "windows-1252", null);
    assertThat(d.text()).isEqualTo(html);
  }

  @Test
  void metaSayingUtf16IsReadAsUtf8() {
    String html = page("<meta charset=\"utf-16\">", "Новости", RUSSIAN);
    Decoded d = decode(html, "UTF-8", null);
    assertThat(d.text()).isEqualTo(html);
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void undeclaredPagesAreDetected() {
    String[][] cases = {
      {"windows-1251", RUSSIAN},
      {"KOI8-R", RUSSIAN},
      {"ISO-8859-7", GREEK},
      {"windows-1252", FRENCH},
      {"EUC-JP", JAPANESE},
      {"UTF-8", RUSSIAN},
    };
    for (String[] c : cases) {
      String html = page("", "t", c[1]);
      Decoded d = decode(html, c[0], null);
      assertThat(d.text()).as(c[0]).isEqualTo(html);
      assertThat(d.source()).as(c[0]).isEqualTo(Source.DETECTED);
    }
  }

  @Test
  void pageDeclaringUtf8ButWrittenInLatin1IsNotMojibake() {
    String html = page("<meta charset=\"utf-8\">", "Café", FRENCH);
    Decoded d = decode(html, "windows-1252", null);
    assertThat(d.text()).isEqualTo(html).doesNotContain("\uFFFD");
    assertThat(d.source()).isEqualTo(Source.OVERRULED_DETECTED);
  }

  @Test
  void pageDeclaringLatin1ButWrittenInUtf8IsNotMojibake() {
    String html = page("<meta charset=\"iso-8859-1\">", "Café", FRENCH);
    Decoded d = decode(html, "UTF-8", null);
    assertThat(d.text()).isEqualTo(html).doesNotContain("Ã");
    assertThat(d.source()).isEqualTo(Source.OVERRULED_UTF8);
  }

  @Test
  void pageDeclaringCyrillicButWrittenInUtf8IsNotMojibake() {
    String html = page("<meta charset=\"windows-1251\">", "Новости", RUSSIAN);
    assertThat(decode(html, "UTF-8", null).text()).isEqualTo(html);
  }

  @Test
  void transportCharsetBeatsMetaButNotTheBytes() {
    String html = page("<meta charset=\"windows-1252\">", "Новости", RUSSIAN);
    Decoded d = decode(html, "windows-1251", "windows-1251");
    assertThat(d.text()).isEqualTo(html);
    assertThat(d.source()).isEqualTo(Source.TRANSPORT);
    Decoded wrong = decode(html, "UTF-8", "\"iso-8859-1\"");
    assertThat(wrong.text()).isEqualTo(html);
  }

  @Test
  void utf8PageWithAFewStrayLatin1BytesStaysUtf8() {
    // A pasted snippet in another charset must not turn the whole page into mojibake.
    byte[] good =
        page("<meta charset=\"utf-8\">", "Новости", RUSSIAN).getBytes(StandardCharsets.UTF_8);
    byte[] stray = " caf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[good.length + stray.length];
    System.arraycopy(good, 0, bytes, 0, good.length);
    System.arraycopy(stray, 0, bytes, good.length, stray.length);
    Decoded d = PageCharset.decode(bytes, null);
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.text()).contains(RUSSIAN);
  }

  @Test
  void unknownOrUnsupportedLabelsAreIgnored() {
    String html = page("<meta charset=\"no-such-charset\"><meta charset=\"koi8-r\">", "t", RUSSIAN);
    assertThat(decode(html, "KOI8-R", "x-bogus").text()).isEqualTo(html);
  }

  @Test
  void asciiPagesKeepTheirBytes() {
    String html = page("<meta charset=\"windows-1251\">", "plain", "Only ASCII here.");
    assertThat(decode(html, "US-ASCII", null).text()).isEqualTo(html);
  }

  @Test
  void filesStdinAndWarcRecordsAllDecodeThisWay() throws IOException {
    String html = page("<meta charset=\"utf-8\">", "Новости дня", RUSSIAN);
    byte[] cp1251 = html.getBytes(Charset.forName("windows-1251"));

    Path file = writeBytes(dir.resolve("ru.html"), cp1251);
    ReaderTestSupport fromFile = read(Format.AUTO, file);
    assertThat(fromFile.articles)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.title()).isEqualTo("Новости дня");
              assertThat(a.html()).isEqualTo(html);
            });

    ReaderTestSupport fromDir = read(Format.AUTO, dir);
    assertThat(fromDir.articles).extracting(Article::title).containsExactly("Новости дня");

    ReaderTestSupport fromStdin = readWithStdin(new ByteArrayInputStream(cp1251), Format.HTML, "-");
    assertThat(fromStdin.articles).extracting(Article::html).containsExactly(html);

    Path warc = dir.resolve("crawl.warc");
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.NONE)) {
      w.write(
          new WarcResponse.Builder("https://news.example.ru/one")
              .body(
                  new HttpResponse.Builder(200, "OK")
                      .body(MediaType.parse("text/html; charset=windows-1251"), cp1251)
                      .build())
              .build());
      // Header says latin1, the bytes are UTF-8: the bytes win.
      w.write(
          new WarcResponse.Builder("https://news.example.ru/two")
              .body(
                  new HttpResponse.Builder(200, "OK")
                      .body(
                          MediaType.parse("text/html; charset=iso-8859-1"),
                          html.getBytes(StandardCharsets.UTF_8))
                      .build())
              .build());
    }
    ReaderTestSupport fromWarc = read(Format.AUTO, warc);
    assertThat(fromWarc.problems).isEmpty();
    assertThat(fromWarc.articles).extracting(Article::html).containsExactly(html, html);
  }
}
