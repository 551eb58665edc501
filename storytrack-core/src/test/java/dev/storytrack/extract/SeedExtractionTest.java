package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.extract.Removed.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedExtractionTest {
  private final Extractor extractor = Extractor.defaults();

  private static final List<String> JUNK =
      List.of(
          "Add a Comment",
          "Your email address will not be published",
          "error: Content is protected",
          "[CENTCOM]",
          "[Mohammed Hassan/Twitter]",
          "[Delil Souleiman/AFP]",
          "Do you like this article?",
          "3 Comment(s)",
          "Comment Policy",
          "1500 / 1500",
          "I do not wish to stay in this web site",
          "That's just blabbering about",
          "Bollocks... They - the coalition");

  @Test
  void seed000KeepsEveryBodyParagraphAndDropsTheCommentFooter() {
    Article in = Fixtures.seed("000_4a850577689245d9.txt");
    Extraction out = extractor.extract(in);
    List<String> body = Fixtures.paragraphs(in.text());
    int end = indexOfStarting(body, "The nearly five years of fighting");
    List<String> expected = body.subList(0, end + 1);
    // 18 lines with the title; the title is not repeated in the text.
    assertThat(expected).hasSize(17);
    assertThat(expected.get(0)).startsWith("BEIRUT: ");

    assertThat(out.text().split("\n\n")).containsExactlyElementsOf(expected);
    assertNoJunk(out.text());
    assertThat(out.removed())
        .contains(
            new Removed("Add a Comment", Reason.COMMENTS),
            new Removed("Your email address will not be published.", Reason.FORM),
            new Removed("error: Content is protected !!", Reason.WIDGET));
    assertThat(out.article().title()).isEqualTo(in.title());
  }

  @Test
  void seed001KeepsBodyAndSubheadingDropsCaptionsWidgetsAndReaderComments() {
    Article in = Fixtures.seed("001_d615f29dd00c4665.txt");
    Extraction out = extractor.extract(in);
    List<String> kept = List.of(out.text().split("\n\n"));

    List<String> body =
        Fixtures.paragraphs(in.text()).stream().filter(p -> !p.endsWith("]")).toList();
    int end = indexOfStarting(body, "More than a dozen coalition air strikes");
    List<String> expected = body.subList(0, end + 1);
    assertThat(expected).contains("Air strikes pound hideouts").hasSize(13);
    assertThat(kept).containsExactlyElementsOf(expected);
    assertNoJunk(out.text());

    assertThat(reasonOf(out, "A US F-16 fighter jet")).isEqualTo(Reason.CAPTION);
    assertThat(reasonOf(out, "'Islamic State' fighters surrender")).isEqualTo(Reason.CAPTION);
    assertThat(reasonOf(out, "A member of the Syrian Democratic Forces")).isEqualTo(Reason.CAPTION);
    assertThat(reasonOf(out, "Do you like this article?")).isEqualTo(Reason.WIDGET);
    assertThat(reasonOf(out, "3 Comment(s)")).isEqualTo(Reason.COMMENTS);
    assertThat(reasonOf(out, "Comment Policy")).isIn(Reason.FORM, Reason.COMMENTS);
    assertThat(reasonOf(out, "I do not wish to stay")).isEqualTo(Reason.COMMENTS);
    assertThat(reasonOf(out, "That's just blabbering")).isEqualTo(Reason.COMMENTS);
    assertThat(reasonOf(out, "Bollocks...")).isEqualTo(Reason.COMMENTS);
  }

  private static void assertNoJunk(String text) {
    for (String junk : JUNK) assertThat(text).doesNotContain(junk);
  }

  private static Removed.Reason reasonOf(Extraction out, String start) {
    return out.removed().stream()
        .filter(r -> r.text().startsWith(start))
        .map(Removed::reason)
        .findFirst()
        .orElse(null);
  }

  private static int indexOfStarting(List<String> paragraphs, String start) {
    for (int i = 0; i < paragraphs.size(); i++) if (paragraphs.get(i).startsWith(start)) return i;
    throw new AssertionError("no paragraph starts with " + start);
  }
}
