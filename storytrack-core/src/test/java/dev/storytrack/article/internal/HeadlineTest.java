package dev.storytrack.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadlineTest {
  @Test
  void aSubtitleLongerThanTheHeadlinePartIsNoSiteName() {
    assertThat(Headline.withoutSiteName("Bridge closes - what the repairs mean for commuters", ""))
        .isEqualTo("Bridge closes - what the repairs mean for commuters");
    assertThat(Headline.withoutSiteName("Bridge closes | City Paper", ""))
        .isEqualTo("Bridge closes");
  }
}
