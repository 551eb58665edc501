package dev.storytrack.eval.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storytrack.quote.Quote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolNearTest {
  private static final Path MINI = Path.of("src/test/resources/polnear-mini");

  @Test
  void readsAttributionsDiscontinuousSpansAndTheFirstAnnotatorOnly() throws Exception {
    List<String> problems = new ArrayList<>();
    List<PolNear.Doc> docs = PolNear.read(MINI, "dev", problems::add);
    assertThat(problems).isEmpty();
    assertThat(docs).hasSize(1);
    PolNear.Doc d = docs.get(0);
    assertThat(d.id()).isEqualTo("mini_2016-01-01_mayor-backs-plan");
    assertThat(d.attributions()).hasSize(2);
    PolNear.Attribution first = d.attributions().get(0);
    assertThat(text(d, first.content())).isEqualTo("\"We are ready,\"");
    assertThat(text(d, first.source())).isEqualTo("Mayor Ann Lee");
    assertThat(text(d, first.cue())).isEqualTo("said");
    PolNear.Attribution second = d.attributions().get(1);
    assertThat(second.content()).hasSize(2);
    assertThat(text(d, second.content())).isEqualTo("the plan|would cost less");
    assertThat(d.discarded()).containsExactly(new PolNear.Span(0, 17));
  }

  @Test
  void aSpanOutsideTheTextIsAnErrorNamingTheFileAndLine() {
    assertThatThrownBy(
            () -> PolNear.parse("x", "short", List.of("T1\tContent 0 99\tx"), Path.of("x.ann")))
        .hasMessageContaining("x.ann:1");
  }

  @Test
  void missingSplitIsAnError() {
    assertThatThrownBy(() -> PolNear.read(MINI, "train", p -> {})).hasMessageContaining("train");
  }

  @Test
  void scoresWordOverlapOneToOneAndDirectQuotesByTheirMarks() throws Exception {
    PolNear.Doc d = PolNear.read(MINI, "dev", p -> {}).get(0);
    String t = d.text();
    int s = t.indexOf("We are");
    int plan = t.indexOf("the plan");
    List<Quote> predicted =
        List.of(
            new Quote(
                "We are ready",
                "Mayor Ann Lee",
                "Ann Lee",
                "said",
                true,
                s,
                s + 12,
                t.indexOf("Mayor Ann"),
                t.indexOf("Mayor Ann") + 13,
                -1,
                -1),
            // The same words twice: one-to-one matching counts one of them.
            new Quote("We are ready", null, null, null, true, s, s + 12, -1, -1, -1, -1),
            // 2 of 5 gold words, 2 predicted: overlap F1 4/7 >= 0.5, source wrong.
            new Quote(
                "the plan",
                "Mayor Ann Lee",
                "Ann Lee",
                "said",
                false,
                plan,
                plan + 8,
                t.indexOf("Mayor Ann"),
                t.indexOf("Mayor Ann") + 13,
                -1,
                -1),
            // Inside the discarded headline: ignored.
            new Quote("Mayor backs plan", null, null, null, false, 0, 16, -1, -1, -1, -1));
    QuoteEvaluation.Report r = QuoteEvaluation.evaluate(List.of(d), text -> predicted, null);
    assertThat(r.all()).isEqualTo(new QuoteEvaluation.Prf(3, 2, 2, 2));
    assertThat(r.allWithSource()).isEqualTo(new QuoteEvaluation.Prf(3, 2, 1, 1));
    assertThat(r.direct()).isEqualTo(new QuoteEvaluation.Prf(2, 1, 1, 1));
    assertThat(r.direct().f1())
        .isCloseTo(2 * 0.5 * 1.0 / 1.5, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void overlapF1CountsRepeatedWordsOnce() {
    assertThat(
            QuoteEvaluation.overlapF1(
                QuoteEvaluation.words("a a b"), QuoteEvaluation.words("a b c")))
        .isEqualTo(2.0 * 2 / 6);
  }

  private static String text(PolNear.Doc d, List<PolNear.Span> spans) {
    List<String> parts = new ArrayList<>();
    for (PolNear.Span s : spans) parts.add(d.text().substring(s.start(), s.end()));
    return String.join("|", parts);
  }
}
