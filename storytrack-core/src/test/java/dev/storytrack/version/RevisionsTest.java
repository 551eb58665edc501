package dev.storytrack.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionsTest {
  static final String BODY =
      "Floods swept through the valley on Monday and killed eight people in three villages, the regional governor said.\n"
          + "Rescue teams from three provinces were searching for survivors in the mud.\n"
          + "The river burst its banks after four days of heavy rain across the region.\n";

  static Revisions.Text text(int n, String title, String body) {
    return new Revisions.Text(n, null, null, title, body);
  }

  @Test
  void headlineOnlyEditChangesNothingElse() {
    Revision.Changes c =
        Revisions.defaults()
            .changes(
                text(1, "Floods kill eight", BODY), text(2, "Floods kill eight in valley", BODY));
    assertThat(c.headline())
        .isEqualTo(new Revision.Headline("Floods kill eight", "Floods kill eight in valley"));
    assertThat(c.added()).isEmpty();
    assertThat(c.dropped()).isEmpty();
    assertThat(c.variants()).isEmpty();
    assertThat(c.correction()).isFalse();
  }

  @Test
  void aChangedFigureIsAVariantAndAnUpdateNoteIsACorrectionOnlyWhenNew() {
    String updated =
        BODY.replace("eight", "eleven") + "This story has been updated with the latest toll.\n";
    Revision.Changes c = Revisions.defaults().changes(text(1, "t", BODY), text(2, "t", updated));
    assertThat(c.headline()).isNull();
    assertThat(c.variants())
        .extracting(Version.Change::kind, Version.Change::before, Version.Change::after)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("figure", "eight", "eleven"));
    assertThat(c.correction()).isTrue();
    assertThat(c.correctionNote()).isEqualTo("This story has been updated with the latest toll.");
    // The same note in both revisions is not a new correction.
    String again = updated.replace("three provinces", "four provinces");
    Revision.Changes d = Revisions.defaults().changes(text(2, "t", updated), text(3, "t", again));
    assertThat(d.correction()).isFalse();
    assertThat(d.variants()).extracting(Version.Change::after).containsExactly("four");
  }

  @Test
  void revisionsAreComparedWithTheOneBefore() {
    String second =
        BODY.replace(
            "Rescue teams from three provinces were searching for survivors in the mud.\n", "");
    List<Revision> rs =
        Revisions.defaults()
            .of(List.of(text(4, "a", BODY), text(5, "a", second), text(6, "b", second)));
    assertThat(rs).extracting(Revision::number).containsExactly(4, 5, 6);
    assertThat(rs.get(0).changes()).isNull();
    assertThat(rs.get(1).changes().dropped())
        .extracting(dev.storytrack.align.Segment::text)
        .containsExactly(
            "Rescue teams from three provinces were searching for survivors in the mud.");
    assertThat(rs.get(2).changes().dropped()).isEmpty();
    assertThat(rs.get(2).changes().headline().after()).isEqualTo("b");
  }

  @Test
  void notesAreFoundInTheirWordings() {
    assertThat(Revisions.notes("Intro.\nCorrection: the toll was 11, not 8.\nMore."))
        .containsExactly("Correction: the toll was 11, not 8.");
    assertThat(Revisions.notes("An earlier version of this story misspelled his name.")).hasSize(1);
    assertThat(
            Revisions.notes("Updated: 12:03 GMT\nThe minister corrected reporters on the figure."))
        .isEmpty();
  }
}
