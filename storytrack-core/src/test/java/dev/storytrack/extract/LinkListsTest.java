package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import dev.storytrack.extract.Removed.Reason;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LinkListsTest {
  private final Extractor extractor = Extractor.defaults();

  private static final String P1 =
      "The harbour authority said on Friday that the new quay would open to ferries in August.";
  private static final String P2 =
      "Work on the quay began two years ago and was delayed by a shortage of steel piles.";

  private String clean(String bodyHtml) {
    return extractor
        .extract(
            new Article("h", "", "", "", null, "", "<html><body>" + bodyHtml + "</body></html>"))
        .text();
  }

  private static String links(String... titles) {
    StringBuilder sb = new StringBuilder("<ul>");
    for (String t : titles) sb.append("<li><a href='/x'>").append(t).append("</a></li>");
    return sb.append("</ul>").toString();
  }

  @Test
  void aCaptionedLinkListClosingTheArticleGoesWithItsCaptionInAnyLanguage() {
    // Captions no word list knows: only the shape (short line, then links, then no prose) tells.
    for (String caption :
        new String[] {
          "Lust auf mehr?", "Temas relacionados", "Kaikki uutiset", "Tämä kiinnostaa"
        }) {
      String page =
          "<div><p>"
              + P1
              + "</p><p>"
              + P2
              + "</p><h3>"
              + caption
              + "</h3>"
              + links(
                  "Ferry timetable changes for the summer",
                  "New bridge opens next spring",
                  "Council approves harbour budget")
              + "</div>";
      assertThat(clean(page)).as(caption).isEqualTo(P1 + "\n\n" + P2);
    }
  }

  @Test
  void datesBetweenTheLinkedHeadlinesDoNotHideTheList() {
    List<Block> blocks =
        List.of(
            new Block(P1, false, 0),
            new Block("Mehr zum Thema", true, 0),
            new Block("Ferry timetable changes for the summer", false, 38),
            new Block("14. Mai 2019", false, 0),
            new Block("Council approves harbour budget", false, 31),
            new Block("5 Minuten", false, 0));
    List<Block> out = LinkLists.mark(blocks);
    assertThat(out.subList(1, 5)).extracting(Block::removedAs).containsOnly(Reason.RELATED);
    assertThat(out.get(0).removedAs()).isNull();
  }

  @Test
  void teaserLinesUnderLinkedHeadlinesGoWithTheList() {
    List<Block> blocks =
        new ArrayList<>(
            List.of(
                new Block(P1, false, 0), new Block(P2, false, 0), new Block("Vorschau", true, 0)));
    for (int i = 0; i < 3; i++) {
      String headline = "Headline of teaser number " + i;
      blocks.add(new Block(headline, false, headline.length()));
      blocks.add(
          new Block(
              "A short teaser sentence that reads like prose about story " + i + ".", false, 0));
    }
    List<Block> out = LinkLists.mark(blocks);
    assertThat(out.subList(2, out.size()))
        .extracting(Block::removedAs)
        .containsOnly(Reason.RELATED);
    assertThat(out.subList(0, 2)).extracting(Block::removedAs).containsOnly((Removed.Reason) null);
    // Two teasers are too few to tell a list from a subheading over linked sentences.
    assertThat(LinkLists.mark(blocks.subList(0, 7)).get(2).removedAs()).isNull();
  }

  @Test
  void cardsFollowedByAnotherBoxOfBareLinksStillGo() {
    // The short caption of the next box reads like a date between items, so the run goes on
    // into bare links and no longer has the shape of cards; it ends with its last teaser.
    List<Block> blocks =
        new ArrayList<>(
            List.of(
                new Block(P1, false, 0),
                new Block(P2, false, 0),
                new Block("Top stories", false, 0)));
    for (int i = 0; i < 4; i++) {
      String headline = "Headline of teaser number " + i;
      blocks.add(new Block(headline, false, headline.length()));
      blocks.add(
          new Block(
              "A short teaser sentence that reads like prose about story " + i + ".", false, 0));
    }
    blocks.add(new Block("Partner news", false, 0));
    for (int i = 0; i < 3; i++) {
      String t = "Partner story number " + i;
      blocks.add(new Block(t, false, t.length()));
    }
    List<Block> out = LinkLists.mark(blocks);
    assertThat(out.subList(2, out.size()))
        .extracting(Block::removedAs)
        .containsOnly(Reason.RELATED);
    assertThat(out.subList(0, 2)).extracting(Block::removedAs).containsOnly((Removed.Reason) null);
  }

  @Test
  void cardsClosingThePageGoWithoutACaption() {
    // Linked headlines, each over its teaser (a long one cut off with an ellipsis), no caption.
    List<Block> blocks = new ArrayList<>(List.of(new Block(P1, false, 0), new Block(P2, false, 0)));
    for (int i = 0; i < 4; i++) {
      String headline = "Headline of card number " + i;
      blocks.add(new Block(headline, true, headline.length()));
      String teaser =
          i == 1
              ? (P1 + " " + P2 + " " + P1 + " " + P2).replace(".", ",") + " and then \u2026"
              : "A short teaser sentence that reads like prose about story " + i + ".";
      blocks.add(new Block(teaser, false, 0));
    }
    List<Block> out = LinkLists.mark(blocks);
    assertThat(out.subList(2, out.size()))
        .extracting(Block::removedAs)
        .containsOnly(Reason.RELATED);
    assertThat(out.subList(0, 2)).extracting(Block::removedAs).containsOnly((Removed.Reason) null);
    // Three cards without a caption could be the article's own linked subheadings.
    assertThat(LinkLists.mark(blocks.subList(0, 8)))
        .extracting(Block::removedAs)
        .containsOnly((Removed.Reason) null);
  }

  @Test
  void aCaptionEndingInAnEllipsisIsACaption() {
    List<Block> blocks =
        new ArrayList<>(
            List.of(new Block(P1, false, 0), new Block("You may also like...", true, 0)));
    for (int i = 0; i < 3; i++) {
      String t = "Story number " + i + " of the week";
      blocks.add(new Block(t, false, t.length()));
    }
    assertThat(LinkLists.mark(blocks).subList(1, 5))
        .extracting(Block::removedAs)
        .containsOnly(Reason.RELATED);
    assertThat(LinkLists.truncated("cut off here\u2026")).isTrue();
    assertThat(LinkLists.truncated("an ending.")).isFalse();
  }

  @Test
  void cardsLabelledAlikeOnAListingPageStay() {
    List<Block> blocks = new ArrayList<>(List.of(new Block(P1, false, 0)));
    for (int i = 0; i < 3; i++) {
      String name = "Webcam number " + i;
      blocks.add(new Block("Webcam", true, 0));
      blocks.add(new Block(name, false, name.length()));
      blocks.add(
          new Block("What this camera shows, and in which season it works " + i + ".", false, 0));
    }
    assertThat(LinkLists.mark(blocks).get(1).removedAs()).isNull();
  }

  @Test
  void aCaptionedLinkListInsideTheArticleStays() {
    // Followed by more prose: the article's own list (sources, products compared), not a teaser
    // box.
    String page =
        "<div><p>"
            + P1
            + "</p><h3>Sources</h3>"
            + links("Port authority annual report 2019", "Ministry of transport statement")
            + "<p>"
            + P2
            + "</p></div>";
    String out = clean(page);
    assertThat(out).contains("Sources", "Port authority annual report 2019", P2);
  }

  @Test
  void aSingleLinkUnderASubheadingIsNoList() {
    List<Block> blocks =
        List.of(
            new Block(P1, false, 0),
            new Block("Further reading", true, 0),
            new Block("Port authority annual report 2019", false, 33));
    assertThat(LinkLists.mark(blocks)).isEqualTo(blocks);
  }

  @Test
  void aHeadingLeftLastOverARemovedListGoes() {
    List<Block> blocks =
        List.of(
            new Block(P1, false, 0),
            new Block("Mehr aus der Region", true, 0),
            new Block("Ferry timetable changes for the summer", false, 38, Reason.OUTSIDE));
    List<Block> out = LinkLists.mark(blocks);
    assertThat(out.get(1).removedAs()).isEqualTo(Reason.RELATED);
    assertThat(out.get(0).removedAs()).isNull();
  }

  @Test
  void aColonLineBeforeSomethingInvisibleStays() {
    // "Here is the tweet:" over an embed that has no text, then the page footer.
    List<Block> blocks =
        List.of(
            new Block(P1, false, 0),
            new Block("Twitter was confused:", false, 0),
            new Block("Terms of Service Privacy Notice", false, 31, Reason.NAVIGATION));
    assertThat(LinkLists.mark(blocks)).isEqualTo(blocks);
  }

  @Property(tries = 100)
  void onlyCaptionsAndLinkItemsAreEverRemoved(
      @ForAll @IntRange(min = 0, max = 12) int prose,
      @ForAll @IntRange(min = 0, max = 8) int items,
      @ForAll boolean proseAfter) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < prose; i++) blocks.add(new Block(P1, false, 0));
    blocks.add(new Block("More from the coast", true, 0));
    for (int i = 0; i < items; i++) {
      String t = "Story number " + i + " of the week";
      blocks.add(new Block(t, false, t.length()));
    }
    if (proseAfter) blocks.add(new Block(P2, false, 0));
    List<Block> out = LinkLists.mark(blocks);
    assertThat(out).hasSameSizeAs(blocks);
    for (int i = 0; i < out.size(); i++) {
      Block b = out.get(i);
      if (b.removedAs() != null) {
        assertThat(b.text()).isNotIn(P1, P2);
        assertThat(b.removedAs()).isEqualTo(Reason.RELATED);
      }
    }
    boolean listGone = items >= LinkLists.MIN_ITEMS && !proseAfter;
    assertThat(out.get(prose).removedAs() != null).isEqualTo(listGone);
  }
}
