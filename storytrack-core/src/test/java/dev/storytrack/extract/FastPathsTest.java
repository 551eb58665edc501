package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The plain-text cleaning fast paths give the same answers as the straightforward code they
 * replace: each is compared with its reference on random strings built from the characters and
 * words the fast paths treat specially.
 */
class FastPathsTest {
  private static final List<String> PIECES =
      List.of(
          " ",
          " ",
          "  ",
          "\t",
          "\u00A0",
          "\u200B",
          "\uFEFF",
          "\u00AD",
          "\u2003",
          "\r",
          "\u0001",
          "a",
          "The",
          "word",
          "é",
          "e\u0301",
          "\u2000",
          "İ",
          "Σ",
          "ß",
          "\u4E2D",
          "\uD83D\uDE00",
          "'s",
          "’",
          "-",
          ".",
          ":",
          "(c) 2024",
          "©",
          "by ",
          "By Maria",
          "Posted by",
          "read more",
          "Related",
          "12",
          "3 comments on",
          "do you like this article",
          "ads",
          "sponsored",
          "continue reading",
          "click here",
          "copyright",
          "required field",
          "all rights reserved",
          "notify me of",
          "photo",
          "getty",
          "the",
          "und",
          "der",
          "de",
          "przez",
          "się",
          "não",
          "für",
          "della",
          "with",
          "nicht",
          "x");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> spacedTexts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join(" ", l));
  }

  @Test
  void charactersLeftAsIsAreInFormCInAnyPair() {
    // Form C is decided by a character and what precedes it (no character below composes, none is
    // reordered), so every pair being in form C proves any text of them is.
    StringBuilder safe = new StringBuilder();
    for (char c = 0; c < '\uFFFF'; c++) if (Extractor.formCAsIs(c)) safe.append(c);
    assertThat(safe.length()).isGreaterThan(2400);
    for (int i = 0; i < safe.length(); i++) {
      for (int j = 0; j < safe.length(); j++) {
        String pair = "" + safe.charAt(i) + safe.charAt(j);
        if (!Normalizer.isNormalized(pair, Normalizer.Form.NFC)) {
          throw new AssertionError(
              "not in form C: U+"
                  + Integer.toHexString(pair.charAt(0))
                  + " U+"
                  + Integer.toHexString(pair.charAt(1)));
        }
      }
    }
  }

  @Property(tries = 1000)
  void nfcIsTheJdksNormalization(@ForAll("texts") String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    assertThat(Extractor.nfc(decomposed)).isEqualTo(Normalizer.normalize(s, Normalizer.Form.NFC));
    assertThat(Extractor.nfc(s)).isEqualTo(Normalizer.normalize(s, Normalizer.Form.NFC));
  }

  @Property(tries = 2000)
  void whitespaceOverCharsMatchesTheStringVersionAndCountsWords(@ForAll("texts") String s) {
    int[] words = new int[1];
    char[] cs = ("x\n" + s + "\ny").toCharArray();
    String line = Normalize.whitespace(cs, 2, cs.length - 2, words);
    assertThat(line).isEqualTo(Normalize.whitespace(s));
    assertThat(words[0]).isEqualTo(Words.count(line));
  }

  @Property(tries = 2000)
  void keyFastPathMatchesTheGeneralKey(@ForAll("texts") String s) {
    assertThat(Normalize.key(s)).isEqualTo(Normalize.keyGeneral(s));
  }

  @Property(tries = 2000)
  void phrasesMatchIndexOf(@ForAll("spacedTexts") String s) {
    String[] phrases = {"required field", "notify me of", "all rights reserved", "photo", "pic"};
    Phrases p = new Phrases(phrases);
    String lower = s.toLowerCase(Locale.ROOT);
    boolean any = false;
    for (String x : phrases) any |= lower.contains(x);
    assertThat(p.in(lower)).isEqualTo(any);
  }

  @Property(tries = 2000)
  void groupedPhrasesTellEachGroupAsIndexOfDoes(@ForAll("spacedTexts") String s) {
    String[][] groups = {
      {"required field", "notify me of"},
      {"all rights reserved", "photo"},
      {"pic", "phone", "all rights"}
    };
    Phrases p = Phrases.grouped(groups);
    String lower = s.toLowerCase(Locale.ROOT);
    int want = 0;
    for (int g = 0; g < groups.length; g++) {
      for (String x : groups[g]) if (lower.contains(x)) want |= 1 << g;
    }
    assertThat(p.groups(lower)).isEqualTo(want);
    assertThat(p.in(lower)).isEqualTo(want != 0);
  }

  @Property(tries = 3000)
  void leadingPairsNeverRejectAMatch(@ForAll("spacedTexts") String s) {
    for (String x : List.of(s, s.toLowerCase(Locale.ROOT), s.strip())) {
      for (LeadingPairs rule : LineShapes.anchoredRules()) {
        assertThat(rule.lookingAt(x))
            .as("%s on %s", rule.pattern(), x)
            .isEqualTo(rule.pattern().matcher(x).lookingAt());
      }
    }
  }

  @Test
  void leadingPairsRejectOrdinaryLinesAndKeepRuleStarts() {
    LeadingPairs byline = new LeadingPairs(Pattern.compile("^(?i:by|posted by)\\s*:?\\s+\\p{Lu}"));
    assertThat(byline.mayStart("the minister said")).isFalse();
    assertThat(byline.lookingAt("By Maria Lopez")).isTrue();
    assertThat(byline.lookingAt("POSTED BY Ahmed")).isTrue();
    assertThat(byline.lookingAt("by the river")).isFalse();
    LeadingPairs end = new LeadingPairs(Pattern.compile("ads?$|loading\\W*$"));
    assertThat(end.lookingAt("ad")).isTrue();
    assertThat(end.lookingAt("ads")).isTrue();
    assertThat(end.lookingAt("loading...")).isTrue();
    assertThat(end.mayStart("xy")).isFalse();
  }

  @Provide
  Arbitrary<String> multiLineTexts() {
    return Arbitraries.of(PIECES)
        .list()
        .ofMaxSize(60)
        .map(
            l -> {
              StringBuilder b = new StringBuilder();
              for (int i = 0; i < l.size(); i++)
                b.append(l.get(i)).append(i % 7 == 3 ? "\n" : i % 11 == 5 ? "\r\n\n" : "");
              return b.toString();
            });
  }

  /**
   * TextBlocks' one-pass line scan normalizes every line as Normalize.whitespace does and counts
   * its words: whether lines are joined into one block or kept apart, the blocks' texts joined by
   * spaces are the normalized non-empty lines joined by spaces.
   */
  @Property(tries = 3000)
  void textBlocksNormalizeEachLineAndCountItsWords(@ForAll("multiLineTexts") String s) {
    List<Block> blocks = TextBlocks.split(s);
    StringBuilder expected = new StringBuilder();
    for (String line : s.split("\r\n|\r|\n", -1)) {
      String n = Normalize.whitespace(line);
      if (n.isEmpty()) continue;
      if (expected.length() > 0) expected.append(' ');
      expected.append(n);
    }
    assertThat(String.join(" ", blocks.stream().map(Block::text).toList()))
        .isEqualTo(expected.toString());
    for (Block b : blocks) assertThat(b.words()).as(b.text()).isEqualTo(Words.count(b.text()));
  }

  /** The blocks' flag is whether every character may stand in form C as it is. */
  @Property(tries = 3000)
  void textBlocksTellWhetherTheTextIsInFormCAsItIs(@ForAll("multiLineTexts") String s) {
    TextBlocks.Split split = TextBlocks.read(s);
    assertThat(split.formC()).isEqualTo(s.chars().allMatch(c -> Extractor.formCAsIs((char) c)));
    assertThat(split.blocks()).isEqualTo(TextBlocks.split(s));
    String joined = String.join("\n\n", split.blocks().stream().map(Block::text).toList());
    if (split.formC()) assertThat(Normalizer.isNormalized(joined, Normalizer.Form.NFC)).isTrue();
  }

  @Property(tries = 2000)
  void keyIsLongerThanTheBoundWhenItSaysSo(@ForAll("texts") String s) {
    int len = Normalize.key(s).length();
    for (int max = 0; max <= 40; max++) {
      if (Normalize.keyLongerThan(s, max)) assertThat(len).as("max %d", max).isGreaterThan(max);
    }
    assertThat(Normalize.keyLongerThan(s, len)).isFalse();
  }

  private static final List<String> DATE_PIECES =
      List.of(
          "updated",
          "3",
          "hours",
          "ago",
          "jan",
          "mon",
          "12",
          "2025",
          "10:00",
          "gmt",
          "one",
          "no",
          "(s)",
          "e-mail",
          "comment(s)",
          "the",
          "police",
          "said",
          ",",
          ".",
          "k",
          "march",
          "posted",
          "on",
          "x's");

  @Provide
  Arbitrary<String> dateTexts() {
    return Arbitraries.of(DATE_PIECES).list().ofMaxSize(10).map(l -> String.join(" ", l));
  }

  /** The one-scan date line test says what listing the line's words and checking each says. */
  @Property(tries = 3000)
  void dateLineIsTheWordListsAnswer(@ForAll("dateTexts") String s) {
    Vocab.LineWords words = Vocab.words(s);
    boolean want =
        words.numbers() > 0
            && words.words().size() <= 6
            && words.words().stream().allMatch(w -> LineShapes.DATE_WORDS.matcher(w).matches());
    assertThat(LineShapes.dateLine(s)).isEqualTo(want);
  }

  @Property(tries = 300)
  void cleanTextIsTheExtractedText(
      @ForAll("spacedTexts") String a, @ForAll("spacedTexts") String b) {
    String text =
        a
            + "\n\n"
            + "The minister said the plan would not be enough for the families.\n\n"
            + b
            + "\n"
            + a;
    Article article = new Article("x", "", "", a, null, text, null);
    Extractor e = Extractor.defaults();
    assertThat(e.cleanText(article)).isEqualTo(e.extract(article).text());
  }
}
