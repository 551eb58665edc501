package dev.storytrack.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BytesPropertiesTest {
  /**
   * What lets the JSONL reader skip the lone-surrogate scan: when {@link Bytes#mayEscapeSurrogate}
   * says no, Jackson decodes the well-formed UTF-8 string to well-formed UTF-16.
   */
  @Property(tries = 3000)
  void noSurrogateEscapeMeansNoLoneSurrogate(@ForAll("jsonStrings") String body) throws Exception {
    byte[] b = ("\"" + body + "\"").getBytes(StandardCharsets.UTF_8);
    String value;
    try (JsonParser p = ArticleJson.FACTORY.createParser(b, 0, b.length)) {
      if (p.nextToken() != JsonToken.VALUE_STRING) return;
      value = p.getText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return; // not a JSON string: the reader reports it
    }
    if (!ArticleLimits.wellFormed(value)) {
      assertThat(Bytes.mayEscapeSurrogate(b, 0, b.length)).as(body).isTrue();
    }
  }

  /**
   * JSON string bodies with escapes of every kind, surrogate escapes in both cases, pairs and text.
   */
  @Provide
  Arbitrary<String> jsonStrings() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(3),
            Arbitraries.of(
                "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\u0041", "é", "’", "😀", "\\"),
            Arbitraries.integers().between(0xD700, 0xE0FF).map(c -> String.format("\\u%04x", c)),
            Arbitraries.integers().between(0xD700, 0xE0FF).map(c -> String.format("\\u%04X", c)),
            Arbitraries.integers().between(0xD800, 0xDFFF).map(c -> String.format("\\U%04X", c)));
    return piece.list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
