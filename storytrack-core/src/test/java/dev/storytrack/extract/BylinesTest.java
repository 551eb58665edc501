package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BylinesTest {
  private static final String BODY =
      "<p>The council voted on Tuesday to close the bridge for repairs.</p>";

  private static java.util.List<String> authors(String html) {
    return Bylines.authors(Jsoup.parse(html));
  }

  @Test
  void declaredAuthorsAreCleanedSplitAndDeduplicated() {
    assertThat(
            authors(
                "<meta name='author' content='Maria &amp;amp; Katerina'>"
                    + "<meta property='article:author' content='Maria'>"
                    + BODY))
        .containsExactly("Maria", "Katerina");
    assertThat(authors("<meta name='author' content='By Tina Huffman | Greenhouse Studio'>" + BODY))
        .containsExactly("Tina Huffman");
    // Logins, slugs and placeholders are not bylines.
    assertThat(
            authors(
                "<meta name='author' content='andrew.keaveney'><meta name='author' content='undefined'>"
                    + "<meta name='dc.creator' content='mdelatorreq6vkpg2ma0ci'>"
                    + BODY))
        .isEmpty();
    // The site itself is dropped when a person is named.
    assertThat(
            authors(
                "<meta property='og:site_name' content='GlossGenius'>"
                    + "<script type='application/ld+json'>{\"@type\":\"Article\",\"author\":[{\"name\":\"Shauna Mitchell\"},"
                    + "{\"@type\":\"Organization\",\"name\":\"GlossGenius\"}]}</script>"
                    + BODY))
        .containsExactly("Shauna Mitchell");
  }

  @Test
  void aShownListOfNamesGivesEveryNameButARoleAfterACommaIsNoName() {
    assertThat(
            authors(
                "<h1>Safer browsing</h1><span class='byline-author'>Posted by Nathan Parker,"
                    + " Varun Khaneja, Eric Mill and Kiran C Nair - Chrome Safe Browsing team</span>"
                    + BODY))
        .containsExactly("Nathan Parker", "Varun Khaneja", "Eric Mill", "Kiran C Nair");
    assertThat(
            authors(
                "<h1>Locks</h1><div class='author'>Paul Frew, Home Security Editor</div>" + BODY))
        .containsExactly("Paul Frew");
    assertThat(
            authors(
                "<h1>Locks</h1><div class='author'>Paul Frew, Home and Digital Security Expert"
                    + "</div>"
                    + BODY))
        .containsExactly("Paul Frew");
    assertThat(authors("<h1>Locks</h1><div class='author'>Frew, Paul</div>" + BODY))
        .containsExactly("Frew");
    assertThat(authors("<h1>Models</h1><div class='authors'>Authors:Aniruddha Roy</div>" + BODY))
        .containsExactly("Aniruddha Roy");
  }

  @Test
  void theBylineShownUnderTheHeadlineNotTeasersFurtherDown() {
    StringBuilder page =
        new StringBuilder(
            "<h1>Bridge closes for repairs</h1>"
                + "<div class='post-author'>Written by <a href='/author/ann-lee'>Ann Lee</a> and "
                + "<a href='/author/bo-chan'>Bo Chan</a></div>"
                + BODY);
    for (int i = 0; i < 200; i++) page.append("<p>More text ").append(i).append("</p>");
    page.append("<div class='author'>By Teaser Writer</div>");
    assertThat(authors(page.toString())).containsExactly("Ann Lee", "Bo Chan");
    assertThat(
            authors(
                "<h1>Bridge closes</h1><span class='byline'>By Sergio Martínez-Beltrán | The Texas Newsroom"
                    + "</span>"
                    + BODY))
        .containsExactly("Sergio Martínez-Beltrán");
    assertThat(
            authors("<h1>Bridge closes</h1><span class='author-date'>Feb 11, 2019</span>" + BODY))
        .isEmpty();
  }

  @Test
  void aShownBylineStartsWithAName() {
    assertThat(Bylines.personName("Cazzy Magennis Last Updated:")).isEqualTo("Cazzy Magennis");
    assertThat(Bylines.personName("Dr Marna van der Merwe")).isEqualTo("Dr Marna van der Merwe");
    assertThat(Bylines.personName("J. R. Smith, Senior Editor")).isEqualTo("J. R. Smith");
    assertThat(Bylines.personName("Sofia Kondrat, content writer")).isEqualTo("Sofia Kondrat");
    assertThat(Bylines.personName("I review different modules, games or supplements")).isNull();
    assertThat(Bylines.personName("By")).isNull();
    assertThat(Bylines.personName("August 28, 2025")).isNull();
    assertThat(Bylines.personName("lowercase words only")).isNull();
  }
}
