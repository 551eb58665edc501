package dev.storytrack.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.internal.ParsedPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Headline and publication date as the HTML reader reads them. */
class PageMetadataSourcesTest {
  private static final String BODY =
      "<p>The council voted on Tuesday to close the bridge for repairs.</p>";

  private static HtmlMetadata page(String html) {
    return HtmlMetadata.parse(html.getBytes(StandardCharsets.UTF_8), null, "https://news.example/");
  }

  private static Instant day(String d) {
    return Instant.parse(d + "T00:00:00Z");
  }

  @Test
  void headlineIsTheAgreeingH1ElseTheDeclaredTitleWithoutItsSite() {
    assertThat(
            page("<title>Bridge closes for repairs | City Paper</title><h1>City Paper</h1>"
                    + "<h1>Council closes the bridge for repairs until May</h1>"
                    + BODY)
                .title)
        .isEqualTo("Council closes the bridge for repairs until May");
    assertThat(
            page("<title>Bridge closes for repairs | City Paper</title><h1>City Paper</h1>" + BODY)
                .title)
        .isEqualTo("Bridge closes for repairs");
    assertThat(page("<title>Opinion | Why the bridge must close now</title>" + BODY).title)
        .isEqualTo("Why the bridge must close now");
    assertThat(
            page("<meta property='og:site_name' content='The Herald'>"
                    + "<title>The Herald - Bridge closes</title>"
                    + BODY)
                .title)
        .isEqualTo("Bridge closes");
    assertThat(page("<h1>Bridge closes</h1>" + BODY).title).isEqualTo("Bridge closes");
  }

  @Test
  void placeholderDatesAreSkippedForTheNextSource() {
    assertThat(
            page("<meta property='article:published_time' content='0001-01-01T00:00:00'>"
                    + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-03-05T10:00:00Z\"}</script>"
                    + BODY)
                .published)
        .isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
    assertThat(page("<meta name='date' content='1970-01-01T00:00:00Z'>" + BODY).published).isNull();
    assertThat(PageDates.plausible(day("2090-01-01"))).isNull();
    assertThat(PageDates.plausible(day("1995-06-01"))).isEqualTo(day("1995-06-01"));
  }

  @Test
  void otherPublicationKeysCountButModificationDatesNever() {
    assertThat(
            page("<meta name='w-published-date' content='2025-05-27T06:03:43.274Z'>" + BODY)
                .published)
        .isEqualTo(Instant.parse("2025-05-27T06:03:43.274Z"));
    assertThat(page("<meta name='date-pub' content='2025-12-19'>" + BODY).published)
        .isEqualTo(day("2025-12-19"));
    assertThat(
            page("<meta property='article:modified_time' content='2025-12-19T16:28:46+00:00'>"
                    + "<meta property='og:updated_time' content='2025-12-19'>"
                    + BODY)
                .published)
        .isNull();
    assertThat(
            page("<meta itemprop='datePublished' content='2025-12-17UTC07:30:00+00:00'>" + BODY)
                .published)
        .isEqualTo(day("2025-12-17"));
    assertThat(
            page("<script>window.__DATA__={\"post\":{\"title\":\"x\",\"publishedAt\":\"2024-08-25T12:00:00Z\"}}</script>"
                    + BODY)
                .published)
        .isEqualTo(Instant.parse("2024-08-25T12:00:00Z"));
  }

  @Test
  void aDateInTheUrlPath() {
    assertThat(PageDates.urlDate("https://blogs.example.edu/scst/2016/02/09/what-tutoring-is/"))
        .isEqualTo(day("2016-02-09"));
    assertThat(PageDates.urlDate("https://lmsys.org/blog/2025-12-17-minisgl"))
        .isEqualTo(day("2025-12-17"));
    assertThat(PageDates.urlDate("https://x.example/news/20190402/story.html"))
        .isEqualTo(day("2019-04-02"));
    assertThat(PageDates.urlDate("https://x.example/articles%2F2025-12-15%2BRust"))
        .isEqualTo(day("2025-12-15"));
    assertThat(PageDates.urlDate("https://x.example/product/20251399")).isNull();
    assertThat(PageDates.urlDate("https://2019-04-02.example/"))
        .isNull(); // the host is not the path
  }

  @Test
  void writtenDatesInSeveralLanguages() {
    assertThat(PageDates.writtenDate("Published September 4, 2025 by Jane"))
        .isEqualTo(day("2025-09-04"));
    assertThat(PageDates.writtenDate("Sept. 4th, 2025")).isEqualTo(day("2025-09-04"));
    assertThat(PageDates.writtenDate("4 septembre 2025")).isEqualTo(day("2025-09-04"));
    assertThat(PageDates.writtenDate("4. März 2025")).isEqualTo(day("2025-03-04"));
    assertThat(PageDates.writtenDate("4 de septiembre de 2025")).isEqualTo(day("2025-09-04"));
    assertThat(PageDates.writtenDate("12 grudnia 2024")).isEqualTo(day("2024-12-12"));
    assertThat(PageDates.writtenDate("04.09.2025, 10:32")).isEqualTo(day("2025-09-04"));
    assertThat(PageDates.writtenDate("2025-09-04")).isEqualTo(day("2025-09-04"));
    assertThat(PageDates.writtenDate("The 2025 season starts in May")).isNull();
    assertThat(PageDates.writtenDate("February 30, 2025")).isNull();
  }

  @Test
  void aDateShownUnderTheHeadlineButNotAnUpdateOrATeaserFarBelow() {
    assertThat(
            page("<title>Bridge closes</title><h1>Bridge closes</h1><div class='c-meta__date'>December 24, 2024</div>"
                    + BODY)
                .published)
        .isEqualTo(day("2024-12-24"));
    assertThat(
            page("<title>Bridge closes</title><h1>Bridge closes</h1><p>By Ann Lee</p><p>April 8, 2024</p>"
                    + BODY)
                .published)
        .isEqualTo(day("2024-04-08"));
    assertThat(
            page("<title>Bridge closes</title><h1>Bridge closes</h1><span class='date'>Updated on July 9, 2025</span>"
                    + BODY)
                .published)
        .isNull();
    StringBuilder far = new StringBuilder("<title>Bridge closes</title><h1>Bridge closes</h1>");
    for (int i = 0; i < 300; i++) far.append("<p>Paragraph ").append(i).append(".</p>");
    far.append("<span class='date'>March 1, 2020</span>");
    assertThat(page(far.toString()).published).isNull();
  }

  @Test
  void documentWithoutHeadOrBodyHasNoDate() {
    Document doc = Jsoup.parse("");
    assertThat(PageDates.published(ParsedPage.of(doc), java.util.Map.of(), "", "")).isNull();
  }
}
