package dev.storytrack.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PageCharsetPropertiesTest {
  @Property(tries = 200)
  void utf8TextIsNeverReadAsAnotherCharset(@ForAll String body) {
    String html =
        "<html><head><meta charset=\"windows-1252\"><title>t</title></head><body>"
            + body
            + "</body></html>";
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    // Lone surrogates do not survive UTF-8 encoding; compare with what the bytes really say.
    String expected = new String(bytes, StandardCharsets.UTF_8);
    if (!expected.chars().allMatch(c -> c < 0x80)) {
      assertThat(PageCharset.decode(bytes, null).text()).isEqualTo(expected);
    }
  }

  private static final List<String> CHARSETS =
      List.of("windows-1252", "windows-1251", "koi8-r", "iso-8859-7");

  /**
   * Text in a legacy charset, declared in a meta tag or in the transport's header, reads back as
   * the original. The letters are those the charset puts at 0xC0-0xFF (accented Latin, Cyrillic,
   * Greek) mixed with ASCII: two such bytes in a row never form UTF-8, so the declaration is not
   * overruled by the valid-UTF-8 rule and decoding alone decides.
   */
  @Property(tries = 300)
  void textInADeclaredCharsetDecodesToTheOriginal(
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll boolean declaredInHeader,
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 10_000) Integer> picks) {
    Charset cs = Charset.forName(CHARSETS.get(which));
    String alphabet = alphabet(cs);
    StringBuilder body = new StringBuilder();
    for (int p : picks) body.append(alphabet.charAt(p % alphabet.length()));
    String head = declaredInHeader ? "" : "<meta charset=\"" + CHARSETS.get(which) + "\">";
    String page =
        "<html><head>" + head + "<title>t</title></head><body><p>" + body + "</p></body></html>";
    byte[] bytes = page.getBytes(cs);

    PageCharset.Decoded d =
        PageCharset.decode(bytes, declaredInHeader ? CHARSETS.get(which) : null);

    assertThat(d.text()).isEqualTo(page);
    if (!body.chars().allMatch(c -> c < 0x80)) assertThat(d.charset()).isEqualTo(cs);
  }

  /**
   * ASCII letters, digits and punctuation (no markup) and the charset's characters at 0xC0-0xFF.
   */
  private static String alphabet(Charset cs) {
    StringBuilder sb =
        new StringBuilder(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'()-");
    for (int b = 0xC0; b <= 0xFF; b++) {
      String c = new String(new byte[] {(byte) b}, cs);
      if (!c.equals("\uFFFD") && c.getBytes(cs)[0] == (byte) b) sb.append(c);
    }
    return sb.toString();
  }

  @Property(tries = 200)
  void anyBytesDecodeWithoutFailing(@ForAll byte[] bytes) {
    assertThat(PageCharset.decode(bytes, null).text()).isNotNull();
    assertThat(PageCharset.decode(bytes, "utf-8").text()).isNotNull();
  }
}
