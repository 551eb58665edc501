package dev.storytrack.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PageCharsetPropertiesTest {
  @Property(tries = 200)
  void utf8TextIsNeverReadAsAnotherCharset(@ForAll String body) {
    String html = "<html><head><meta charset=\"windows-1252\"><title>t</title></head><body>" + body
        + "</body></html>";
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    // Lone surrogates do not survive UTF-8 encoding; compare with what the bytes really say.
    String expected = new String(bytes, StandardCharsets.UTF_8);
    if (!expected.chars().allMatch(c -> c < 0x80)) {
      assertThat(PageCharset.decode(bytes, null).text()).isEqualTo(expected);
    }
  }

  @Property(tries = 200)
  void anyBytesDecodeWithoutFailing(@ForAll byte[] bytes) {
    assertThat(PageCharset.decode(bytes, null).text()).isNotNull();
    assertThat(PageCharset.decode(bytes, "utf-8").text()).isNotNull();
  }
}
