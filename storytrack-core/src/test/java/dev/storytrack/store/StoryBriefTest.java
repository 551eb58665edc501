package dev.storytrack.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryBriefTest {
  @TempDir Path dir;

  private static final String REPORT =
      "PHOENIX: A man was shot and killed on Saturday near 96th Avenue and Olive Street in"
          + " Phoenix, police said.\n\n"
          + "Police Sgt. Trent Crump said officers found Marcus Cole Holt, 19, in a parking lot."
          + " Holt's family said he was on his way home from work.\n\n"
          + "Crump said detectives had no suspect. Investigators asked for help from the public."
          + "\n\nAnyone with information should call Silent Witness. The police said the shooting"
          + " was the third on 96th Avenue this year, and anyone who saw it should call.\n\n"
          + "Sgt. Crump said officers would patrol the area through the weekend.";

  private StoryBrief brief(Article a) throws IOException {
    try (StoryStore s = StoryStore.open(dir)) {
      String story = s.ingest(List.of(a)).stories().get(a.id());
      return StoryBrief.of(s.story(story).orElseThrow(), s.storyArticles(story));
    }
  }

  @Test
  void aSurnameUsedAloneIsThePersonNamedInFull() throws IOException {
    StoryBrief b = brief(Article.ofText("phx-1", "Man shot dead in Phoenix", REPORT));
    assertThat(b.people()).contains("Trent Crump", "Marcus Cole Holt");
    assertThat(all(b)).doesNotContain("Crump", "Holt", "Holt's");
  }

  @Test
  void wordsCapitalizedOnlyToOpenASentenceAreNoNames() throws IOException {
    StoryBrief b = brief(Article.ofText("phx-1", "Man shot dead in Phoenix", REPORT));
    // "Police" and "anyone" are written in lower case too; "Investigators" only opens a
    // sentence; "Sgt" is a title; "Avenue" is only ever a part of "96th Avenue".
    assertThat(all(b)).doesNotContain("Police", "Anyone", "Investigators", "Sgt", "Avenue");
    assertThat(all(b)).contains("Olive Street", "Silent Witness");
    assertThat(b.places()).anyMatch(p -> p.equalsIgnoreCase("Phoenix"));
  }

  @Test
  void aPossessiveIsNotPartOfTheNameShown() {
    assertThat(StoryBrief.shown("Holt's")).isEqualTo("Holt");
    assertThat(StoryBrief.shown("Holt\u2019s")).isEqualTo("Holt");
    assertThat(StoryBrief.shown("Mars")).isEqualTo("Mars");
    assertThat(StoryBrief.shown("'s")).isEqualTo("'s");
  }

  @Test
  void aWordInsideASentenceAfterACapitalizedWordIsPartOfALongerName() {
    StoryBrief.Words w =
        new StoryBrief.Words(
            List.of(
                stored(
                    "Investigators closed 96th Avenue and Olive Street. Minneapolis police"
                        + " and officers in Perris, Calif., helped; Riley said the Minneapolis"
                        + " office ran the search.")));
    assertThat(w.onlyOpensSentences("Investigators")).isTrue();
    assertThat(w.onlyOpensSentences("Avenue")).isTrue();
    assertThat(w.onlyOpensSentences("Street")).isTrue();
    assertThat(w.onlyOpensSentences("Minneapolis")).isFalse();
    assertThat(w.onlyOpensSentences("Perris")).isFalse();
    // Capitals alone (an acronym, a dateline) are never asked.
    assertThat(w.onlyOpensSentences("ATF")).isFalse();
    // "Minneapolis police", "officers in Perris".
    assertThat(w.notAName("Police")).isTrue();
    assertThat(w.notAName("Officers")).isTrue();
    assertThat(w.notAName("Sgt")).isTrue();
    assertThat(w.notAName("Riley")).isFalse();
    assertThat(w.notAName("Nov")).isTrue();
    assertThat(w.notAName("Tuesday")).isTrue();
    assertThat(w.notAName("Olive Street")).isFalse();
    assertThat(w.notAName("Injured In Florida City Shooting")).isTrue();
    assertThat(w.notAName("Anyone With Information Is Asked To Call")).isTrue();
    assertThat(w.notAName("Bank of America")).isFalse();
    // The first word is never the giveaway: "On Point" may name a show.
    assertThat(w.notAName("On Point")).isFalse();
  }

  private static StoredArticle stored(String text) {
    return new StoredArticle(Article.ofText("x", "", text), text, "s1", "");
  }

  private static List<String> all(StoryBrief b) {
    List<String> out = new ArrayList<>(b.people());
    out.addAll(b.places());
    out.addAll(b.otherNames());
    return out;
  }
}
