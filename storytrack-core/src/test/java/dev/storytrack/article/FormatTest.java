package dev.storytrack.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void eachExtensionNamesTheOneFormatThatClaimsIt() {
    for (Format f : Format.values()) {
      for (String ext : f.extensions()) {
        assertThat(Format.forFileName("a." + ext)).as(ext).isEqualTo(f);
        assertThat(Format.forFileName("dir.x/A." + ext.toUpperCase(java.util.Locale.ROOT) + ".gz"))
            .as(ext + ".gz")
            .isEqualTo(f);
      }
    }
    assertThat(Format.AUTO.extensions()).isEmpty();
    assertThat(Format.forFileName("notes.xml")).isNull();
    assertThat(Format.forFileName("README")).isNull();
    assertThat(Format.forFileName("archive.gz")).isNull();
  }

  @Test
  void contentPicksOneFormatAndTextTakesTheRest() {
    assertThat(sniff("{\"id\":\"a\"}")).isEqualTo(Format.JSONL);
    assertThat(sniff("<html><body><p>Hi</p></body></html>")).isEqualTo(Format.HTML);
    assertThat(sniff("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>"))
        .isEqualTo(Format.FEED);
    assertThat(sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>")).isEqualTo(Format.FEED);
    assertThat(sniff("WARC/1.1\r\nWARC-Type: response\r\n")).isEqualTo(Format.WARC);
    assertThat(sniff("WARC")).isEqualTo(Format.TEXT);
    assertThat(sniff("Plain words.")).isEqualTo(Format.TEXT);
  }

  private static Format sniff(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Format.sniff(b, 0, b.length);
  }
}
