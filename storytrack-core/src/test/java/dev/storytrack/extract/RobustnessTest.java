package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Odd input never throws and never produces text out of nothing. */
class RobustnessTest {
  private final Extractor extractor = Extractor.defaults();

  @Test
  void emptyAndBlankInputGiveEmptyTextAndNothingRemoved() {
    for (String text : new String[] {"", " ", "\n\n\n", "\t \r\n \u00A0"}) {
      Extraction out = extractor.extract(Article.ofText("e", "", text));
      assertThat(out.text()).isEmpty();
      assertThat(out.removed()).isEmpty();
    }
    Extraction html = extractor.extract(new Article("e", "", "", "", null, "", "<html></html>"));
    assertThat(html.text()).isEmpty();
    assertThat(html.removed()).isEmpty();
  }

  @Test
  void binaryLookingInputIsHandled() {
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200_000; i++) sb.append((char) r.nextInt(0x3000));
    String junk = sb.toString();
    Extraction text = extractor.extract(Article.ofText("b", "", junk));
    assertThat(text.text()).isNotEmpty();
    assertNoControlCharacters(text.text());
    Extraction html = extractor.extract(new Article("b", "", "", "", null, "", junk));
    assertNoControlCharacters(html.text());
  }

  private static void assertNoControlCharacters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\n') assertThat(c < 0x20 || c == 0x7F).as("control character at %d", i).isFalse();
    }
  }

  @Test
  void hugeAndDeeplyNestedInputIsHandled() {
    String para = "The committee met again on Monday and agreed to publish its findings next week.";
    String huge = (para + "\n\n").repeat(50_000) + "12 comments\n\n" + para;
    Extraction out = extractor.extract(Article.ofText("h", "", huge));
    assertThat(out.text().split("\n\n")).hasSize(50_000);
    assertThat(out.removed()).hasSize(2);

    String deep = "<div>".repeat(20_000) + "<p>" + para + "</p>" + "</div>".repeat(20_000);
    assertThat(extractor.extract(new Article("d", "", "", "", null, "", deep)).text())
        .isEqualTo(para);

    String oneLine = "word ".repeat(400_000);
    assertThat(extractor.extract(Article.ofText("l", "", oneLine)).text())
        .isEqualTo(oneLine.strip());
  }

  @Test
  void malformedHtmlIsReadAsWellAsPossible() {
    String para = "The committee met again on Monday and agreed to publish its findings next week.";
    Extraction out =
        extractor.extract(
            new Article(
                "m",
                "",
                "",
                "",
                null,
                "",
                "<p>" + para + "<p><b><i>Unclosed " + para + "</div></span><tr><td>"));
    assertThat(out.text()).isEqualTo(para + "\n\nUnclosed " + para);
  }
}
