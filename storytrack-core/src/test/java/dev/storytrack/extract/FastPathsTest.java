package dev.storytrack.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storytrack.article.Article;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final List<String> PIECES = List.of(" ", " ", "  ", "\t", "\u00A0", "\u200B",
      "\uFEFF", "\u2003", "\r", "\u0001", "a", "The", "word", "é", "İ", "Σ", "ß", "\u4E2D",
      "\uD83D\uDE00", "'s", "’", "-", ".", ":", "(c) 2024", "©", "by ", "By Maria", "Posted by",
      "read more", "Related", "12", "3 comments on", "do you like this article", "ads",
      "sponsored", "continue reading", "click here", "copyright", "required field",
      "all rights reserved", "notify me of", "photo", "getty", "the", "und", "der", "de", "przez",
      "się", "não", "für", "della", "with", "nicht", "x");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> spacedTexts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join(" ", l));
  }

  @Property(tries = 2000)
  void whitespaceOverCharsMatchesTheStringVersionAndCountsWords(@ForAll("texts") String s) {
    int[] words = new int[1];
    char[] cs = ("x\n" + s + "\ny").toCharArray();
    String line = Normalize.whitespace(cs, 2, cs.length - 2, words);
    assertThat(line).isEqualTo(Normalize.whitespace(s));
    assertThat(words[0]).isEqualTo(Normalize.words(line));
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
    String[][] groups = {{"required field", "notify me of"}, {"all rights reserved", "photo"},
        {"pic", "phone", "all rights"}};
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
      for (LeadingPairs rule : LineRules.anchoredRules()) {
        assertThat(rule.lookingAt(x)).as("%s on %s", rule.pattern(), x)
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

  @Property(tries = 2000)
  void languageGuessMatchesTheStringMapVersion(@ForAll("spacedTexts") String s) {
    String text = s + " " + s + " " + s; // enough words to decide sometimes
    assertThat(PageMetadata.guessLanguage(text)).isEqualTo(referenceLanguage(text));
  }

  @Test
  void languageGuessStillNamesLanguages() {
    assertThat(PageMetadata.guessLanguage("The man and the dog went to the park with the kids in "
        .repeat(3))).isEqualTo("en");
    assertThat(PageMetadata.guessLanguage("Der Mann und die Frau sind mit dem Hund in den Park "
        .repeat(3))).isEqualTo("de");
    assertThat(PageMetadata.guessLanguage("Nie wiem, czy to jest dobry pomysł, ale się zgodzę "
        .repeat(3))).isEqualTo("pl");
  }

  @Property(tries = 300)
  void cleanTextIsTheExtractedText(@ForAll("spacedTexts") String a, @ForAll("spacedTexts") String b) {
    String text = a + "\n\n" + "The minister said the plan would not be enough for the families.\n\n"
        + b + "\n" + a;
    Article article = new Article("x", "", "", a, null, text, null);
    Extractor e = Extractor.defaults();
    assertThat(e.cleanText(article)).isEqualTo(e.extract(article).text());
  }

  /** The language guess as first written: a map from function word to languages, one String per word. */
  private static String referenceLanguage(String text) {
    String[][] rows = {
      {"en", "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "as", "he", "are", "this", "by", "be", "at"},
      {"de", "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine"},
      {"fr", "le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "qui", "dans", "pour", "pas", "au", "sur", "avec"},
      {"es", "el", "la", "de", "que", "y", "en", "los", "del", "se", "las", "por", "un", "para", "con", "una", "su", "al", "es", "lo"},
      {"it", "il", "di", "che", "e", "la", "per", "un", "in", "del", "della", "non", "una", "sono", "le", "si", "con", "gli", "da", "nel"},
      {"pt", "de", "que", "o", "a", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as"},
      {"nl", "de", "het", "een", "van", "en", "in", "is", "dat", "op", "te", "voor", "met", "zijn", "niet", "aan", "er", "ook", "als", "bij"},
      {"pl", "i", "w", "na", "się", "z", "nie", "do", "to", "że", "jest", "o", "jak", "po", "co", "ale", "od", "za", "przez", "dla"},
    };
    Map<String, Integer> langs = new HashMap<>();
    for (int i = 0; i < rows.length; i++) {
      for (int k = 1; k < rows[i].length; k++) langs.merge(rows[i][k], 1 << i, (x, y) -> x | y);
    }
    int end = Math.min(text.length(), 4000);
    int[] hits = new int[rows.length];
    int words = 0;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= end; i++) {
      char c = i < end ? text.charAt(i) : ' ';
      if (Character.isLetter(c) || c == '\'') {
        word.append(Character.toLowerCase(c));
        continue;
      }
      if (word.length() == 0) continue;
      words++;
      Integer l = langs.get(word.toString());
      word.setLength(0);
      if (l == null) continue;
      for (int k = 0; k < hits.length; k++) if ((l >> k & 1) != 0) hits[k]++;
    }
    if (words < 20) return "";
    int best = 0;
    int second = 0;
    String code = "";
    for (int i = 0; i < hits.length; i++) {
      if (hits[i] > best) {
        second = best;
        best = hits[i];
        code = rows[i][0];
      } else if (hits[i] > second) {
        second = hits[i];
      }
    }
    return best * 10 >= words && best > second * 3 / 2 ? code : "";
  }
}
