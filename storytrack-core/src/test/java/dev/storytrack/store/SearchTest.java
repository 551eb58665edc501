package dev.storytrack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storytrack.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {
  @TempDir Path dir;
  private StoryStore store;

  private static Article art(String id, String source, String day, String title, String text) {
    return new Article(
        id,
        source,
        "https://" + source + "/" + id,
        title,
        Instant.parse(day + "T10:00:00Z"),
        text,
        "");
  }

  @BeforeEach
  void fill() throws IOException {
    store = StoryStore.open(dir);
    store.ingest(
        List.of(
            art(
                "mueller",
                "news.example",
                "2019-04-18",
                "Mueller report released",
                "The Mueller report on Russian interference in the election was released on Thursday by the attorney general."
                    + " Congress will read the redacted Mueller report in full next week."),
            art(
                "shooting",
                "other.example",
                "2019-04-19",
                "Gunman kills three at a school",
                "A gunman killed three people at a school in Texas, the police report said. Officers arrived within minutes"
                    + " and the suspect was arrested."),
            art(
                "apart",
                "third.example",
                "2019-05-02",
                "Congress questions Barr",
                "Robert Mueller said little in public. Lawmakers asked why the report took so long to reach them and"
                    + " when the full text would be shown."),
            art(
                "titled",
                "news.example",
                "2019-06-01",
                "Mueller testifies",
                "The former special counsel appeared before two committees and answered questions for seven hours.")));
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws IOException {
    store.close();
  }

  private List<String> ids(SearchQuery q) throws IOException {
    return store.search(q).articles().stream().map(h -> h.article().id()).toList();
  }

  @Test
  void everyWordMustMatchByDefault() throws IOException {
    assertThat(ids(SearchQuery.of("Mueller report", 0, 10)))
        .containsExactlyInAnyOrder("mueller", "apart");
    assertThat(ids(SearchQuery.of("Mueller OR gunman", 0, 10)))
        .contains("shooting", "mueller", "titled");
    assertThat(ids(SearchQuery.of("report -Mueller", 0, 10))).containsExactly("shooting");
  }

  @Test
  void phrasesFieldsAndPastedHeadlines() throws IOException {
    assertThat(ids(SearchQuery.of("\"Mueller report\"", 0, 10))).containsExactly("mueller");
    assertThat(ids(SearchQuery.of("title:mueller", 0, 10)))
        .containsExactlyInAnyOrder("mueller", "titled");
    assertThat(ids(SearchQuery.of("mueller source:NEWS.example", 0, 10)))
        .containsExactlyInAnyOrder("mueller", "titled");
    // A colon after an ordinary word is text, not a field; an unclosed quote is searched as words.
    assertThat(ids(SearchQuery.of("Texas: gunman", 0, 10))).containsExactly("shooting");
    assertThat(ids(SearchQuery.of("\"gunman school", 0, 10))).containsExactly("shooting");
  }

  @Test
  void dateAndSourceFiltersAndOrder() throws IOException {
    SearchQuery mayOn =
        new SearchQuery(
            "mueller",
            Instant.parse("2019-05-01T00:00:00Z"),
            null,
            List.of(),
            SearchQuery.Order.BEST,
            0,
            10);
    assertThat(ids(mayOn)).containsExactlyInAnyOrder("apart", "titled");
    SearchQuery aprilNews =
        new SearchQuery(
            "mueller",
            null,
            Instant.parse("2019-05-01T00:00:00Z"),
            List.of("www.news.example"),
            SearchQuery.Order.BEST,
            0,
            10);
    assertThat(ids(aprilNews)).containsExactly("mueller");
    SearchQuery newest =
        new SearchQuery("mueller", null, null, List.of(), SearchQuery.Order.NEWEST, 0, 10);
    assertThat(ids(newest)).containsExactly("titled", "apart", "mueller");
    assertThat(store.search(newest).order().label()).isEqualTo("newest first");
    assertThat(store.search(SearchQuery.of("x", 0, 1)).order().label())
        .isEqualTo("best match first");
    assertThatThrownBy(
            () ->
                new SearchQuery(
                    "x",
                    Instant.parse("2019-05-02T00:00:00Z"),
                    Instant.parse("2019-05-01T00:00:00Z"),
                    List.of(),
                    null,
                    0,
                    10))
        .hasMessageContaining("after until");
  }

  @Test
  void hitsCarryMarkedSnippetsAndTheirStories() throws IOException {
    SearchResults r = store.search(SearchQuery.of("\"Mueller report\" released", 0, 10));
    SearchHit hit = r.articles().get(0);
    assertThat(hit.article().id()).isEqualTo("mueller");
    assertThat(hit.article().source()).isEqualTo("news.example");
    assertThat(hit.article().published()).isEqualTo(Instant.parse("2019-04-18T10:00:00Z"));
    assertThat(hit.story()).isNotBlank();
    assertThat(hit.highlights()).isNotEmpty();
    List<String> marked =
        hit.highlights().stream().map(h -> hit.snippet().substring(h.start(), h.end())).toList();
    assertThat(marked).contains("Mueller report", "released");
    assertThat(hit.snippet()).doesNotContain("  ", "\n");
    assertThat(r.totalArticles()).isEqualTo(1);
    assertThat(r.stories()).extracting(StorySummary::id).containsExactly(hit.story());
    assertThat(r.totalStories()).isEqualTo(1);
  }

  @Test
  void storyListsUseTheSameAndSearch() throws IOException {
    StoryPage p = store.stories(new StoryQuery(null, null, "gunman report", 0, 10));
    String shootingStory = store.article("shooting").orElseThrow().story();
    assertThat(p.stories()).extracting(StorySummary::id).containsExactly(shootingStory);
  }
}
