package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storytrack.extract.Removed.Reason;
import org.junit.jupiter.api.Test;

class RemovedTest {
  @Test
  void jsonAndTextNameEachReasonInLowerCase() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.writeValueAsString(new Removed("Photo: AFP", Reason.CAPTION)))
        .isEqualTo("{\"text\":\"Photo: AFP\",\"reason\":\"caption\"}");
    assertThat(Removed.Reason.values())
        .extracting(Removed.Reason::label)
        .containsExactly(
            "title",
            "comments",
            "form",
            "caption",
            "byline",
            "navigation",
            "related",
            "share",
            "subscribe",
            "cookie",
            "widget",
            "outside");
    for (Removed.Reason r : Removed.Reason.values()) {
      assertThat(r.toString()).isEqualTo(r.label());
      assertThat(mapper.writeValueAsString(r)).isEqualTo("\"" + r.label() + "\"");
    }
  }
}
