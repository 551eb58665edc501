package dev.storytrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.store.TimelinePoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The story timeline at scale: per day, or per week with counts per source past 60 days. */
class TimelineTest {
  @Test
  void shortStoriesStayPerDay() {
    List<TimelinePoint> days =
        List.of(new TimelinePoint("2019-03-01", "a", 2), new TimelinePoint("2019-04-20", "a", 1));
    assertThat(StoryCommand.buckets(days)).isSameAs(days);
  }

  @Test
  void longStoriesAreCountedPerWeekAndSource() {
    List<TimelinePoint> days =
        List.of(
            new TimelinePoint("", "a", 4),
            new TimelinePoint("2019-03-04", "a", 2), // a Monday
            new TimelinePoint("2019-03-06", "a", 3),
            new TimelinePoint("2019-03-10", "b", 1), // the Sunday of the same week
            new TimelinePoint("2019-03-11", "a", 5), // the next Monday
            new TimelinePoint("2019-06-01", "b", 7));
    assertThat(StoryCommand.buckets(days))
        .containsExactly(
            new TimelinePoint("2019-03-04", "a", 5),
            new TimelinePoint("2019-03-04", "b", 1),
            new TimelinePoint("2019-03-11", "a", 5),
            new TimelinePoint("2019-05-27", "b", 7),
            new TimelinePoint("", "a", 4));
    int before = days.stream().mapToInt(TimelinePoint::articles).sum();
    assertThat(StoryCommand.buckets(days).stream().mapToInt(TimelinePoint::articles).sum())
        .isEqualTo(before);
  }
}
