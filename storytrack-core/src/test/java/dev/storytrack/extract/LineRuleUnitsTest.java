package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.extract.Removed.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule on its own, over lines built by hand. */
class LineRuleUnitsTest {
  private static Lines lines(List<String> titles, String... texts) {
    List<Block> blocks = new ArrayList<>();
    for (String t : texts) blocks.add(Block.of(t));
    List<String> keys = new ArrayList<>();
    for (String t : titles) keys.add(Normalize.key(t));
    return new Lines(blocks, keys, false).article();
  }

  private static List<Removed.Reason> reasons(Lines l) {
    List<Removed.Reason> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) out.add(l.reason(i));
    return out;
  }

  @Test
  void rulesHaveDistinctNames() {
    var names = new HashSet<String>();
    for (LineRule r : LineRules.RULES) assertThat(names.add(r.name())).as(r.name()).isTrue();
  }

  @Test
  void aCommentHeaderAfterTwoParagraphsRemovesItselfAndAllAfterIt() {
    Lines l =
        lines(
            List.of(),
            LineRulesTest.BODY.get(0),
            LineRulesTest.BODY.get(1),
            "12 comments",
            "I think the council is right about this and said so at the meeting.");
    new LineRules.CommentSection().apply(l);
    assertThat(reasons(l)).containsExactly(null, null, Reason.COMMENTS, Reason.COMMENTS);
  }

  @Test
  void aCommentHeaderBeforeTheBodyIsNoCommentSection() {
    Lines l = lines(List.of(), "12 comments", LineRulesTest.BODY.get(0), LineRulesTest.BODY.get(1));
    new LineRules.CommentSection().apply(l);
    assertThat(reasons(l)).containsOnlyNulls();
  }

  @Test
  void theTitleGoesOnlyBeforeTheFirstProse() {
    String title = "Water shortage in the south";
    Lines before = lines(List.of(title), "Water Shortage in the South", LineRulesTest.BODY.get(0));
    new LineRules.RepeatedTitle().apply(before);
    assertThat(reasons(before)).containsExactly(Reason.TITLE, null);

    Lines after = lines(List.of(title), LineRulesTest.BODY.get(0), "Water Shortage in the South");
    new LineRules.RepeatedTitle().apply(after);
    assertThat(reasons(after)).containsOnlyNulls();
  }

  @Test
  void aShortLineGoesAtTheEdgesAndStaysBetweenParagraphs() {
    Lines l =
        lines(
            List.of(),
            "Home News",
            LineRulesTest.BODY.get(0),
            "Pumping Station",
            LineRulesTest.BODY.get(1),
            "Top Stories Today");
    new LineRules.Edges().apply(l);
    assertThat(reasons(l)).containsExactly(Reason.NAVIGATION, null, null, null, Reason.NAVIGATION);
  }
}
