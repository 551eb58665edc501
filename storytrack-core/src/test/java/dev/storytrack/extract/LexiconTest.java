package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LexiconTest {
  @Test
  void listsJoinTheLanguagesInOrderEnglishFirst() {
    var headers = Lexicon.entries("related-headers");
    assertThat(headers.get(0)).isEqualTo("read more");
    assertThat(headers.indexOf("weiterlesen")).isGreaterThan(headers.indexOf("keep reading"));
    assertThat(headers.indexOf("lees ook")).isGreaterThan(headers.indexOf("leggi anche"));
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndQuotesKeepSpaces() {
    var prompts = Lexicon.entries("prompt-phrases");
    assertThat(prompts).contains("ein abo ", "ein abo.", "subscribe now");
    assertThat(prompts).noneMatch(p -> p.startsWith("#") || p.isBlank() || p.startsWith("\""));
  }

  @Test
  void wordsOfOtherLanguagesComeFromTheirFiles() {
    assertThat(Vocab.COMMENT).contains("comments", "kommentare", "reacties", "komentarz");
    assertThat(Vocab.SHARE_ANCHOR).contains("udost\u0119pnij", "teilen");
    assertThat(LineShapes.AD_LABELS).contains("anzeige", "publicit\u00e9");
  }

  @Test
  void anUnknownListIsAnError() {
    assertThatThrownBy(() -> Lexicon.entries("no-such-list"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-list");
  }
}
